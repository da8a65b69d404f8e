package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** go-yaml v2's natural key order, every corner case of docs/kustomize.md#key-order. */
class KeyOrderTest {

  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // both letters: code point order
        "A|Z",
        "Z|a",
        "KEY|key",
        "a|b",
        "z|ä",
        "B|b",
        // letter against non-letter: the non-letter first
        "_private|a",
        "9a|a",
        "a-b|aB",
        "a.b|aB",
        "a_b|aB",
        "a1|aB",
        "a1|alpha",
        "-|a",
        "a-|ab",
        // digit runs compare as numbers
        "a1|a2",
        "a2|a10",
        "9|45",
        "45|123",
        "a9z|a10a",
        "x2y|x10",
        // equal numbers: the shorter run first
        "a2|a02",
        "a02|a002",
        "x0|x00",
        // punctuation: code point order
        "-|.",
        ".|_",
        "a-b|a.b",
        "a.b|a_b",
        // a zero after a non-zero digit of the shared run: both numbers start at 1
        "a15|a100",
        "a9|a100",
        "x1_|x10",
        "a10|a1x",
        "10|1a",
        // a zero with no non-zero digit before it
        "x0|x1",
        "x00|x01",
        "x01|x10",
        // prefix: the shorter first
        "app|app.kubernetes.io/name",
        "a|aa",
        "\"\"|a",
        // kubernetes keys as they come
        "apiVersion|kind",
        "kind|metadata",
        "metadata|spec",
        "spec|status",
        "containerPort|name",
        "app.kubernetes.io/instance|app.kubernetes.io/name",
      })
  void less(String a, String b) {
    assertTrue(KeyOrder.less(a, b), a + " < " + b);
    assertFalse(KeyOrder.less(b, a), b + " must not be < " + a);
  }

  @Test
  void equalKeysAreNotLess() {
    assertFalse(KeyOrder.less("a", "a"));
    assertFalse(KeyOrder.less("", ""));
  }

  @Test
  void nonAsciiDigitsAndLettersAreRunes() {
    // 'ä' is a letter above every ASCII letter; a non-BMP letter compares by its code point
    assertTrue(KeyOrder.less("z", "ä"));
    assertTrue(KeyOrder.less("ä", "\uD835\uDC00")); // U+1D400 MATHEMATICAL BOLD CAPITAL A
    // an Arabic-Indic digit is a digit (its "value" is code point minus '0', as in go-yaml)
    assertTrue(KeyOrder.less("a9", "a\u0661"));
  }

  @Test
  void longDigitRunsWrapLikeInt64() {
    // 20 nines overflow int64 and wrap around in go-yaml; only the sort must not fail on it
    List<String> keys =
        new ArrayList<>(List.of("a99999999999999999999", "a1", "a18446744073709551616", "a2"));
    KeyOrder.sort(keys);
    assertEquals(4, keys.size());
  }

  @Test
  void sortAgreesWithLessOnShuffledInput() {
    List<String> expected =
        List.of(
            "-",
            ".",
            "_",
            "_x",
            "9",
            "10",
            "45",
            "123",
            "B",
            "KEY",
            "Z",
            "a-b",
            "a.b",
            "a_b",
            "a1",
            "a2",
            "a02",
            "a10",
            "aB",
            "alpha",
            "app",
            "app.kubernetes.io/name",
            "b",
            "key",
            "x0",
            "x00",
            "x01",
            "x10",
            "ä");
    Random random = new Random(42);
    for (int round = 0; round < 50; round++) {
      List<String> keys = new ArrayList<>(expected);
      Collections.shuffle(keys, random);
      KeyOrder.sort(keys);
      assertEquals(expected, keys);
    }
  }
}
