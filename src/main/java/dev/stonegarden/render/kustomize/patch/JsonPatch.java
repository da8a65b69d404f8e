package dev.stonegarden.render.kustomize.patch;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.yaml.GoNumbers;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 6902 JSON patch with the semantics of {@code gopkg.in/evanphx/json-patch.v4} v4.12.0, the
 * library kustomize applies {@code patchesJson6902} and JSON {@code patches} with
 * (docs/kustomize.md#json-6902-patches). Its deviations from the RFC are kept on purpose: {@code
 * replace} of a missing object member adds it, negative array indices count from the end, the first
 * segment of a pointer is skipped whatever it is, a null member counts as missing on the way down,
 * and numbers in {@code test} compare by value. Error messages use the library's words.
 */
public final class JsonPatch {
  private final SourcePosition at;
  private SourcePosition current;

  private JsonPatch(SourcePosition at) {
    this.at = at;
    this.current = at;
  }

  /** {@link #apply(JsonNode, ArrayNode, SourcePosition)} without a position for errors. */
  public static JsonNode apply(JsonNode doc, ArrayNode ops) {
    return apply(doc, ops, SourcePosition.none());
  }

  /**
   * Applies the operations in order to a copy of {@code doc} and returns the result (the root
   * itself may be replaced by {@code replace ""}). {@code doc} is not modified.
   *
   * @param at where the patch comes from, for error messages
   * @throws InputException when an operation does not apply (the first failing one)
   */
  public static JsonNode apply(JsonNode doc, ArrayNode ops, SourcePosition at) {
    return apply(doc, ops, at, null);
  }

  /**
   * As {@link #apply(JsonNode, ArrayNode, SourcePosition)}, with an error placed at the failing
   * operation: {@code locator} maps a JSON pointer into the operations ({@code /2}) to its
   * position.
   */
  public static JsonNode apply(
      JsonNode doc, ArrayNode ops, SourcePosition at, Function<String, SourcePosition> locator) {
    JsonPatch p = new JsonPatch(at);
    Holder root = new Holder(doc.deepCopy());
    for (int i = 0; i < ops.size(); i++) {
      SourcePosition here = locator == null ? null : locator.apply("/" + i);
      p.current = here != null && here.hasFile() ? here : at;
      p.applyOne(root, ops.get(i));
    }
    // like evanphx's raw bytes, a literal keeps its text until the patch is done (a later "test"
    // in the same patch sees "2.50"); then it is an ordinary number of the document
    return withDoubles(root.node);
  }

  /** The document root, replaceable as a whole. */
  private static final class Holder {
    JsonNode node;

    Holder(JsonNode node) {
      this.node = node;
    }
  }

