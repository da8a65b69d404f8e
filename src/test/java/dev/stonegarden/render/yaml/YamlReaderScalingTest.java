package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;

/**
 * One long token is read in linear time (issue 9, defect 5).
 *
 * <p>snakeyaml-engine's scanner looks ahead through a whole token before consuming it, and every
 * refill of its reader copies the window from the token's start, so a token of L characters costs L
 * × (number of refills while it is scanned). With a fixed 1 KB buffer a 4 MB plain scalar took
 * 4,096 refills, each copying up to 4 MB (32 s for 8 MB). The work is counted here, not timed: the
 * refills of the reader {@link YamlReader#settingsFor} configures stay bounded by a constant for
 * every shape of long token, so the copying is at most that constant times the text.
 */
class YamlReaderScalingTest {

  private static final int MAX_REFILLS = 18; // 17 buffers of a sixteenth, plus the final empty read

  /** A reader that counts how often snakeyaml-engine refills its window. */
  private static final class CountingReader extends Reader {
    private final Reader in;
    int reads;

    CountingReader(String text) {
      this.in = new StringReader(text);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws java.io.IOException {
      reads++;
      return in.read(buffer, offset, length);
    }

    @Override
    public void close() {}
  }

  private static String document(String shape, int size) {
    String run = "a".repeat(size);
    return switch (shape) {
      case "plain" -> "data:\n  k: " + run + "\n";
      case "double-quoted" -> "data:\n  k: \"" + run + "\"\n";
      case "single-quoted" -> "data:\n  k: '" + run + "'\n";
      case "literal" -> "data:\n  k: |\n    " + run + "\n";
      case "folded" -> "data:\n  k: >-\n    " + run + "\n";
      case "flow" -> "data: [" + run + "]\n";
      default -> throw new IllegalArgumentException(shape);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "double-quoted", "single-quoted", "literal", "folded", "flow"})
  void aLongTokenIsReadInABoundedNumberOfRefills(String shape) {
    for (int size : new int[] {64 * 1024, 1024 * 1024, 4 * 1024 * 1024}) {
      String text = document(shape, size);
      CountingReader reader = new CountingReader(text);
      long events = 0;
      for (var ignored : new Parse(YamlReader.settingsFor(text.length())).parseReader(reader)) {
        events++;
      }
      assertTrue(events > 0);
      assertTrue(
          reader.reads <= MAX_REFILLS,
          shape + " of " + size + " characters: " + reader.reads + " refills");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "double-quoted", "single-quoted", "literal", "folded", "flow"})
  void theLongTokenIsReadWhole(String shape) {
    String text = document(shape, 1024 * 1024);
    List<YamlDocument> docs =
        YamlReader.read(Path.of("long.yaml"), text, YamlReader.Options.resources());
    String expected = "a".repeat(1024 * 1024);
    String value =
        switch (shape) {
          case "flow" -> docs.get(0).root().get("data").get(0).asString();
          default -> docs.get(0).root().get("data").get("k").asString().strip();
        };
    assertEquals(expected, value);
  }

  @ParameterizedTest
  @ValueSource(ints = {1_000, 20_000})
  void positionsOfEveryKeyOfOneMappingCostLinearWork(int keys) {
    // Each lookup used to resolve the mapping's keys (typing, merges) again: a diagnostic per key
    // of a mapping of n keys cost n², and 20,000 unknown keys in service.yaml took a minute.
    StringBuilder text = new StringBuilder("spec:\n  <<: {merged: 1}\n");
    for (int i = 0; i < keys; i++) {
      text.append("  key").append(i).append(": v\n");
    }
    YamlDocument doc =
        YamlReader.read(Path.of("s.yaml"), text.toString(), YamlReader.Options.files()).get(0);
    for (int i = 0; i < keys; i++) {
      assertEquals(i + 3, doc.sourceMap().keyPosition("/spec/key" + i).line());
    }
    assertEquals(2, doc.sourceMap().keyPosition("/spec/merged").line());
    long work = ((TreeConverter.DocumentLocator) doc.sourceMap().locator()).entriesResolved();
    // The root's one entry, then spec's keys and the merged one: each mapping resolved once.
    assertEquals(1 + keys + 1, work);
  }
}
