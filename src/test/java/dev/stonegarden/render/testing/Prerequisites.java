package dev.stonegarden.render.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for what a test needs from outside the repository: the team's shared data ({@code
 * ../shared}: the kustomize corpora, the upstream schemas), {@code kubectl} (the kustomize oracle),
 * {@code promtool}, a second JDK.
 *
 * <p>Under CI ({@code CI} set to anything but {@code false}) a missing prerequisite fails the test
 * that needs it: CI is the project's memory, and a silent skip there forgets. Outside CI the test
 * is skipped, and the first skip for each prerequisite prints one line on stderr saying what is
 * missing and how to get it.
 *
 * <p>Oracle runs never turn a failure into a skip: {@link #kustomize} returns kubectl's exit code
 * and output for the test to compare, and a time-out is a failure.
 */
public final class Prerequisites {
  private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();
  private static final long ORACLE_TIMEOUT_SECONDS = 300;

  private Prerequisites() {}

  /** True when the tests run under CI, where every prerequisite is required. */
  public static boolean underCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false");
  }

  /** The team's shared data directory ({@code ../shared} of the project). */
  public static Path shared() {
    String dir = System.getProperty("shared.dir");
    Path path = dir == null ? null : Path.of(dir);
    if (path == null || !Files.isDirectory(path)) {
      missing("shared", "the shared data directory ../shared (conformance corpora, schemas)");
    }
    return path;
  }

  /** A file or directory inside {@link #shared()}, which must exist. */
  public static Path shared(String relative) {
    Path path = shared().resolve(relative);
    if (!Files.exists(path)) {
      missing("shared:" + relative, "../shared/" + relative);
    }
    return path;
  }

  /** The {@code kubectl} on the PATH (its embedded kustomize 5.5.0 is the oracle). */
  public static Path kubectl() {
    return onPath("kubectl", "kubectl (kustomize 5.5 oracle; install kubectl 1.32)");
  }

  /** The {@code promtool} on the PATH (Debian's {@code prometheus} package). */
  public static Path promtool() {
    return onPath("promtool", "promtool (apt-get install prometheus)");
  }

  /** An executable on the PATH, or the prerequisite rule applies. */
  public static Path onPath(String name, String description) {
    Path found = find(name);
    if (found == null) {
      missing(name, description);
    }
    return found;
  }

  /**
   * The home of a JDK 25 or newer, as the pom found it ({@code jdk25.home}: a {@code jdk25-*}
   * profile, or {@code -Djdk25.home=DIR}); the byte-exact suites run on it a second time.
   */
  public static Path jdk25() {
    String configured = System.getProperty("jdk25.home", "");
    Path home = configured.isEmpty() ? null : Path.of(configured);
    if (home == null || !Files.isExecutable(home.resolve("bin/java"))) {
      missing("jdk25", "a JDK 25 (/usr/lib/jvm/temurin-25-jdk-amd64, or JAVA25_HOME)");
    }
    return home;
  }

  /** What {@code kubectl kustomize DIR} printed. */
  public record Output(int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs {@code kubectl kustomize dir}; a time-out fails the test, never skips it. */
  public static Output kustomize(Path dir) {
    return run(List.of(kubectl().toString(), "kustomize", dir.toString()), dir);
  }

  /** Runs a command to completion; a time-out or a failure to start fails the test. */
  public static Output run(List<String> command, Path workingDirectory) {
    try {
      Process p =
          new ProcessBuilder(new ArrayList<>(command))
              .directory(workingDirectory.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      if (!p.waitFor(ORACLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(command + " did not finish in " + ORACLE_TIMEOUT_SECONDS + " s");
      }
      return new Output(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static Path find(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Fails under CI; otherwise skips, saying once per prerequisite what is missing. */
  private static void missing(String key, String description) {
    if (underCi()) {
      fail("missing under CI: " + description + " (CI requires every test prerequisite)");
    }
    if (ANNOUNCED.add(key)) {
      System.err.println(
          "platform-render tests: skipping the tests that need "
              + description
              + ": not found (under CI this fails)");
    }
    Assumptions.abort(description + " not found");
  }
}
