package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The writer's plain-or-quoted decision ({@link V2PlainCheck}, built on {@link ScalarResolver})
 * against an independent re-implementation of go-yaml v2's resolver written for this test ({@link
 * V2ResolveOracle}), on generated number, date and word lookalikes.
 */
class YamlWriterResolveDifferentialTest {

  @Test
  void plainDecisionAgreesWithAnIndependentResolver() {
    Random r = new Random(1234);
    String[] alphabets = {
      "0123456789",
      "0123456789._eE+-",
      "0123456789_:.",
      "0123456789xXoObB_abcdefABCDEF+-",
      "0123456789-T:.Zz+ t",
      "yYnNtTfFoO~.infa"
    };
    List<String> disagreements = new ArrayList<>();
    int checked = 0;
    for (int i = 0; i < 200_000; i++) {
      String alphabet = alphabets[i % alphabets.length];
      int n = 1 + r.nextInt(i % alphabets.length == 4 ? 26 : 9);
      StringBuilder b = new StringBuilder();
      if (i % alphabets.length == 4) {
        // timestamp-shaped: four digits and a dash, then anything from the alphabet
        b.append(1000 + r.nextInt(9000)).append('-');
      }
      for (int k = 0; k < n; k++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = b.toString();
      checked++;
      boolean oracle = V2ResolveOracle.isPlainString(s);
      boolean product = V2PlainCheck.isPlainString(s);
      if (oracle != product && disagreements.size() < 30) {
        disagreements.add(s + " oracle=" + oracle + " product=" + product);
      }
    }
    System.out.println(
        "resolve differential: "
            + checked
            + " strings, "
            + disagreements.size()
            + " disagreements");
    assertEquals(List.of(), disagreements);
  }

  /**
   * Each checked with kubectl kustomize (5.5.0): the first list comes out quoted, the second plain.
   */
  @Test
  void knownCases() {
    String[] quoted = {
      "2024-01-01T10:20:30+24:00",
      "2024-01-01T10:20:30,5Z",
      "1",
      "0x1F",
      "0o17",
      "0b101",
      "0b+101",
      "-0b101",
      "08",
      "1_000",
      ".5_0",
      "1e3",
      "1.",
      "+1",
      "2024-01-01",
      "2024-1-1",
      "2024-01-01T10:20:30Z",
      "2024-01-01t10:20:30.5+01:00",
      "2024-01-01 10:20:30",
      "2024-01-01   10:20:30.123",
      "2024-02-29",
      "12:30",
      "1:20:30",
      "190:20:30.15",
      "yes",
      "Off",
      "~",
      ""
    };
    String[] plain = {
      "2024-13-01",
      "2024-02-30",
      "2023-02-29",
      "2024-01-01T10:20:30",
      "2024-01-01T24:00:00Z",
      "2024-01-01 10:20:30Z",
      "1:60",
      "._5",
      "1e400",
      "0x",
      "1.2.3",
      "1__0x",
      "nan",
      "Infinity",
      "+.inf.",
      "2024-01-01T10:20:30+25:00"
    };
    for (String s : quoted) {
      assertEquals(false, V2PlainCheck.isPlainString(s), s);
      assertEquals(false, V2ResolveOracle.isPlainString(s), s);
    }
    for (String s : plain) {
      assertEquals(true, V2PlainCheck.isPlainString(s), s);
      assertEquals(true, V2ResolveOracle.isPlainString(s), s);
    }
  }
}
