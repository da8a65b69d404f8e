package dev.stonegarden.render.kustomize.builtins;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problem;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.yaml.GoJson;
import dev.stonegarden.render.yaml.JsonText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends the content hash to the names of generated ConfigMaps and Secrets that want one
 * (kustomize's {@code HashTransformer} and {@code hasher}, docs/kustomize.md#the-hash-suffix), on
 * the final object of the top-level build.
 */
public record HashSuffixTransformer() implements Transformer {

  @Override
  public void transform(ResourceList resources) {
    for (Resource r : resources) {
      if (r.needsHashSuffix()) {
        Checked<String> h = hash(r.body());
        if (!h.ok()) {
          // The hash input is the object's own data (and type, binaryData, stringData) under the
          // same keys, so the pointer is the value's place in the object: kustomize refuses the
          // build with Go's message, so does the render, at the value.
          Problem.InDocument p = (Problem.InDocument) h.problem();
          throw new InputException(
              r.positionOf(p.pointer()), p.message() + " (hash suffix of " + r.id() + ")");
        }
        r.rememberId();
        r.setName(r.name() + "-" + h.value());
      }
    }
  }

  /**
   * The 10-character suffix for one object, or Go's refusal of a value it cannot write in the hash
   * input (NaN, an infinity), with the value's JSON pointer in the object.
   */
  static Checked<String> hash(ObjectNode body) {
    return GoJson.marshal(hashInput(body)).map(json -> encode(sha256Hex(json)));
  }

  /**
   * The JSON that is hashed: kind, data (and binaryData) or type, data (and stringData); {@code
   * name} is always "" because kustomize looks up a field literally named {@code metadata/name}.
   */
  static ObjectNode hashInput(ObjectNode body) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode m = f.objectNode();
    String kind = body.get("kind") == null ? "" : body.get("kind").asString();
    if (kind.equals("ConfigMap")) {
      m.put("kind", "ConfigMap");
      m.put("name", "");
      m.set("data", afterJsonHop(value(body.get("data"))));
      if (body.get("binaryData") instanceof ObjectNode) {
        m.set("binaryData", body.get("binaryData"));
      }
    } else if (kind.equals("Secret")) {
      m.put("kind", "Secret");
      m.set("type", value(body.get("type")));
      m.put("name", "");
      m.set("data", value(body.get("data")));
      if (body.get("stringData") instanceof ObjectNode) {
        m.set("stringData", body.get("stringData"));
      }
    } else {
      return body;
    }
    return m;
  }

  /**
   * The data map as the hash sees it: its strings after kustomize's JSON hop ({@link
   * JsonText#afterJsonHop}), a NEL folded like a line break (checked with kubectl).
   */
  private static JsonNode afterJsonHop(JsonNode data) {
    if (!(data instanceof ObjectNode o)) {
      return data;
    }
    ObjectNode copy = null;
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      if (!e.getValue().isString()) {
        continue;
      }
      String text = e.getValue().stringValue();
      String hopped = JsonText.afterJsonHop(text);
      if (!hopped.equals(text)) {
        if (copy == null) {
          copy = o.deepCopy();
        }
        copy.put(e.getKey(), hopped);
      }
    }
    return copy == null ? data : copy;
  }

  // Missing → ""; a scalar → its text; a map stays a map (getNodeValues).
  private static JsonNode value(JsonNode n) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (n == null) {
      return f.stringNode("");
    }
    if (n.isContainer()) {
      return n.isObject() ? n : f.nullNode();
    }
    return f.stringNode(n.isNull() ? "" : n.asString());
  }

  private static String sha256Hex(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String encode(String hex) {
    StringBuilder sb = new StringBuilder(10);
    for (char c : hex.substring(0, 10).toCharArray()) {
      sb.append(
          switch (c) {
            case '0' -> 'g';
            case '1' -> 'h';
            case '3' -> 'k';
            case 'a' -> 'm';
            case 'e' -> 't';
            default -> c;
          });
    }
    return sb.toString();
  }
}
