package dev.stonegarden.render.kustomize.patch;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problem;
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
import tools.jackson.databind.node.NullNode;
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
    Checked<Target> done = t.add(value(op));
    if (!done.ok()) {
      throw error("error in add for path: '" + path + "': " + done.problem().message());
    }
  }

  private void remove(Holder root, ObjectNode op) {
    String path = pointer(op, "path", "remove operation failed to decode path");
    Target t = findObject(root.node, path);
    if (t == null) {
      throw error(
          "remove operation does not apply: doc is missing path: \"" + path + "\": missing value");
    }
    Checked<Target> done = t.remove();
    if (!done.ok()) {
      throw error("error in remove for path: '" + path + "': " + done.problem().message());
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
    if (!t.get().ok()) {
      throw error(
          "replace operation does not apply: doc is missing key: " + path + ": missing value");
    }
    Checked<Target> done = t.set(value(op));
    if (!done.ok()) {
      throw error("error in remove for path: '" + path + "': " + done.problem().message());
    }
  }

  private void move(Holder root, ObjectNode op) {
    String from = pointer(op, "from", "move operation failed to decode from");
    Target t = findObject(root.node, from);
    if (t == null) {
      throw error(
          "move operation does not apply: doc is missing from path: " + from + ": missing value");
    }
    Checked<JsonNode> got = t.get();
    if (!got.ok()) {
      throw error("error in move for path: '" + t.key + "': " + got.problem().message());
    }
    Checked<Target> done = t.remove();
    if (!done.ok()) {
      throw error("error in move for path: '" + t.key + "': " + done.problem().message());
    }
    String path = pointer(op, "path", "move operation failed to decode path");
    Target dest = findObject(root.node, path);
    if (dest == null) {
      throw error(
          "move operation does not apply: doc is missing destination path: "
              + path
              + ": missing value");
    }
    done = dest.add(got.value());
    if (!done.ok()) {
      throw error("error in move for path: '" + path + "': " + done.problem().message());
    }
  }

  private void copy(Holder root, ObjectNode op) {
    String from = pointer(op, "from", "copy operation failed to decode from");
    Target t = findObject(root.node, from);
    if (t == null) {
      throw error(
          "copy operation does not apply: doc is missing from path: " + from + ": missing value");
    }
    Checked<JsonNode> got = t.get();
    if (!got.ok()) {
      throw error("error in copy for from: '" + from + "': " + got.problem().message());
    }
    String path = pointer(op, "path", "copy operation failed to decode path");
    Target dest = findObject(root.node, path);
    if (dest == null) {
      throw error(
          "copy operation does not apply: doc is missing destination path: "
              + path
              + ": missing value");
    }
    Checked<Target> done = dest.add(got.value().deepCopy());
    if (!done.ok()) {
      throw error("error while adding value during copy: " + done.problem().message());
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
    Checked<JsonNode> got = t.get();
    if (!got.ok()) {
      throw error("error in test for path: '" + path + "': " + got.problem().message());
    }
    JsonNode val = got.value();
    if (val.isNull()) {
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

  /** A failed lookup or change inside a container (an index error), in evanphx's words. */
  private static <T> Checked<T> failed(String message) {
    return Checked.failed(new Problem.InValue(message));
  }

  /** The container a pointer ends in, and the last (decoded) reference token. */
  private final class Target {
    final JsonNode container;
    final String key;

    Target(JsonNode container, String key) {
      this.container = container;
      this.key = key;
    }

    /** The value (a null node when an object has no such member), or a bad index's problem. */
    Checked<JsonNode> get() {
      if (container instanceof ObjectNode o) {
        JsonNode v = o.get(key);
        return Checked.ok(v == null || v.isNull() ? JsonNodeFactory.instance.nullNode() : v);
      }
      ArrayNode a = (ArrayNode) container;
      return index(key, a.size(), false).map(a::get);
    }

    Checked<Target> add(JsonNode val) {
      if (container instanceof ObjectNode o) {
        o.set(key, val);
        return Checked.ok(this);
      }
      ArrayNode a = (ArrayNode) container;
      if (key.equals("-")) {
        a.add(val);
        return Checked.ok(this);
      }
      Long parsed = atoi(key);
      if (parsed == null) {
        return failed(
            "value was not a proper array index: '"
                + key
                + "': strconv.Atoi: parsing \""
                + key
                + "\": invalid syntax");
      }
      long idx = parsed;
      int size = a.size() + 1;
      if (idx >= size) {
        return failed("Unable to access invalid index: " + idx + ": invalid index referenced");
      }
      if (idx < 0) {
        if (idx < -size) {
          return failed("Unable to access invalid index: " + idx + ": invalid index referenced");
        }
        idx += size;
      }
      a.insert((int) idx, val);
      return Checked.ok(this);
    }

    Checked<Target> remove() {
      if (container instanceof ObjectNode o) {
        if (!o.has(key)) {
          return failed("Unable to remove nonexistent key: " + key + ": missing value");
        }
        o.remove(key);
        return Checked.ok(this);
      }
      ArrayNode a = (ArrayNode) container;
      Checked<Integer> idx = index(key, a.size(), true);
      if (!idx.ok()) {
        return Checked.failed(idx.problems());
      }
      a.remove(idx.value().intValue());
      return Checked.ok(this);
    }

    Checked<Target> set(JsonNode val) {
      if (container instanceof ObjectNode o) {
        o.set(key, val);
        return Checked.ok(this);
      }
      ArrayNode a = (ArrayNode) container;
      Checked<Integer> idx = index(key, a.size(), false);
      if (!idx.ok()) {
        return Checked.failed(idx.problems());
      }
      a.set(idx.value().intValue(), val);
      return Checked.ok(this);
    }
  }

  /** An existing array index, negative ones counting from the end; evanphx's error otherwise. */
  private static Checked<Integer> index(String key, int size, boolean forRemove) {
    Long parsed = atoi(key);
    if (parsed == null) {
      return failed("strconv.Atoi: parsing \"" + key + "\": invalid syntax");
    }
    long idx = parsed;
    if (forRemove && idx >= size) {
      return failed("Unable to access invalid index: " + idx + ": invalid index referenced");
    }
    if (idx < 0) {
      if (idx < -size) {
        return failed("Unable to access invalid index: " + idx + ": invalid index referenced");
      }
      idx += size;
    }
    if (idx >= size) {
      return failed("Unable to access invalid index: " + idx + ": invalid index referenced");
    }
    return Checked.ok((int) idx);
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
        Checked<Integer> idx = index(part, a.size(), false);
        next = idx.ok() ? a.get(idx.value()) : null;
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
          failure
              + ": json: cannot unmarshal "
              + Trees.goJsonType(p)
              + " into Go value of type string");
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

  /**
   * {@code ops} when it has the shape evanphx's {@code DecodePatch} accepts (a list of objects or
   * nulls; no operations at all), else one {@link Problem.InValue} for the list or for each
   * operation that is not an object.
   */
  static Checked<JsonNode> shape(JsonNode ops) {
    if (ops == null || ops.isNull()) {
      return Checked.ok(NullNode.getInstance());
    }
    if (!ops.isArray()) {
      return Checked.failed(
          new Problem.InValue(
              "expected a list of JSON patch operations but found " + Trees.shapeOf(ops)));
    }
    List<Problem> problems = new ArrayList<>();
    int i = 0;
    for (JsonNode op : ops) {
      if (!op.isObject() && !op.isNull()) {
        problems.add(
            new Problem.InValue(
                "expected operation " + i + " to be a map but found " + Trees.shapeOf(op)));
      }
      i++;
    }
    return problems.isEmpty() ? Checked.ok(ops) : Checked.failed(problems);
  }

  private InputException error(String message) {
    return new InputException(current, message);
  }
}
