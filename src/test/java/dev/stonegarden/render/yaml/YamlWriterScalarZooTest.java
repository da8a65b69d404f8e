package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The scalar zoo ({@code test-fixtures/yaml/scalar-zoo}): values whose printed form is easy to get
 * wrong, with the real kustomize's output as {@code expected.yaml}.
 */
class YamlWriterScalarZooTest {
  private static final Path ZOO =
      Path.of(System.getProperty("project.dir", "."), "test-fixtures", "yaml", "scalar-zoo");

  @Test
  void writerPrintsTheZooLikeKustomize() throws IOException {
    String expected = Files.readString(ZOO.resolve("expected.yaml"), StandardCharsets.UTF_8);
    String actual =
        YamlWriter.write(YamlWriterTestSupport.readStream(ZOO.resolve("input/zoo.yaml"))).value();
    assertEquals(expected, actual);
  }

  /** Guards the fixture itself: it must still be what the real kustomize prints. */
  @Test
  void expectedIsWhatKubectlKustomizePrints() throws Exception {
    Prerequisites.Output out = Prerequisites.kustomize(ZOO.resolve("input"));
    assertEquals(0, out.exitCode(), "kubectl kustomize failed: " + out.stderr());
    assertEquals(
        Files.readString(ZOO.resolve("expected.yaml"), StandardCharsets.UTF_8), out.stdout());
  }
}
