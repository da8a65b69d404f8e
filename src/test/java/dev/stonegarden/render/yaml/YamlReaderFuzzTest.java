package dev.stonegarden.render.yaml;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.stonegarden.render.diag.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Fuzzes the reader: whatever the bytes, reading either succeeds or throws an {@link
 * InputException}; any other exception (or a stack overflow, or a hang) is a bug.
 *
 * <p>In a normal {@code mvn test} this runs as a regression test over the seeds in {@code
 * YamlReaderFuzzTestInputs/readNeverFailsUnexpectedly}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class YamlReaderFuzzTest {
  private static final Path FILE = Path.of("fuzz.yaml");

  // Small limits so that the fuzzer reaches them, and the defaults to cover the common path.
  private static final YamlLimits SMALL = new YamlLimits(1 << 16, 20, 30, 50, 3);

  @FuzzTest(maxDuration = "30s")
  void readNeverFailsUnexpectedly(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    for (YamlReader.Options options :
        new YamlReader.Options[] {
          YamlReader.Options.resources(),
          YamlReader.Options.kustomization(),
          YamlReader.Options.resources().withLimits(SMALL),
        }) {
      try {
        for (YamlDocument d : YamlReader.read(FILE, text, options)) {
          d.root().toString(); // the tree must be complete and serialisable
          d.positionOf("/a/0");
        }
      } catch (InputException expected) {
        if (expected.diagnostics().isEmpty()) {
          throw new AssertionError("an InputException without diagnostics");
        }
      }
    }
  }
}
