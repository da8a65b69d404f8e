package dev.stonegarden.render.argocd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The one process runner of the tests: runs an argv the way argocd-cmp-server does (no shell, a
 * given directory, exactly the given environment, stdin closed), both streams read while it runs,
 * killed with its descendants at the timeout.
 */
public final class ProcessRunner {
  private ProcessRunner() {}

  /** What a run of the tool gave: exit code, stdout, stderr. */
  public record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** The project directory (the pom sets project.dir for surefire). */
  public static Path project() {
    return Path.of(System.getProperty("project.dir", ".")).toAbsolutePath().normalize();
  }

  static Path launcher() {
    return project().resolve("bin/platform-render");
  }

  public static Result run(
      List<String> argv, Path cwd, Map<String, String> env, long timeoutSeconds) {
    ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new AssertionError("timed out after " + timeoutSeconds + " s: " + argv);
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies a tree the way the sidecar unpacks the repository tarball: files 0644, directories 0755
   * (as argocd-cmp-server does).
   */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else if (Files.isRegularFile(source)) {
          Files.createDirectories(target.getParent());
          Files.copy(source, target);
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
  }

  /**
   * The environment of a process that is not under Argo CD: PATH, HOME and JAVA_HOME of this JVM
   * only.
   */
  static Map<String, String> baseEnv() {
    Map<String, String> env = new java.util.HashMap<>();
    for (String name : List.of("PATH", "HOME", "JAVA_HOME", "LANG")) {
      String value = System.getenv(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    return env;
  }
}
