package dev.stonegarden.render.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Builds every kustomization of the project's own trees ({@code examples/}, {@code test-fixtures/})
 * with {@code kubectl kustomize} and with our engine and compares stdout byte for byte; skipped
 * when kubectl is not on PATH.
 */
class KubectlDifferentialTest {

  @TestFactory
  Stream<DynamicTest> sameAsKubectl() throws IOException {
    Assumptions.assumeTrue(kubectlAvailable(), "kubectl not on PATH");
    Path project = Path.of(System.getProperty("project.dir", "."));
    List<Path> dirs = new ArrayList<>();
    for (String root : List.of("examples", "test-fixtures")) {
      Path r = project.resolve(root);
      if (!Files.isDirectory(r)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(r)) {
        s.filter(p -> KustomizationLoader.FILE_NAMES.contains(p.getFileName().toString()))
            .map(Path::getParent)
            .sorted()
            .forEach(dirs::add);
      }
    }
    Assumptions.assumeFalse(dirs.isEmpty(), "no kustomizations in the project");
    return dirs.stream()
        .map(d -> DynamicTest.dynamicTest(project.relativize(d).toString(), () -> compare(d)));
  }

  private static void compare(Path dir) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("kubectl", "kustomize", ".")
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int kubectlExit = p.waitFor();
    ConformanceRun ours = ConformanceRun.run(dir, ".");
    if (kubectlExit != 0) {
      assertEquals(true, ours.exitCode() != 0, "kubectl fails here, we succeeded");
      return;
    }
    assertEquals(0, ours.exitCode(), ours.stderr());
    assertEquals(expected, ours.stdout());
  }

  private static boolean kubectlAvailable() {
    try {
      Process p =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
