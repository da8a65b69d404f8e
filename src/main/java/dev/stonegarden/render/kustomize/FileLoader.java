package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.files.RenderBudget;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.files.Utf8Text;
import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.pipeline.ReadLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the files of one kustomization directory under kustomize's default load restriction ({@code
 * LoadRestrictionsRootOnly}, docs/kustomize.md#load-restrictions): a file must lie inside the
 * directory after symlinks are resolved; a directory (base, component) may lie anywhere but may not
 * contain a kustomization already being loaded (a cycle). An optional repository root bounds both.
 */
final class FileLoader {
  private final Path root;
  private final Path repositoryRoot;
  private final List<Path> visited;
  private final RootedFiles files;
  private final ReadLog reads;
  private final ParsedFiles parsed;

  private FileLoader(
      Path root,
      Path repositoryRoot,
      List<Path> visited,
      ReadLog reads,
      RenderBudget budget,
      ParsedFiles parsed) {
    this.root = root;
    this.repositoryRoot = repositoryRoot;
    this.visited = visited;
    // The one loader reads every file: regular files only, bounded in size, every byte charged to
    // the build's one budget (docs/robustness.md#limits-and-memory).
    this.files = RootedFiles.at(repositoryRoot != null ? repositoryRoot : root).withBudget(budget);
    this.reads = reads;
    this.parsed = parsed;
    reads.read(root);
  }

  /** The loader of the top kustomization directory. */
  static FileLoader forRoot(Path dir, Path repositoryRoot, SourcePosition at) {
    return forRoot(dir, repositoryRoot, ReadLog.none(), at);
  }

  /**
   * The loader of the top kustomization directory, telling {@code reads} every directory it opens
   * and every file it loads (the inputs of manifest-generate-paths, docs/appset.md).
   */
  static FileLoader forRoot(Path dir, Path repositoryRoot, ReadLog reads, SourcePosition at) {
    return forRoot(dir, repositoryRoot, reads, null, at);
  }

  /**
   * The loader of the top kustomization directory; the files it loads are parsed once in {@code
   * parsed} (null: each time) for all the builds of a run.
   */
  static FileLoader forRoot(
      Path dir, Path repositoryRoot, ReadLog reads, ParsedFiles parsed, SourcePosition at) {
    Path real = realDirectory(dir, at);
    Path repo =
        repositoryRoot == null ? null : realOrSelf(repositoryRoot.toAbsolutePath().normalize());
    if (repo != null && !real.startsWith(repo)) {
      throw new InputException(
          at, "directory '" + dir.getFileName() + "' is outside the repository root");
    }
    return new FileLoader(real, repo, List.of(real), reads, RenderBudget.defaults(), parsed);
  }

  /** The directory this loader reads from (absolute, symlinks resolved). */
  Path root() {
    return root;
  }

  /**
   * A file's path as the user wrote it, resolved against this root (not yet checked); this root
   * itself for a name the file system cannot take ({@link #unusableName}).
   */
  Path resolve(String relative) {
    try {
      return root.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      return root;
    }
  }

