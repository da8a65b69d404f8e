package dev.stonegarden.render.yaml;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
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

  // YAML's building blocks, so that the fuzzer reaches anchors, merges, tags and flow quickly.
  private static final String[] TOKENS = {
    "a",
    "b",
    ":",
    ": ",
    " ",
    "  ",
    "\n",
    "\n  ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "<<: ",
    "!!int ",
    "!!str ",
    "!!float ",
    "!!merge ",
    "!x ",
    "'q'",
    "\"d\\u00e9\"",
    "|\n",
    ">-\n",
    "\t",
    "#c\n",
    "---\n",
    "...\n",
    "? ",
    "1",
    "0x1F",
    "0755",
    "1e3",
    ".inf",
    "true",
    "yes",
    "~",
    "2024-01-01",
    "\r\n",
    "\uFEFF",
    "%YAML 1.2\n",
    "\"<<\"",
    "1.5",
    "-0.0",
    "é",
    "😀"
  };

  @FuzzTest(maxDuration = "30s")
  void readTokenSoup(FuzzedDataProvider data) {
    StringBuilder sb = new StringBuilder();
    while (data.remainingBytes() > 0 && sb.length() < 4000) {
      sb.append(TOKENS[data.consumeInt(0, TOKENS.length - 1)]);
    }
    check(sb.toString());
  }

  @FuzzTest(maxDuration = "30s")
  void readNeverFailsUnexpectedly(byte[] data) {
    check(new String(data, StandardCharsets.UTF_8));
  }

  private static void check(String text) {
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