  private void applyOne(Holder root, JsonNode op) {
    String kind =
        op instanceof ObjectNode o && o.get("op") != null && o.get("op").isString()
            ? o.get("op").stringValue()
            : "unknown";
    ObjectNode o = op instanceof ObjectNode obj ? obj : JsonNodeFactory.instance.objectNode();
    switch (kind) {
      case "add":
        add(root, o);
        break;
      case "remove":
        remove(root, o);
        break;
      case "replace":
        replace(root, o);
        break;
      case "move":
        move(root, o);
        break;
      case "test":
        test(root, o);
        break;
      case "copy":
        copy(root, o);
        break;
      default:
        throw error("Unexpected kind: " + kind);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Operations

  private void add(Holder root, ObjectNode op) {
    String path = pointer(op, "path", "add operation failed to decode path");
    Target t = findObject(root.node, path);
    if (t == null) {
      throw error(
          "add operation does not apply: doc is missing path: \"" + path + "\": missing value");
    }
    String err = t.add(value(op));
    if (err != null) {
      throw error("error in add for path: '" + path + "': " + err);
    }
  }

  private void remove(Holder root, ObjectNode op) {
    String path = pointer(op, "path", "remove operation failed to decode path");
    Target t = findObject(root.node, path);
    if (t == null) {
      throw error(
          "remove operation does not apply: doc is missing path: \"" + path + "\": missing value");
    }
    String err = t.remove();
    if (err != null) {
      throw error("error in remove for path: '" + path + "': " + err);
    }
  }

  private void replace(Holder root, ObjectNode op) {
    String path = pointer(op, "path", "replace operation failed to decode path");
    if (path.isEmpty()) {
      JsonNode val = requiredValue(op, "replace");
      // evanphx wraps a nil error here, so a scalar replacement of the root is silently ignored
      if (val.isContainer()) {
        root.node = val;
      }
      return;
    }
    Target t = findObject(root.node, path);
    if (t == null) {
      throw error(
          "replace operation does not apply: doc is missing path: " + path + ": missing value");
    }
    if (t.get() instanceof Failure) {
      throw error(
          "replace operation does not apply: doc is missing key: " + path + ": missing value");
    }
    String err = t.set(value(op));
    if (err != null) {
      throw error("error in remove for path: '" + path + "': " + err);
    }
  }

  private void move(Holder root, ObjectNode op) {
    String from = pointer(op, "from", "move operation failed to decode from");
    Target t = findObject(root.node, from);
    if (t == null) {
      throw error(
          "move operation does not apply: doc is missing from path: " + from + ": missing value");
    }
    Object got = t.get();
    if (got instanceof Failure f) {
      throw error("error in move for path: '" + t.key + "': " + f.message);
    }
    String err = t.remove();
    if (err != null) {
      throw error("error in move for path: '" + t.key + "': " + err);
    }
    String path = pointer(op, "path", "move operation failed to decode path");
    Target dest = findObject(root.node, path);
    if (dest == null) {
      throw error(
          "move operation does not apply: doc is missing destination path: "
              + path
              + ": missing value");
    }
    err = dest.add(nullToNode((JsonNode) got));
    if (err != null) {
      throw error("error in move for path: '" + path + "': " + err);
    }
  }

  private void copy(Holder root, ObjectNode op) {
    String from = pointer(op, "from", "copy operation failed to decode from");
    Target t = findObject(root.node, from);
    if (t == null) {
      throw error(
          "copy operation does not apply: doc is missing from path: " + from + ": missing value");
    }
    Object got = t.get();
    if (got instanceof Failure f) {
      throw error("error in copy for from: '" + from + "': " + f.message);
    }
    String path = pointer(op, "path", "copy operation failed to decode path");
    Target dest = findObject(root.node, path);
    if (dest == null) {
      throw error(
          "copy operation does not apply: doc is missing destination path: "
              + path
              + ": missing value");
    }
    JsonNode val = got == null ? null : ((JsonNode) got).deepCopy();
    String err = dest.add(nullToNode(val));
    if (err != null) {
      throw error("error while adding value during copy: " + err);
    }
  }

  private void test(Holder root, ObjectNode op) {
    String path = pointer(op, "path", "test operation failed to decode path");
    JsonNode expected = requiredValue(op, "test");
    if (path.isEmpty()) {
      if (equal(root.node, expected)) {
        return;
      }
      throw error("testing value " + path + " failed: test failed");
    }
    Target t = findObject(root.node, path);
    if (t == null) {
      throw error("test operation does not apply: is missing path: " + path + ": missing value");
    }
    Object got = t.get();
    if (got instanceof Failure f) {
      throw error("error in test for path: '" + path + "': " + f.message);
    }
    JsonNode val = (JsonNode) got;
    if (val == null || val.isNull()) {
      if (expected.isNull()) {
        return;
      }
      throw error("testing value " + path + " failed: test failed");
    }
    if (equal(val, expected)) {
      return;
    }
    throw error("testing value " + path + " failed: test failed");
  }

  // ---------------------------------------------------------------------------------------------
  // Pointers and containers

  /** A failed lookup inside a container (an index error), as opposed to a missing member. */
  private record Failure(String message) {}

  /** The container a pointer ends in, and the last (decoded) reference token. */
  private final class Target {
    final JsonNode container;
    final String key;

    Target(JsonNode container, String key) {
      this.container = container;
      this.key = key;
    }

    /** The value (null when an object has no such member), or a Failure for a bad index. */
    Object get() {
      if (container instanceof ObjectNode o) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v;
      }
      ArrayNode a = (ArrayNode) container;
      Object idx = index(key, a.size(), false);
      if (idx instanceof Failure) {
        return idx;
      }
      return a.get((Integer) idx);
    }

    String add(JsonNode val) {
      if (container instanceof ObjectNode o) {
        o.set(key, val);
        return null;
      }
      ArrayNode a = (ArrayNode) container;
      if (key.equals("-")) {
        a.add(val);
        return null;
      }
      Long parsed = atoi(key);
      if (parsed == null) {
        return "value was not a proper array index: '"
            + key
            + "': strconv.Atoi: parsing \""
            + key
            + "\": invalid syntax";
      }
      long idx = parsed;
      int size = a.size() + 1;
      if (idx >= size) {
        return "Unable to access invalid index: " + idx + ": invalid index referenced";
      }
      if (idx < 0) {
        if (idx < -size) {
          return "Unable to access invalid index: " + idx + ": invalid index referenced";
        }
        idx += size;
      }
      a.insert((int) idx, val);
      return null;
    }

    String remove() {
      if (container instanceof ObjectNode o) {
        if (!o.has(key)) {
          return "Unable to remove nonexistent key: " + key + ": missing value";
        }
        o.remove(key);
        return null;
      }
      ArrayNode a = (ArrayNode) container;
      Object idx = index(key, a.size(), true);
      if (idx instanceof Failure f) {
        return f.message;
      }
      a.remove((Integer) idx);
      return null;
    }

    String set(JsonNode val) {
      if (container instanceof ObjectNode o) {
        o.set(key, val);
        return null;
      }
      ArrayNode a = (ArrayNode) container;
      Object idx = index(key, a.size(), false);
      if (idx instanceof Failure f) {
        return f.message;
      }
      a.set((Integer) idx, val);
      return null;
    }
  }

  /** An existing array index, negative ones counting from the end; a Failure otherwise. */
  private static Object index(String key, int size, boolean forRemove) {
    Long parsed = atoi(key);
    if (parsed == null) {
      return new Failure("strconv.Atoi: parsing \"" + key + "\": invalid syntax");
    }
    long idx = parsed;
    if (forRemove && idx >= size) {
      return new Failure("Unable to access invalid index: " + idx + ": invalid index referenced");
    }
    if (idx < 0) {
      if (idx < -size) {
        return new Failure("Unable to access invalid index: " + idx + ": invalid index referenced");
      }
      idx += size;
    }
    if (idx >= size) {
      return new Failure("Unable to access invalid index: " + idx + ": invalid index referenced");
    }
    return (int) idx;
  }

  /** Go's {@code strconv.Atoi}: optional sign, decimal digits, 64-bit range; null otherwise. */
  private static Long atoi(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int start = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
    if (start == s.length()) {
      return null;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    try {
      return Long.parseLong(s.charAt(0) == '+' ? s.substring(1) : s);
    } catch (NumberFormatException e) {
      return null; // out of range
    }
  }

  /**
   * evanphx's {@code findObject}: splits at '/', skips the first segment whatever it is, walks
   * every segment but the last; null when the way down is missing (a null member, a bad index, a
   * scalar on the way).
   */
  private Target findObject(JsonNode doc, String path) {
    String[] split = path.split("/", -1);
    if (split.length < 2) {
      return null;
    }
    JsonNode current = doc;
    for (int i = 1; i < split.length - 1; i++) {
      String part = SourceMap.unescape(split[i]);
      JsonNode next;
      if (current instanceof ObjectNode o) {
        next = o.get(part);
      } else if (current instanceof ArrayNode a) {
        Object idx = index(part, a.size(), false);
        next = idx instanceof Integer n ? a.get(n) : null;
      } else {
        return null;
      }
      if (next == null || next.isNull() || !next.isContainer()) {
        return null;
      }
      current = next;
    }
    if (!current.isContainer()) {
      return null;
    }
    return new Target(current, SourceMap.unescape(split[split.length - 1]));
  }

  private String pointer(ObjectNode op, String field, String failure) {
    JsonNode p = op.get(field);
    if (p == null || p.isNull()) {
      throw error(failure + ": missing value");
    }
    if (!p.isString()) {
      throw error(
          failure + ": json: cannot unmarshal " + jsonType(p) + " into Go value of type string");
    }
    return p.stringValue();
  }

  /** The op's value; a missing {@code value} is JSON null (evanphx stores a nil node). */
  private static JsonNode value(ObjectNode op) {
    JsonNode v = op.get("value");
    return v == null ? JsonNodeFactory.instance.nullNode() : v.deepCopy();
  }

  /** Raw decimal literals of JSON operations become ordinary floats in the patched document. */
  private static JsonNode withDoubles(JsonNode n) {
    if (n instanceof DecimalNode d) {
      return JsonNodeFactory.instance.numberNode(d.doubleValue());
    }
    if (n instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        e.setValue(withDoubles(e.getValue()));
      }
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, withDoubles(a.get(i)));
      }
    }
    return n;
  }

  /** {@code replace ""} and {@code test} dereference the value; evanphx panics without one. */
  private JsonNode requiredValue(ObjectNode op, String kind) {
    JsonNode v = op.get("value");
    if (v == null) {
      throw error(kind + " operation has no value: expected a 'value' field");
    }
    return v.deepCopy();
  }

  private static JsonNode nullToNode(JsonNode n) {
    return n == null ? JsonNodeFactory.instance.nullNode() : n;
  }

  private static String jsonType(JsonNode n) {
    if (n.isObject()) {
      return "object";
    }
    if (n.isArray()) {
      return "array";
    }
    if (n.isNumber()) {
      return "number";
    }
    if (n.isBoolean()) {
      return "bool";
    }
    return "string";
  }

  /**
   * evanphx's {@code lazyNode.equal}: objects by key set and values, arrays element by element,
   * scalars by their compact JSON (numbers as {@link #numberText} prints them), null equal only to
   * null.
   */
  static boolean equal(JsonNode a, JsonNode b) {
    if (a == null || a.isNull() || b == null || b.isNull()) {
      return (a == null || a.isNull()) && (b == null || b.isNull());
    }
    if (a.isObject() || b.isObject()) {
      if (!a.isObject() || !b.isObject() || a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !equal(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() || b.isArray()) {
      if (!a.isArray() || !b.isArray() || a.size() != b.size()) {
        return false;
      }
      Iterator<JsonNode> ia = a.iterator();
      Iterator<JsonNode> ib = b.iterator();
      while (ia.hasNext()) {
        if (!equal(ia.next(), ib.next())) {
          return false;
        }
      }
      return true;
    }
    if (a.isNumber() && b.isNumber()) {
      // evanphx compares compact JSON bytes: a number written in a JSON operation by its raw text,
      // any other as Go's encoding/json prints it (so 282879384806159000.0 in the document equals
      // 282879384806159000 in the operation, as in kubectl, on every JDK)
      return numberText(a).equals(numberText(b));
    }
    if (a.isNumber() || b.isNumber()) {
      return false;
    }
    if (a.isBoolean() || b.isBoolean()) {
      return a.isBoolean() && b.isBoolean() && a.booleanValue() == b.booleanValue();
    }
    return a.isString() && b.isString() && a.stringValue().equals(b.stringValue());
  }

  /** A raw JSON literal's text, or a document number as Go's encoding/json writes it. */
  static String numberText(JsonNode n) {
    if (n instanceof DecimalNode d) {
      return d.decimalValue().toString().replace("E", "e");
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue().toString();
    }
    double f = n.doubleValue();
    return Double.isFinite(f) ? GoNumbers.jsonFloat(f).value() : GoNumbers.formatFloat(f, 'g');
  }

  /** Checks the shape evanphx's {@code DecodePatch} accepts: a list of objects (or nulls). */
  static List<String> shapeProblems(JsonNode ops) {
    List<String> problems = new ArrayList<>();
    if (ops == null || ops.isNull()) {
      return problems;
    }
    if (!ops.isArray()) {
      problems.add("expected a list of JSON patch operations but found " + Trees.shapeOf(ops));
      return problems;
    }
    int i = 0;
    for (JsonNode op : ops) {
      if (!op.isObject() && !op.isNull()) {
        problems.add("expected operation " + i + " to be a map but found " + Trees.shapeOf(op));
      }
      i++;
    }
    return problems;
  }

  private InputException error(String message) {
    return new InputException(current, message);
  }
}