  /** Whether {@code relative} names a directory (false for a name that cannot be used). */
  boolean isDirectory(String relative) {
    try {
      return Files.isDirectory(root.resolve(relative));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /**
   * Outcome of trying to read a file: its text, or why it could not be read; the build's budget and
   * the run's parsed files (or null) go with it to the parse ({@link Yaml}).
   */
  record Loaded(Path file, byte[] bytes, String error, RenderBudget budget, ParsedFiles parsed) {
    Loaded(Path file, byte[] bytes, String error) {
      this(file, bytes, error, null, null);
    }

    boolean ok() {
      return error == null;
    }

    /** The bytes as UTF-8 text; bytes that are not UTF-8 are an error at their position. */
    String text() {
      return Utf8Text.decode(file, bytes);
    }
  }

  /**
   * Tries to read {@code relative} as a file inside this root; never throws for a missing or
   * forbidden file.
   */
  Loaded tryLoad(String relative) {
    Path p;
    try {
      p = root.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      return new Loaded(root, null, unusableName(relative));
    }
    Path real;
    try {
      real = p.toRealPath();
    } catch (NoSuchFileException e) {
      return new Loaded(p, null, "no such file or directory: '" + relative + "'");
    } catch (IOException | InvalidPathException e) {
      return new Loaded(p, null, "cannot read '" + relative + "'");
    }
    if (!real.startsWith(root)) {
      return new Loaded(
          real,
          null,
          "security; file '"
              + relative
              + "' is not in or below the kustomization directory '"
              + root.getFileName()
              + "'");
    }
    if (repositoryRoot != null && !real.startsWith(repositoryRoot)) {
      return new Loaded(real, null, "file '" + relative + "' is outside the repository root");
    }
    if (Files.isDirectory(real)) {
      return new Loaded(real, null, "'" + relative + "' is a directory, not a file");
    }
    RootedFiles.Read read = files.tryRead(real, "'" + relative + "'");
    if (!read.ok()) {
      return new Loaded(real, null, read.problem());
    }
    reads.read(real);
    return new Loaded(real, read.bytes(), null, files.budget(), parsed);
  }

  /** Reads {@code relative} as a file inside this root, or fails at {@code at}. */
  Loaded load(String relative, SourcePosition at) {
    Loaded l = tryLoad(relative);
    if (!l.ok()) {
      throw new InputException(at, l.error());
    }
    return l;
  }

  /** Outcome of trying to open a directory: its loader, or why not. */
  record Opened(FileLoader loader, String error) {}

  /** Tries to open {@code relative} as a kustomization directory (base or component). */
  Opened tryOpen(String relative) {
    if (relative.startsWith("/")) {
      return new Opened(null, "new root '" + relative + "' cannot be absolute");
    }
    Path real;
    try {
      real = root.resolve(relative).normalize().toRealPath();
    } catch (InvalidPathException e) {
      return new Opened(null, unusableName(relative));
    } catch (IOException e) {
      return new Opened(null, "no such directory: '" + relative + "'");
    }
    if (!Files.isDirectory(real)) {
      return new Opened(null, "'" + relative + "' is not a directory");
    }
    if (repositoryRoot != null && !real.startsWith(repositoryRoot)) {
      return new Opened(null, "directory '" + relative + "' is outside the repository root");
    }
    for (Path v : visited) {
      if (v.startsWith(real)) {
        return new Opened(
            null,
            "cycle detected: candidate root '"
                + relative
                + "' contains visited root '"
                + displayRelative(v)
                + "'");
      }
    }
    List<Path> chain = new ArrayList<>(visited);
    chain.add(real);
    return new Opened(
        new FileLoader(real, repositoryRoot, List.copyOf(chain), reads, files.budget(), parsed),
        null);
  }

  /**
   * A name the file system interface cannot take: a NUL character, or a non-ASCII name when the
   * process runs under a non-UTF-8 locale (docs/robustness.md#file-names).
   */
  static String unusableName(String relative) {
    return "the path '"
        + relative
        + "' cannot be used as a file name here (a NUL character, or a non-ASCII name under a"
        + " locale that is not UTF-8: run with LC_ALL=C.UTF-8)";
  }

  /** {@code p} relative to this root, for messages (no absolute paths in output). */
  String displayRelative(Path p) {
    String r = root.relativize(p).toString().replace('\\', '/');
    return r.isEmpty() ? "." : r;
  }

  // The position names the directory; the printer shows it relative to the working directory.
  private static Path realDirectory(Path dir, SourcePosition at) {
    try {
      Path real = dir.toAbsolutePath().normalize().toRealPath();
      if (!Files.isDirectory(real)) {
        throw new InputException(at, "expected a directory holding a kustomization, found a file");
      }
      return real;
    } catch (IOException e) {
      throw new InputException(at, "no such directory");
    }
  }

  private static Path realOrSelf(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p;
    }
  }
}
