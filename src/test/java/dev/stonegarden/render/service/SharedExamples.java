package dev.stonegarden.render.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The YAML examples of the shared spec (read from {@code shared.dir}, never copied); tests skip
 * without it.
 */
final class SharedExamples {
  private SharedExamples() {}

  static Path shared() {
    String dir = System.getProperty("shared.dir");
    Assumptions.assumeTrue(
        dir != null && Files.isDirectory(Path.of(dir)), "shared.dir not available");
    return Path.of(dir);
  }

  /** The first ```yaml block after the heading that starts with {@code heading} in {@code file}. */
  static String yamlBlock(String file, String heading) throws IOException {
    Path p = shared().resolve(file);
    Assumptions.assumeTrue(Files.exists(p), file + " not available");
    String text = Files.readString(p, StandardCharsets.UTF_8);
    int h = text.indexOf(heading);
    Assumptions.assumeTrue(h >= 0, "heading not found: " + heading);
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
