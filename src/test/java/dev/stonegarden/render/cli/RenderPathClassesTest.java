package dev.stonegarden.render.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a render must not start, checked in a fresh JVM (in this one, other tests have started
 * everything): databind's {@code ObjectMapper}, whose first construction costs a render about a
 * fifth of its start-up (docs/install.md#start-up). Every JSON text is read by {@code
 * yaml.JsonTrees} and every tree string prints itself ({@code yaml.NodeFactory}); a change that
 * brings a mapper back fails here, not in a benchmark nobody ran.
 */
class RenderPathClassesTest {
  private static final Path EXAMPLE = Path.of("examples/kubernetes/services/audiobookshelf");

  /** Classes whose initialization means an ObjectMapper was built. */
  private static final List<String> MAPPER =
      List.of(
          "tools/jackson/databind/ObjectMapper'",
          "tools/jackson/databind/cfg/MapperBuilder'",
          "tools/jackson/databind/node/InternalNodeSerializer'");

  @ParameterizedTest
  @ValueSource(strings = {"dev", "canary", "production"})
  void aRenderBuildsNoObjectMapper(String env, @TempDir Path tmp) throws Exception {
    int exit =
        logClassInit(tmp, Main.class.getName(), "generate", "--env", env, EXAMPLE.toString());
    assertEquals(0, exit, () -> read(tmp.resolve("err.txt")));
    assertTrue(Files.size(tmp.resolve("out.txt")) > 1000, "the render printed its manifests");
    String init = read(tmp.resolve("init.log"));
    assertTrue(init.contains("dev/stonegarden/render/yaml/JsonTrees'"), "the log is the render's");
    for (String c : MAPPER) {
      assertFalse(init.contains("Initializing '" + c), env + ": a render initialized " + c);
    }
  }

  @Test
  void theCheckCanFail(@TempDir Path tmp) throws Exception {
    // The same log of a JVM that does build a mapper names it: the test above is not vacuous.
    assertEquals(0, logClassInit(tmp, BuildsAMapper.class.getName()));
    String init = read(tmp.resolve("init.log"));
    for (String c : MAPPER) {
      assertTrue(init.contains("Initializing '" + c), c);
    }
  }

  /** A program that prints a databind string node: what networknt does with {@code enum}s. */
  static final class BuildsAMapper {
    public static void main(String[] args) {
      System.out.println(tools.jackson.databind.node.JsonNodeFactory.instance.stringNode("x"));
    }
  }

  /**
   * Runs {@code mainClass} with {@code args} in a fresh JVM on the test class path, its class
   * initializations logged to {@code dir/init.log}, stdout and stderr in {@code dir/out.txt} and
   * {@code dir/err.txt}; the exit code.
   */
  private static int logClassInit(Path dir, String mainClass, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:class+init=info:file=" + dir.resolve("init.log"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), mainClass + " did not finish");
    return p.exitValue();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
