package dev.stonegarden.render.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/platform-render on a fresh copy of the project (no target/), as a new user meets it: the
 * first render prints one line that it builds and one that it prepares the start-up cache, nothing
 * else (no Maven output from a failed offline attempt, no JVM messages); the cache is trained only
 * on a render that succeeded, replaced when corrupt, dropped when a signal arrives while it is
 * prepared; the user's JVM options cannot write to stdout; several starters build once; stdout
 * carries only the command's output (docs/install.md#the-checkout-launcher).
 */
class LauncherTest {
  /** The version and the build: the jar's SHA-256, as {@code sha256sum} prints it, cut to 12. */
  private static final Pattern VERSION =
      Pattern.compile("platform-render 0\\.1\\.0-SNAPSHOT \\(build [0-9a-f]{12}\\)\n");

  private static final String BUILDING =
      "platform-render: building target/platform-render.jar (first use or sources changed) ...";
  private static final String PREPARING =
      "platform-render: preparing the start-up cache (once per build and JDK) ...";

  @TempDir Path tmp;
  Path copy;
  Path cache;
  Map<String, String> env;

  @Test
  void firstUseIsQuietAndTheStartUpCacheIsKeptOnlyWhenSound() throws Exception {
    Path project = ProcessRunner.project();
    assertTrue(Files.isRegularFile(project.resolve("mvnw")), "no Maven wrapper in " + project);
    copy = tmp.resolve("project");
    for (String part :
        List.of("pom.xml", "mvnw", ".mvn", "src/main", "bin", "examples", "deploy/image")) {
      if (Files.exists(project.resolve(part))) {
        ProcessRunner.copyTree(project.resolve(part), copy.resolve(part));
      }
    }
    // A Maven wrapper whose offline attempt fails loudly, as on a machine whose Maven repository
    // lacks a plugin: the launcher must retry online without showing that.
    Files.writeString(
        copy.resolve("mvnw"),
        "#!/bin/sh\n"
            + "for a in \"$@\"; do [ \"$a\" = -o ] && { echo '[ERROR] offline: missing (test)';"
            + " echo '[ERROR] Re-run Maven using the -X switch' >&2; exit 1; }; done\n"
            + "exec '"
            + project.resolve("mvnw")
            + "' \"$@\"\n");
    // The copy is unpacked without execute bits; the scripts need them back.
    assertTrue(copy.resolve("mvnw").toFile().setExecutable(true));
    assertTrue(copy.resolve("bin/platform-render").toFile().setExecutable(true));
    assertFalse(Files.exists(copy.resolve("target")));

    env = ProcessRunner.baseEnv();
    cache = tmp.resolve("cache");
    env.put("PLATFORM_RENDER_CACHE_DIR", cache.toString());
    boolean aot = jdk25Installed();
    String app = "examples/kubernetes/services/audiobookshelf";

    // First render: one line that it builds, one that it prepares the cache (JDK 25), no more.
    ProcessRunner.Result first = launch(env, "generate", "--env", "dev", app);
    assertEquals(0, first.code(), first.toString());
    assertTrue(first.out().startsWith("apiVersion: "), first.toString());
    assertEquals(aot ? List.of(BUILDING, PREPARING) : List.of(BUILDING), lines(first.err()));
    assertEquals(aot ? 1 : 0, caches().size(), files().toString());

    // Second render: silent, same bytes.
    ProcessRunner.Result second = launch(env, "generate", "--env", "dev", app);
    assertEquals(first.out(), second.out());
    assertEquals("", second.err());
    assertEquals(0, launch(env, "generate", "--env", "dev", app).err().length());

    if (aot) {
      // A corrupt cache (here overwritten) is replaced on the next render: one line, no JVM
      // message.
      Path archive = caches().get(0);
      Files.writeString(archive, "not an AOT cache");
      ProcessRunner.Result replaced = launch(env, "generate", "--env", "dev", app);
      assertEquals(first.out(), replaced.out());
      assertEquals(List.of(PREPARING), lines(replaced.err()));
      assertTrue(Files.size(archive) > 1_000_000, "the cache was rebuilt");
      assertEquals("", launch(env, "generate", "--env", "dev", app).err());

      // A failed render trains nothing and leaves nothing behind.
      clearCache();
      ProcessRunner.Result failed = launch(env, "generate", "--env", "nope", app);
      assertEquals(3, failed.code(), failed.toString());
      assertEquals("", failed.out());
      assertFalse(failed.err().contains("preparing"), failed.err());
      assertEquals(List.of(), leftovers(), files().toString());

      // SIGTERM while the cache is prepared: the JVM that creates it is killed, not waited for,
      // and no cache is kept.
      clearCache();
      terminateWhilePreparing(app);
      assertEquals(List.of(), leftovers(), files().toString());
    }

    // JVM logging asked for through the launcher's option or JAVA_TOOL_OPTIONS never reaches
    // stdout; an option that would print there is refused.
    Map<String, String> logging = new HashMap<>(env);
    logging.put("PLATFORM_RENDER_JAVA_OPTS", "-Xlog:gc -XX:+PrintFlagsFinal -verbose:class");
    logging.put("JAVA_TOOL_OPTIONS", "-Xlog:gc+init");
    ProcessRunner.Result logged = launch(logging, "--version");
    assertTrue(VERSION.matcher(logged.out()).matches(), logged.toString());
    // The same on the JVM running this test (JDK 17 in the default run): its options must all
    // exist there.
    Map<String, String> thisJdk = new HashMap<>(logging);
    thisJdk.put(
        "PLATFORM_RENDER_JAVA", Path.of(System.getProperty("java.home"), "bin/java").toString());
    ProcessRunner.Result onThisJdk = launch(thisJdk, "--version");
    assertTrue(VERSION.matcher(onThisJdk.out()).matches(), onThisJdk.toString());
    logging.put("PLATFORM_RENDER_JAVA_OPTS", "--show-version");
    ProcessRunner.Result refused = launch(logging, "--version");
    assertEquals(2, refused.code(), refused.toString());
    assertEquals("", refused.out());
    assertEquals(1, lines(refused.err()).size(), refused.err());

    // Without HOME (and no cache setting) the cache lives in this checkout's target/, not in /tmp.
    Map<String, String> noHome = new HashMap<>(env);
    noHome.remove("HOME");
    noHome.remove("PLATFORM_RENDER_CACHE_DIR");
    ProcessRunner.Result homeless = launch(noHome, "--version");
    assertTrue(VERSION.matcher(homeless.out()).matches(), homeless.toString());
    assertTrue(Files.isDirectory(copy.resolve("target/cache/jdk")), "cache in target/cache");

    // Exit codes pass through; a symbolic link to the launcher works from anywhere.
    ProcessRunner.Result unknown = launch(env, "no-such-command");
    assertEquals(2, unknown.code(), unknown.toString());
    assertEquals("", unknown.out());
    Path link =
        Files.createSymbolicLink(
            tmp.resolve("platform-render"), copy.resolve("bin/platform-render"));
    ProcessRunner.Result viaLink =
        ProcessRunner.run(
            List.of(link.toString(), "--version"),
            Files.createDirectories(tmp.resolve("elsewhere")),
            env,
            120);
    assertTrue(VERSION.matcher(viaLink.out()).matches(), viaLink.toString());

    // A source change makes the next start rebuild; three starters at once build once.
    Path source = copy.resolve("src/main/java/dev/stonegarden/render/cli/Version.java");
    // Newer than the jar (which has its build's start time), older than the next build's start.
    long jarTime = Files.getLastModifiedTime(copy.resolve("target/platform-render.jar")).toMillis();
    assertTrue(source.toFile().setLastModified(jarTime + 1_000));
    List<CompletableFuture<ProcessRunner.Result>> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      runs.add(CompletableFuture.supplyAsync(() -> launch(env, "--version")));
    }
    int builds = 0;
    for (CompletableFuture<ProcessRunner.Result> run : runs) {
      ProcessRunner.Result r = run.join();
      assertEquals(0, r.code(), r.toString());
      assertTrue(VERSION.matcher(r.out()).matches(), r.toString());
      builds += r.err().equals(BUILDING + "\n") ? 1 : 0;
      assertTrue(r.err().isEmpty() || r.err().equals(BUILDING + "\n"), r.err());
    }
    assertEquals(1, builds, "one starter builds, the others wait for it");
    try (Stream<Path> target = Files.list(copy.resolve("target"))) {
      assertEquals(
          List.of(), target.filter(p -> p.getFileName().toString().startsWith(".build.")).toList());
    }
  }

  private ProcessRunner.Result launch(Map<String, String> environment, String... args) {
    List<String> argv = new ArrayList<>(List.of(copy.resolve("bin/platform-render").toString()));
    argv.addAll(List.of(args));
    return ProcessRunner.run(argv, copy, environment, 600);
  }

  /**
   * Starts a training render, sends SIGTERM once the launcher says it prepares the cache, and
   * checks that the launcher and every process it started are gone.
   */
  private void terminateWhilePreparing(String app) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                copy.resolve("bin/platform-render").toString(), "generate", "--env", "dev", app)
            .directory(copy.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    try (BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      assertEquals(PREPARING, err.readLine());
      // The launcher prints the line, then starts the JVM: wait until it has (a loaded machine
      // may take a while to fork), never longer than a minute.
      List<ProcessHandle> children = p.descendants().toList();
      for (int i = 0; i < 600 && children.isEmpty() && p.isAlive(); i++) {
        Thread.sleep(100);
        children = p.descendants().toList();
      }
      assertFalse(children.isEmpty(), "the cache is created by a JVM the launcher started");
      assertTrue(p.toHandle().destroy()); // SIGTERM (Process.destroy would also close our pipes)
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher exits");
      assertEquals(143, p.exitValue());
      for (ProcessHandle child : children) {
        child.onExit().get(60, TimeUnit.SECONDS);
      }
      assertEquals(null, err.readLine(), "nothing more on stderr");
    } finally {
      p.destroyForcibly();
    }
  }

  private static boolean jdk25Installed() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return false;
    }
    try (Stream<Path> all = Files.list(jvms)) {
      return all.anyMatch(
          p ->
              p.getFileName().toString().contains("25")
                  && Files.isExecutable(p.resolve("bin/java")));
    }
  }

  private List<Path> files() throws IOException {
    Path aot = cache.resolve("aot");
    if (!Files.isDirectory(aot)) {
      return List.of();
    }
    try (Stream<Path> all = Files.list(aot)) {
      return all.sorted().toList();
    }
  }

  private List<Path> caches() throws IOException {
    return files().stream().filter(p -> p.toString().endsWith(".aot")).toList();
  }

  /** Caches, recordings and partial files: anything but the trainer's lock file. */
  private List<Path> leftovers() throws IOException {
    return files().stream().filter(p -> !p.toString().endsWith(".lock")).toList();
  }

  private void clearCache() throws IOException {
    for (Path p : files()) {
      Files.delete(p);
    }
  }

  private static List<String> lines(String text) {
    return text.lines().toList();
  }
}
