package dev.stonegarden.render.cli;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The repository root as it was at a git revision, unpacked into a temporary directory ({@code git
 * archive --format=zip}), for {@code promote --revision}. Deleted on {@link #close}.
 */
final class GitRevision implements AutoCloseable {
  private final Path repoRoot;
  private final Path tmp;
  private final Path copy;

  private GitRevision(Path repoRoot, Path tmp, Path copy) {
    this.repoRoot = repoRoot;
    this.tmp = tmp;
    this.copy = copy;
  }

  /** {@code repoRoot} at {@code ref}. */
  static GitRevision checkout(Path repoRoot, String ref) {
    if (ref.startsWith("-")) {
      throw new InputException(SourcePosition.none(), "not a git revision: " + ref);
    }
    String top = new String(git(repoRoot, "rev-parse", "--show-toplevel"), StandardCharsets.UTF_8);
    Path toplevel = Path.of(top.strip()).toAbsolutePath().normalize();
    git(repoRoot, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    String prefix = toplevel.relativize(repoRoot.toAbsolutePath().normalize()).toString();
    List<String> args = new ArrayList<>(List.of("archive", "--format=zip", ref));
    if (!prefix.isEmpty()) {
      args.add("--");
      args.add(prefix.replace('\\', '/'));
    }
    byte[] zip = git(repoRoot, args.toArray(String[]::new));
    Path tmp;
    try {
      tmp = Files.createTempDirectory("platform-render-revision");
      try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
        ZipEntry entry;
        while ((entry = in.getNextEntry()) != null) {
          Path target = tmp.resolve(entry.getName()).normalize();
          if (!target.startsWith(tmp)) {
            continue; // never outside the copy
          }
          if (entry.isDirectory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new GitRevision(
        repoRoot.toAbsolutePath().normalize(), tmp, tmp.resolve(prefix).normalize());
  }

  /** Where {@code path} (inside the repository root) is in the copy. */
  Path map(Path path) {
    return copy.resolve(repoRoot.relativize(path.toAbsolutePath().normalize()).toString());
  }

  @Override
  public void close() {
    try (Stream<Path> all = Files.walk(tmp)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  private static byte[] git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
      p.getOutputStream().close();
      byte[] out;
      byte[] err;
      try (InputStream stdout = p.getInputStream();
          InputStream stderr = p.getErrorStream()) {
        ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
        Thread drain =
            new Thread(
                () -> {
                  try {
                    stderr.transferTo(errBuf);
                  } catch (IOException ignored) {
                    // the exit code tells
                  }
                });
        drain.start();
        out = stdout.readAllBytes();
        drain.join();
        err = errBuf.toByteArray();
      }
      int code = p.waitFor();
      if (code != 0) {
        String why = new String(err, StandardCharsets.UTF_8).strip();
        throw new InputException(
            SourcePosition.of(dir),
            "git "
                + args[0]
                + " failed"
                + (why.isEmpty() ? "" : ": " + why.lines().findFirst().orElse(""))
                + (args[0].equals("rev-parse") && args.length > 3
                    ? " (is " + args[args.length - 1].replace("^{commit}", "") + " a revision?)"
                    : ""));
      }
      return out;
    } catch (IOException e) {
      throw new InputException(
          SourcePosition.none(), "--revision needs git on the PATH (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
