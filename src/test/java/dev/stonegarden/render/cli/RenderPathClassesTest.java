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
    Path log = tmp.resolve("init.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xlog:class+init=info:file=" + log,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "generate",
                "--env",
                env,
                EXAMPLE.toString())
            .redirectOutput(tmp.resolve("out.yaml").toFile())
            .redirectError(tmp.resolve("err.txt").toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "render did not finish");
    assertEquals(0, p.exitValue(), () -> read(tmp.resolve("err.txt")));
    assertTrue(Files.size(tmp.resolve("out.yaml")) > 1000, "the render printed its manifests");
    String init = read(log);
    assertTrue(init.contains("dev/stonegarden/render/yaml/JsonTrees'"), "the log is the render's");
    for (String c : MAPPER) {
      assertFalse(init.contains("Initializing '" + c), env + ": a render initialized " + c);
    }
  }

  @Test
  void theCheckCanFail(@TempDir Path tmp) throws Exception {
    // The same log of a JVM that does build a mapper names it: the test above is not vacuous.
    Path log = tmp.resolve("init.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xlog:class+init=info:file=" + log,
                "-cp",
                System.getProperty("java.class.path"),
                BuildsAMapper.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("out.txt").toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String init = read(log);
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

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
