package dev.stonegarden.render.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/platform-render on a fresh copy of the project (no target/): the first use builds the jar,
 * several starters at once build it once, and stdout carries only the command's output while the
 * build runs (README.md#the-launcher).
 */
class LauncherTest {
  @TempDir Path tmp;

  @Test
  void firstUseBuildKeepsStdoutCleanAndBuildsOnce() throws IOException {
    Path project = ProcessRunner.project();
    Assumptions.assumeTrue(
        Files.isRegularFile(project.resolve("mvnw")), "no Maven wrapper in " + project);
    Path copy = tmp.resolve("project");
    for (String part : List.of("pom.xml", "mvnw", ".mvn", "src/main", "bin", "examples")) {
      if (Files.exists(project.resolve(part))) {
        ProcessRunner.copyTree(project.resolve(part), copy.resolve(part));
      }
    }
    // The copy is unpacked without execute bits; the scripts need them back.
    assertTrue(copy.resolve("mvnw").toFile().setExecutable(true));
    assertTrue(copy.resolve("bin/platform-render").toFile().setExecutable(true));
    assertFalse(Files.exists(copy.resolve("target")));

    Map<String, String> env = ProcessRunner.baseEnv();
    env.put("PLATFORM_RENDER_CACHE_DIR", tmp.resolve("cache").toString());
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    List<CompletableFuture<ProcessRunner.Result>> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      runs.add(
          CompletableFuture.supplyAsync(
              () ->
                  ProcessRunner.run(
                      List.of(copy.resolve("bin/platform-render").toString(), "--version"),
                      elsewhere,
                      env,
                      600)));
    }
    int builds = 0;
    for (CompletableFuture<ProcessRunner.Result> run : runs) {
      ProcessRunner.Result r = run.join();
      assertEquals(0, r.code(), r.toString());
      assertEquals("platform-render 0.1.0-SNAPSHOT\n", r.out(), r.toString());
      builds += r.err().contains("platform-render: building") ? 1 : 0;
    }
    assertEquals(1, builds, "one starter builds, the others wait for it");
    assertTrue(Files.isRegularFile(copy.resolve("target/platform-render.jar")));
    try (var leftovers = Files.list(copy.resolve("target"))) {
      assertEquals(
          List.of(),
          leftovers.filter(p -> p.getFileName().toString().startsWith(".build.")).toList());
    }

    // Second use: no build, the AOT cache (JDK 25) or nothing (17) in use, exit codes passed
    // through.
    ProcessRunner.Result again =
        ProcessRunner.run(
            List.of(copy.resolve("bin/platform-render").toString(), "no-such-command"),
            elsewhere,
            env,
            120);
    assertEquals(2, again.code(), again.toString());
    assertEquals("", again.out());
    assertFalse(again.err().contains("building"), again.err());

    // A symbolic link to the launcher works from anywhere.
    Path link =
        Files.createSymbolicLink(
            tmp.resolve("platform-render"), copy.resolve("bin/platform-render"));
    ProcessRunner.Result viaLink =
        ProcessRunner.run(List.of(link.toString(), "--version"), elsewhere, env, 120);
    assertEquals("platform-render 0.1.0-SNAPSHOT\n", viaLink.out(), viaLink.toString());

    // A source change makes the next start rebuild.
    Path source = copy.resolve("src/main/java/dev/stonegarden/render/cli/Version.java");
    assertTrue(source.toFile().setLastModified(System.currentTimeMillis() + 5_000));
    ProcessRunner.Result rebuilt =
        ProcessRunner.run(
            List.of(copy.resolve("bin/platform-render").toString(), "--version"),
            elsewhere,
            env,
            600);
    assertEquals("platform-render 0.1.0-SNAPSHOT\n", rebuilt.out(), rebuilt.toString());
    assertTrue(rebuilt.err().contains("platform-render: building"), rebuilt.err());
  }
}
