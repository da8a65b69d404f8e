package dev.stonegarden.render.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's thin launcher (src/dist/platform-render) in an installation whose {@code
 * runtime/bin/java} records its arguments: it runs with nothing on PATH, from a symbolic link, adds
 * the AOT cache only when there is one, checks the user's JVM options and ends with the options
 * that keep JVM output off stdout. The real archive is built and checked by {@code ./mvnw package}
 * (src/dist/build-archive.sh installs it into an empty directory and renders the example with no
 * java on PATH, -XX:AOTMode=on); that takes a jlink and a training run, too slow for the test
 * phase, which runs before the jar exists.
 */
class DistributionLauncherTest {
  @TempDir Path tmp;
  Path home;
  Path emptyPath;

  @BeforeEach
  void install() throws IOException {
    home = tmp.resolve("opt/platform-render-1.0");
    Files.createDirectories(home.resolve("bin"));
    Files.createDirectories(home.resolve("runtime/bin"));
    Path launcher = home.resolve("bin/platform-render");
    Files.copy(ProcessRunner.project().resolve("src/dist/platform-render"), launcher);
    assertTrue(launcher.toFile().setExecutable(true));
    Path java = home.resolve("runtime/bin/java");
    // A stand-in for the runtime: one argument per line on stdout, with shell built-ins only.
    Files.writeString(
        java,
        "#!/bin/sh\n[ -n \"${SHOW_LOCALE:-}\" ] && echo \"LC_ALL=$LC_ALL\"\n"
            + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    assertTrue(java.toFile().setExecutable(true));
    emptyPath = Files.createDirectories(tmp.resolve("empty-path"));
  }

  private ProcessRunner.Result run(Path launcher, Map<String, String> extraEnv, String... args) {
    Map<String, String> env = new java.util.HashMap<>(extraEnv);
    env.put("PATH", emptyPath.toString());
    List<String> argv = new java.util.ArrayList<>(List.of(launcher.toString()));
    argv.addAll(List.of(args));
    return ProcessRunner.run(argv, tmp, env, 60);
  }

  @Test
  void runsTheRuntimeWithTheSharedFlagsFileAndNothingOnPath() {
    ProcessRunner.Result r =
        run(home.resolve("bin/platform-render"), Map.of(), "generate", "--env", "dev", "a b");
    assertEquals(0, r.code(), r.toString());
    assertEquals(
        String.join(
                "\n",
                "@" + home.resolve("jvm-flags.args"),
                "-Xlog:all=off:stdout",
                "-Xlog:cds*=off:stderr",
                "-XX:+DisplayVMOutputToStderr",
                "-XX:-DisplayVMOutputToStdout",
                "-cp",
                home.resolve("platform-render.jar").toString(),
                "dev.stonegarden.render.cli.Main",
                "generate",
                "--env",
                "dev",
                "a b")
            + "\n",
        r.out());
    assertEquals("", r.err());
  }

  @Test
  void usesTheAotCacheWhenThereIsOneAndWorksThroughALink() throws IOException {
    Files.writeString(home.resolve("platform-render.aot"), "cache");
    Path link =
        Files.createSymbolicLink(
            tmp.resolve("platform-render"), home.resolve("bin/platform-render"));
    // Resolving a link needs readlink, the only command the launcher may run.
    ProcessRunner.Result r =
        ProcessRunner.run(
            List.of(link.toString(), "--version"), tmp, Map.of("PATH", "/usr/bin:/bin"), 60);
    assertEquals(0, r.code(), r.toString());
    // With a cache the runtime is a JDK 25, which knows the aot log tag.
    assertTrue(r.out().contains("\n-Xlog:aot*=off,cds*=off:stderr\n"), r.out());
    assertTrue(
        r.out().contains("\n-XX:AOTCache=" + home.resolve("platform-render.aot") + "\n-cp\n"),
        r.out());
  }

  @Test
  void userOptionsComeBeforeTheStdoutGuardAndOthersAreRefused() {
    ProcessRunner.Result ok =
        run(
            home.resolve("bin/platform-render"),
            Map.of(
                "PLATFORM_RENDER_JAVA_OPTS", "-Xmx64m -Xlog:gc*",
                "_JAVA_OPTIONS", "-Dx=1"),
            "validate");
    assertEquals(0, ok.code(), ok.toString());
    List<String> args = ok.out().lines().toList();
    assertEquals(List.of("-Xmx64m", "-Xlog:gc*", "-Dx=1"), args.subList(1, 4), ok.out());
    assertEquals("-Xlog:all=off:stdout", args.get(4));

    for (String bad : List.of("--show-version", "-version", "-jar x.jar", "--help")) {
      ProcessRunner.Result refused =
          run(home.resolve("bin/platform-render"), Map.of("PLATFORM_RENDER_JAVA_OPTS", bad), "x");
      assertEquals(2, refused.code(), refused.toString());
      assertEquals("", refused.out());
      assertEquals(1, refused.err().lines().count(), refused.err());
      assertTrue(refused.err().startsWith("platform-render: JVM option '"), refused.err());
    }
    ProcessRunner.Result viaJdkOptions =
        run(
            home.resolve("bin/platform-render"),
            Map.of("JDK_JAVA_OPTIONS", "--show-version"),
            "validate");
    assertEquals(2, viaJdkOptions.code(), viaJdkOptions.toString());
  }

  @Test
  void aUtf8LocaleIsKeptAndOtherwiseSet() {
    Path launcher = home.resolve("bin/platform-render");
    assertEquals(
        "LC_ALL=C.UTF-8",
        run(launcher, Map.of("SHOW_LOCALE", "1", "LANG", "C"), "x")
            .out()
            .lines()
            .findFirst()
            .get());
    assertEquals(
        "LC_ALL=",
        run(launcher, Map.of("SHOW_LOCALE", "1", "LANG", "de_DE.UTF-8"), "x")
            .out()
            .lines()
            .findFirst()
            .get());
  }
}
