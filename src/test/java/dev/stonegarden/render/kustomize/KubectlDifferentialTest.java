package dev.stonegarden.render.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.stonegarden.render.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
    Prerequisites.kubectl();
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
    assertFalse(dirs.isEmpty(), "no kustomizations in the project");
    return dirs.stream()
        .map(d -> DynamicTest.dynamicTest(project.relativize(d).toString(), () -> compare(d)));
  }

  private static void compare(Path dir) throws IOException, InterruptedException {
    Prerequisites.Output kubectl = Prerequisites.kustomize(dir);
    ConformanceRun ours = ConformanceRun.run(dir, ".");
    if (!kubectl.ok()) {
      assertNotEquals(0, ours.exitCode(), "kubectl fails here, we succeeded: " + kubectl.stderr());
      assertEquals("", ours.stdout(), "a failed build prints nothing on stdout");
      return;
    }
    assertEquals(0, ours.exitCode(), ours.stderr());
    assertEquals(kubectl.stdout(), ours.stdout());
  }
}
