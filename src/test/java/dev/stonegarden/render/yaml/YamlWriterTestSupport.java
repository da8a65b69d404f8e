package dev.stonegarden.render.yaml;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test-only reader for the writer's tests: snakeyaml-engine nodes typed as go-yaml v3 types plain
 * scalars (YAML 1.2 core schema: null, bool, int, float; everything quoted or block is a string).
 * Enough for kustomize's own output, which quotes every string that could read as anything else.
 */
final class YamlWriterTestSupport {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private YamlWriterTestSupport() {}

  static List<JsonNode> readStream(String text) {
    LoadSettings settings = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).setMaxAliasesForCollections(10_000).build();
    List<JsonNode> docs = new ArrayList<>();
    for (Node n : new Compose(settings).composeAllFromString(text)) {
      docs.add(toJson(n));
    }
    return docs;
  }

  static List<JsonNode> readStream(Path file) throws IOException {
    return readStream(Files.readString(file, StandardCharsets.UTF_8));
  }

  static JsonNode toJson(Node n) {
    if (n instanceof MappingNode m) {
      ObjectNode o = F.objectNode();
      for (NodeTuple t : m.getValue()) {
        o.set(((ScalarNode) t.getKeyNode()).getValue(), toJson(t.getValueNode()));
      }
      return o;
    }
    if (n instanceof SequenceNode s) {
      ArrayNode a = F.arrayNode();
      for (Node item : s.getValue()) {
        a.add(toJson(item));
      }
      return a;
    }
    ScalarNode s = (ScalarNode) n;
    if (!s.isPlain()) {
      return F.stringNode(s.getValue());
    }
    return typePlain(s.getValue());
  }

  /**
   * An integer as go-yaml v3 reads it ({@code strconv.ParseInt(s, 0, 64)}, then ParseUint): base
   * prefixes {@code 0x}, {@code 0o}, {@code 0b} and a leading {@code 0} for octal; null when it is
   * no integer or out of the int64/uint64 range (v3 then reads a float).
   */
  static BigInteger goInteger(String v) {
    if (!GoParse.parseIntOk(v, 0, true) && !GoParse.parseIntOk(v, 0, false)) {
      return null;
    }
    boolean neg = v.startsWith("-");
    String s = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
    int radix = 10;
    if (s.length() >= 3 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
      char c = Character.toLowerCase(s.charAt(1));
      radix = c == 'b' ? 2 : c == 'o' ? 8 : 16;
      s = s.substring(2);
    } else if (s.length() > 1 && s.charAt(0) == '0') {
      radix = 8;
      s = s.substring(1);
    }
    BigInteger b = new BigInteger(s, radix);
    return neg ? b.negate() : b;
  }

  static JsonNode typePlain(String v) {
    switch (v) {
      case "": case "~": case "null": case "Null": case "NULL":
        return F.nullNode();
      case "true": case "True": case "TRUE":
        return F.booleanNode(true);
      case "false": case "False": case "FALSE":
        return F.booleanNode(false);
      case ".inf": case ".Inf": case ".INF": case "+.inf": case "+.Inf": case "+.INF":
        return F.numberNode(Double.POSITIVE_INFINITY);
      case "-.inf": case "-.Inf": case "-.INF":
        return F.numberNode(Double.NEGATIVE_INFINITY);
      case ".nan": case ".NaN": case ".NAN":
        return F.numberNode(Double.NaN);
      default:
        break;
    }
    BigInteger b = goInteger(v.replace("_", ""));
    if (b != null) {
      if (b.bitLength() < 32) {
        return F.numberNode(b.intValue());
      }
      if (b.bitLength() < 64) {
        return F.numberNode(b.longValue());
      }
      return F.numberNode(b);
    }
    if (V2PlainCheck.isYamlStyleFloat(v.replace("_", ""))) {
      return F.numberNode(Double.parseDouble(v.replace("_", "")));
    }
    return F.stringNode(v);
  }
}
