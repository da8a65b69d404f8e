package dev.stonegarden.render.service;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.YamlDocument;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A stop-gap YAML 1.2 reader (snakeyaml-engine nodes to Jackson trees with a SourceMap) until yaml.YamlReader lands. */
final class InterimYaml {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private InterimYaml() {}

  static List<YamlDocument> read(Path file, String text) {
    LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).setLabel(file.toString()).build();
    List<YamlDocument> docs = new ArrayList<>();
    try {
      int index = 0;
      for (Node node : new Compose(settings).composeAllFromString(text)) {
        SourceMap map = new SourceMap(file);
        JsonNode root = convert(node, "", map);
        docs.add(new YamlDocument(root, file, index++, position(file, node.getStartMark().orElse(null)), map));
      }
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
      throw new InputException(position(file, m), "invalid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new InputException(SourcePosition.of(file), "invalid YAML: " + e.getMessage());
    }
    return docs;
  }

  private static SourcePosition position(Path file, Mark m) {
    return m == null ? SourcePosition.of(file) : new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1);
  }

  private static JsonNode convert(Node node, String pointer, SourceMap map) {
    node.getStartMark().ifPresent(m -> map.putValue(pointer, m.getLine() + 1, m.getColumn() + 1));
    if (node instanceof MappingNode mapping) {
      ObjectNode o = F.objectNode();
      for (NodeTuple t : mapping.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode().getTag());
        String child = pointer + "/" + SourceMap.escape(key);
        t.getKeyNode().getStartMark().ifPresent(m -> map.putKey(child, m.getLine() + 1, m.getColumn() + 1));
        o.set(key, convert(t.getValueNode(), child, map));
      }
      return o;
    }
    if (node instanceof SequenceNode seq) {
      ArrayNode a = F.arrayNode();
      int i = 0;
      for (Node item : seq.getValue()) {
        a.add(convert(item, pointer + "/" + i++, map));
      }
      return a;
    }
    ScalarNode s = (ScalarNode) node;
    String v = s.getValue();
    Tag tag = s.getTag();
    if (Tag.NULL.equals(tag)) {
      return F.nullNode();
    }
    if (Tag.BOOL.equals(tag)) {
      return F.booleanNode(v.toLowerCase(Locale.ROOT).equals("true"));
    }
    if (Tag.INT.equals(tag)) {
      BigInteger n = v.startsWith("0x") ? new BigInteger(v.substring(2), 16)
          : v.startsWith("0o") ? new BigInteger(v.substring(2), 8) : new BigInteger(v.replace("+", ""));
      return n.bitLength() < 32 ? F.numberNode(n.intValue())
          : n.bitLength() < 64 ? F.numberNode(n.longValue()) : F.numberNode(n);
    }
    if (Tag.FLOAT.equals(tag)) {
      try {
        return F.numberNode(new BigDecimal(v));
      } catch (NumberFormatException e) {
        return F.numberNode(Double.parseDouble(v.toLowerCase(Locale.ROOT).replace(".inf", "Infinity").replace(".nan", "NaN")));
      }
    }
    return F.stringNode(v);
  }
}
