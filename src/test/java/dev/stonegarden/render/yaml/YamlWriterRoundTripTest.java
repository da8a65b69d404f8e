package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property: what the writer prints reads back as the same data, with go-yaml v3's typing (how
 * kustomize and Argo CD read resources) and with v2's (YAML 1.1: {@code yes}, {@code on}, {@code
 * 0644} are not strings there, so every such string must have been quoted). Random trees from fixed
 * seeds; strings without U+0085/U+2028/U+2029, which go-yaml itself does not read back.
 */
class YamlWriterRoundTripTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] PIECES = {
    "a",
    "Z",
    "y",
    "n",
    "e",
    "x",
    "o",
    "T",
    "0",
    "1",
    "7",
    " ",
    "  ",
    ":",
    ": ",
    "#",
    " #",
    "-",
    "- ",
    "?",
    ",",
    "[",
    "]",
    "{",
    "}",
    "&",
    "*",
    "!",
    "|",
    ">",
    "'",
    "\"",
    "%",
    "@",
    "`",
    ".",
    "---",
    "_",
    "+",
    "~",
    "\\",
    "\t",
    "\n",
    "\r",
    "é",
    "日本",
    "\u00A0",
    "\uFEFF",
    "\uD83D\uDE00",
    "\u0001",
    "\u0000",
    "yes",
    "no",
    "on",
    "off",
    "null",
    "true",
    "1e3",
    "0x1F",
    "0o17",
    "2024-01-01",
    "12:30",
    "1.10",
    "lorem ipsum dolor sit amet ",
  };

  private static String string(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      b.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  private static JsonNode value(Random r, int depth) {
    int kind = r.nextInt(depth > 4 ? 8 : 11);
    switch (kind) {
      case 0:
      case 1:
      case 2:
        return F.stringNode(string(r));
      case 3:
        return F.numberNode(r.nextInt());
      case 4:
        return r.nextBoolean() ? F.numberNode(r.nextLong()) : F.numberNode(new BigInteger(64, r));
      case 5:
        {
          double d =
              r.nextBoolean() ? Double.longBitsToDouble(r.nextLong()) : r.nextInt(100000) / 64.0;
          return Double.isFinite(d) ? F.numberNode(d) : F.nullNode();
        }
      case 6:
        return F.booleanNode(r.nextBoolean());
      case 7:
        return F.nullNode();
      case 8:
        {
          ArrayNode a = F.arrayNode();
          int n = r.nextInt(4);
          for (int i = 0; i < n; i++) {
            a.add(value(r, depth + 1));
          }
          return a;
        }
      default:
        {
          ObjectNode o = F.objectNode();
          int n = r.nextInt(5);
          for (int i = 0; i < n; i++) {
            o.set(string(r), value(r, depth + 1));
          }
          return o;
        }
    }
  }

  @Test
  void writtenTreesReadBackUnderBothYamlVersions() {
    Random r = new Random(314159);
    int trees = 0;
    for (int t = 0; t < 400; t++) {
      ObjectNode root = F.objectNode();
      for (int i = 0; i < 6; i++) {
        root.set(string(r), value(r, 0));
      }
      String yaml = YamlWriter.write(List.of(root)).value();
      for (YamlReader.Options options :
          new YamlReader.Options[] {
            YamlReader.Options.resources(), YamlReader.Options.kustomization()
          }) {
        List<YamlDocument> back;
        try {
          back = YamlReader.read(Path.of("roundtrip.yaml"), yaml, options);
        } catch (RuntimeException e) {
          fail("cannot read back (" + options.version() + "): " + e + "\n" + yaml);
          return;
        }
        assertEquals(1, back.size());
        String diff = difference(root, back.get(0).root(), "");
        if (diff != null) {
          fail(options.version() + " " + diff + "\n" + yaml);
        }
      }
      trees++;
    }
    assertEquals(400, trees);
  }

  /** Null when equal as kustomize data (numbers by value, strings after the JSON hop). */
  private static String difference(JsonNode want, JsonNode got, String at) {
    if (want.isObject()) {
      if (!got.isObject() || got.size() != want.size()) {
        return at + ": want " + want + ", got " + got;
      }
      for (Map.Entry<String, JsonNode> e : want.properties()) {
        JsonNode g = got.get(e.getKey());
        if (g == null) {
          return at + ": key " + e.getKey() + " missing";
        }
        String d = difference(e.getValue(), g, at + "/" + e.getKey());
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (want.isArray()) {
      if (!got.isArray() || got.size() != want.size()) {
        return at + ": want " + want + ", got " + got;
      }
      for (int i = 0; i < want.size(); i++) {
        String d = difference(want.get(i), got.get(i), at + "/" + i);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (want.isNumber()) {
      if (!got.isNumber()) {
        return at + ": want number " + want + ", got " + got;
      }
      BigDecimal w =
          want.isIntegralNumber()
              ? new BigDecimal(want.bigIntegerValue())
              : new BigDecimal(want.doubleValue());
      BigDecimal g =
          got.isIntegralNumber()
              ? new BigDecimal(got.bigIntegerValue())
              : new BigDecimal(got.doubleValue());
      // integral floats print as their shortest digits (2^63 as 9223372036854776000): same double
      boolean same =
          w.compareTo(g) == 0 || w.doubleValue() == g.doubleValue() && !want.isIntegralNumber();
      return same ? null : at + ": want " + want + ", got " + got;
    }
    if (want.isString()) {
      String expected = JsonText.check(want.stringValue()).value();
      return got.isString() && got.stringValue().equals(expected)
          ? null
          : at + ": want string " + want + ", got " + got;
    }
    return want.equals(got) ? null : at + ": want " + want + ", got " + got;
  }
}
