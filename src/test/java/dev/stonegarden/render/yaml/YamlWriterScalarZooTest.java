package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
        YamlWriter.write(YamlWriterTestSupport.readStream(ZOO.resolve("input/zoo.yaml")));
    assertEquals(expected, actual);
  }

  /** Guards the fixture itself: it must still be what the real kustomize prints. */
  @Test
  void expectedIsWhatKubectlKustomizePrints() throws Exception {
    assumeTrue(onPath("kubectl"), "kubectl is not on PATH");
    Process p =
        new ProcessBuilder("kubectl", "kustomize", ZOO.resolve("input").toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out;
    try (InputStream in = p.getInputStream()) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      out = buf.toString(StandardCharsets.UTF_8);
    }
    assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize timed out");
    assertEquals(0, p.exitValue(), "kubectl kustomize failed");
    assertEquals(Files.readString(ZOO.resolve("expected.yaml"), StandardCharsets.UTF_8), out);
  }

  static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
