package dev.stonegarden.render.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Includes that fan out are bounded (issue 9, defect 9): each level includes the next twice
 * (through two prefixing kustomizations), so n levels load 3 (2^n - 1) + 2^n kustomizations. 12
 * levels, 36 small kustomizations, took kubectl minutes and ran without bound here; a build loads
 * at most {@link BuildContext#MAX_LOADS} and says so.
 */
class FanOutTest {
  @TempDir Path tmp;

  private Path fanOut(int levels) throws IOException {
    for (int i = 0; i < levels; i++) {
      Path level = tmp.resolve("l" + i);
      Files.createDirectories(level.resolve("a"));
      Files.createDirectories(level.resolve("b"));
      Files.writeString(level.resolve("kustomization.yaml"), "resources: [a, b]\n");
      for (String x : new String[] {"a", "b"}) {
        Files.writeString(
            level.resolve(x + "/kustomization.yaml"),
            "namePrefix: " + x + "-\nresources: [../../l" + (i + 1) + "]\n");
      }
    }
    Path leaf = tmp.resolve("l" + levels);
    Files.createDirectories(leaf);
    Files.writeString(leaf.resolve("kustomization.yaml"), "resources: [cm.yaml]\n");
    Files.writeString(
        leaf.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    return tmp.resolve("l0");
  }

  @Test
  void aFanOutWithinTheBoundBuilds() throws IOException {
    // 7 levels: 509 loads, 128 ConfigMaps with distinct prefixes
    BuildResult built = Kustomizer.build(fanOut(7), BuildOptions.defaults());
    assertEquals(128, built.resources().size());
  }

  @Test
  void aFanOutBeyondTheBoundIsRefusedAtTheIncludeThatCrossesIt() throws IOException {
    Path root = fanOut(12);
    InputException e =
        assertThrows(InputException.class, () -> Kustomizer.build(root, BuildOptions.defaults()));
    Diagnostic d = e.diagnostics().get(0);
    assertEquals(1, e.diagnostics().size());
    assertTrue(d.at().line() > 0, d.toString());
    assertTrue(d.at().file().toString().endsWith("kustomization.yaml"), d.toString());
    assertTrue(
        d.message().startsWith("this build loads more than 1000 kustomizations"), d.message());
  }
}
