package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The YAML examples of the shared spec (read from {@code ../shared}, never copied), under the rule
 * of {@link Prerequisites}.
 */
final class SharedExamples {
  private SharedExamples() {}

  /** The first ```yaml block after the heading that starts with {@code heading} in {@code file}. */
  static String yamlBlock(String file, String heading) throws IOException {
    Path p = Prerequisites.shared(file);
    String text = Files.readString(p, StandardCharsets.UTF_8);
    int h = text.indexOf(heading);
    assertTrue(h >= 0, "heading not found in " + file + ": " + heading);
    int start = text.indexOf("```yaml\n", h);
    int end = text.indexOf("```", start + 8);
    return text.substring(start + 8, end);
  }

  /** Writes {@code text} to {@code dir/name} and returns the path. */
  static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  static String productService() throws IOException {
    return yamlBlock("spec/product.md", "## 2. service.yaml");
  }

  static String productValues() throws IOException {
    return yamlBlock("spec/product.md", "## 3. values.yaml");
  }

  static String productPlatform() throws IOException {
    return yamlBlock("spec/product.md", "## 4. platform.yaml");
  }

  static String seedService() throws IOException {
    return yamlBlock("seed/ENTERPRISE_DESIGN.md", "## 🔄 Service Definition Schema");
  }
}
