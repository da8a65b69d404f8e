package dev.stonegarden.render.diff;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.files.RootedFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The base side of {@code diff --base DIR} or {@code --base-ref REF}: which files differ from the
 * head side's repository (paths relative to the repository root, '/'-separated), and the base files
 * on disk to render from. A git revision is read with {@code git diff --name-only}, {@code git
 * ls-files --others}, {@code git ls-tree} and {@code git cat-file --batch} (with {@code
 * GIT_OPTIONAL_LOCKS=0}): nothing writes the working tree, the index or another worktree; its files
 * are written to a temporary directory, only when some service has to be rendered and only those
 * the caller needs ({@link #root(Predicate)}), and deleted on {@link #close}.
 */
public abstract class BaseTree implements AutoCloseable {
  /** How the base side is named in reports ({@code --- label}). */
  public abstract String label();

  /** Files that differ between the two sides (added, removed or changed), relative to the root. */
  public abstract SortedSet<String> changedFiles();

  /** The base side's repository root on disk (a git revision is written out on first call). */
  public abstract Path root();

  /**
   * The base side's repository root on disk with at least the files {@code needed} accepts (paths
   * relative to the root, '/'-separated): a git revision writes only those, and the rest on a later
   * call that needs more; another checkout is on disk already.
   */
  public Path root(Predicate<String> needed) {
    return root();
  }

  /** How a base-side file is named in diagnostics. */
  public abstract Path display(Path file);

  @Override
  public void close() {}

  /** Another checkout whose root is {@code baseRoot}; {@code headRoot} is this one's. */
  public static BaseTree directory(Path baseRoot, Path headRoot) {
    Path b = baseRoot.toAbsolutePath().normalize();
    if (!Files.isDirectory(b)) {
      throw new InputException(SourcePosition.of(b), "--base: not a directory");
    }
    return new BaseTree() {
      private SortedSet<String> changed;

      @Override
      public String label() {
        return "base";
      }

      @Override
      public SortedSet<String> changedFiles() {
        if (changed == null) {
          changed = compareTrees(b, headRoot.toAbsolutePath().normalize());
        }
        return changed;
      }

      @Override
      public Path root() {
        return b;
      }

      @Override
      public Path display(Path file) {
        return file;
      }
    };
  }

  /** Revision {@code ref} of the git repository holding {@code headRoot}. */
  public static BaseTree gitRevision(Path headRoot, String ref) {
    return new GitRevision(headRoot.toAbsolutePath().normalize(), ref);
  }

  // ---- two directories ----

  static SortedSet<String> compareTrees(Path a, Path b) {
    Map<String, Path> fa = files(a);
    Map<String, Path> fb = files(b);
    SortedSet<String> changed = new TreeSet<>();
    for (Map.Entry<String, Path> e : fa.entrySet()) {
      Path other = fb.get(e.getKey());
      if (other == null || !sameBytes(e.getValue(), a, other, b)) {
        changed.add(e.getKey());
      }
    }
    fb.keySet().stream().filter(k -> !fa.containsKey(k)).forEach(changed::add);
    return changed;
  }

  private static Map<String, Path> files(Path root) {
    Map<String, Path> out = new TreeMap<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (!file.getFileName().toString().equals(".git")) {
                out.put(root.relativize(file).toString().replace('\\', '/'), file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  // Through the one loader (each side bounded by its root): a file it refuses (a link out of the
  // root, a device, too large) counts as changed, so the render reports it.
  private static boolean sameBytes(Path a, Path rootA, Path b, Path rootB) {
    RootedFiles.Read ra = RootedFiles.at(rootA).tryRead(a, a.toString());
    RootedFiles.Read rb = RootedFiles.at(rootB).tryRead(b, b.toString());
    return ra.ok() && rb.ok() && Arrays.equals(ra.bytes(), rb.bytes());
  }

  // ---- a git revision ----

  private static final class GitRevision extends BaseTree {
    private final Path headRoot;
    private final String ref;
    private final Path top;
    private final String prefix; // headRoot relative to the top of the work tree, "" or "a/b/"
    private final String commit;
    private SortedSet<String> changed;
    private Path exported;
    private List<String[]> entries; // mode, sha, path of every blob, once listed
    private final java.util.Set<String> written = new java.util.HashSet<>(); // lookup only

    GitRevision(Path headRoot, String ref) {
      this.headRoot = headRoot;
      this.ref = ref;
      Path t;
      try {
        t = Path.of(text(run(headRoot, null, "rev-parse", "--show-toplevel")).strip());
        t = t.toRealPath();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      this.top = t;
      Path realHead;
      try {
        realHead = headRoot.toRealPath();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!realHead.startsWith(top)) {
        throw new InputException(
            SourcePosition.of(headRoot),
            "--base-ref: the repository root is not in git's work tree");
      }
      String p = top.relativize(realHead).toString().replace('\\', '/');
      this.prefix = p.isEmpty() ? "" : p + "/";
      byte[] verified = runOrNull(top, null, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
      if (verified == null) {
        throw new InputException(
            SourcePosition.none(), "--base-ref: " + ref + " is not a commit of this repository");
      }
      this.commit = text(verified).strip();
    }

    @Override
    public String label() {
      return ref;
    }

    @Override
    public SortedSet<String> changedFiles() {
      if (changed == null) {
        SortedSet<String> c = new TreeSet<>();
        String scope = prefix.isEmpty() ? "." : prefix;
        for (String f :
            split(
                run(top, null, "diff", "--name-only", "-z", "--no-renames", commit, "--", scope))) {
          c.add(f);
        }
        for (String f :
            split(
                run(top, null, "ls-files", "--others", "--exclude-standard", "-z", "--", scope))) {
          c.add(f);
        }
        SortedSet<String> relative = new TreeSet<>();
        c.stream()
            .filter(f -> f.startsWith(prefix))
            .forEach(f -> relative.add(f.substring(prefix.length())));
        changed = relative;
      }
      return changed;
    }

    @Override
    public Path root() {
      return root(path -> true);
    }

    @Override
    public Path root(Predicate<String> needed) {
      try {
        if (exported == null) {
          exported = Files.createTempDirectory("platform-render-base-");
          entries = list();
        }
        List<String[]> missing = new ArrayList<>();
        for (String[] e : entries) {
          if (!written.contains(e[2]) && needed.test(e[2])) {
            missing.add(e);
          }
        }
        export(exported, missing);
        missing.forEach(e -> written.add(e[2]));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return exported;
    }

    @Override
    public Path display(Path file) {
      if (exported != null && file.toAbsolutePath().normalize().startsWith(exported)) {
        String rel = exported.relativize(file.toAbsolutePath().normalize()).toString();
        return headRoot.resolve(ref + ":" + rel.replace('\\', '/'));
      }
      return file;
    }

    /** The revision's files below the repository root: mode, object, path relative to it. */
    private List<String[]> list() {
      List<String[]> entries = new ArrayList<>();
      String scope = prefix.isEmpty() ? "." : prefix;
      for (String line :
          split(run(top, null, "ls-tree", "-r", "-z", "--full-tree", commit, "--", scope))) {
        int tab = line.indexOf('\t');
        String[] meta = line.substring(0, tab).split(" ");
        String path = line.substring(tab + 1);
        if (!path.startsWith(prefix) || !meta[1].equals("blob")) {
          continue; // submodules (commits) have no files here
        }
        entries.add(new String[] {meta[0], meta[2], path.substring(prefix.length())});
      }
      return entries;
    }

    /** Writes {@code entries} of the revision into {@code dir}. */
    private void export(Path dir, List<String[]> entries) throws IOException {
      if (entries.isEmpty()) {
        return;
      }
      StringBuilder request = new StringBuilder();
      entries.forEach(e -> request.append(e[1]).append('\n'));
      byte[] all =
          run(top, request.toString().getBytes(StandardCharsets.UTF_8), "cat-file", "--batch");
      int pos = 0;
      for (String[] e : entries) {
        int nl = indexOf(all, (byte) '\n', pos);
        String header = new String(all, pos, nl - pos, StandardCharsets.UTF_8);
        String[] h = header.split(" ");
        int size = Integer.parseInt(h[2]);
        byte[] content = Arrays.copyOfRange(all, nl + 1, nl + 1 + size);
        pos = nl + 1 + size + 1;
        Path target = dir.resolve(e[2]).normalize();
        if (!target.startsWith(dir)) {
          continue;
        }
        Files.createDirectories(target.getParent());
        if (e[0].equals("120000")) {
          Files.createSymbolicLink(target, Path.of(new String(content, StandardCharsets.UTF_8)));
        } else {
          Files.write(target, content);
        }
      }
    }

    @Override
    public void close() {
      if (exported != null) {
        try (var walk = Files.walk(exported)) {
          for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        } catch (IOException e) {
          // a temporary directory left behind is not worth failing the diff
        }
      }
    }
  }

  private static int indexOf(byte[] a, byte b, int from) {
    for (int i = from; i < a.length; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    throw new IllegalStateException("git cat-file: truncated output");
  }

  private static List<String> split(byte[] nulSeparated) {
    List<String> out = new ArrayList<>();
    for (String s : text(nulSeparated).split("\0")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] run(Path dir, byte[] stdin, String... args) {
    byte[] out = runOrNull(dir, stdin, args);
    if (out == null) {
      throw new InputException(
          SourcePosition.none(), "--base-ref: git " + String.join(" ", args) + " failed");
    }
    return out;
  }

  /** Runs git; its stdout, or null when it exits non-zero. */
  private static byte[] runOrNull(Path dir, byte[] stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("GIT_OPTIONAL_LOCKS", "0"); // never refresh (write) the index
    pb.environment().put("LC_ALL", "C");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      Thread feeder = null;
      if (stdin != null) {
        feeder =
            new Thread(
                () -> {
                  try (OutputStream in = p.getOutputStream()) {
                    in.write(stdin);
                  } catch (IOException e) {
                    // git exited early; its exit code says why
                  }
                });
        feeder.start();
      } else {
        p.getOutputStream().close();
      }
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      try (InputStream out = p.getInputStream()) {
        out.transferTo(buffer);
      }
      int code = p.waitFor();
      if (feeder != null) {
        feeder.join();
      }
      return code == 0 ? buffer.toByteArray() : null;
    } catch (IOException e) {
      throw new InputException(
          SourcePosition.none(), "--base-ref needs git on the PATH: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
