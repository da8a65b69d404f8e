package dev.stonegarden.render.kustomize.patch;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.yaml.EmptyNullNode;
import dev.stonegarden.render.yaml.NodeFactory;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.Trees.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strategic merge exactly as kustomize runs it: kyaml's {@code merge2.Merge(patch, resource,
 * {ListIncreaseDirection: Prepend})}, a schema-driven walk over both trees
 * (docs/kustomize.md#strategic-merge). This is not apimachinery's strategic merge patch: patched
 * list elements move to the front, element-level {@code $patch: replace} keeps the original,
 * multi-key lists have their own matching rules, and {@code $setElementOrder}/{@code $retainKeys}
 * are ordinary keys.
 *
 * <p>The walk is a port of the observable behaviour of {@code walk.Walker}, {@code merge2.Merger},
 * {@code ElementSetter} and {@code ElementMatcher}. kyaml mutates the resource's nodes in place and
 * relies on node identity in its list merge (a merged element that is the original node survives
 * the final "append the originals" step; one that is a patch node is replaced by the untouched
 * original); this port does the same with Jackson nodes and {@code ==}.
 */
public final class StrategicMerge {
  static final String DIRECTIVE = "$patch";
  private static final int MAX_DEPTH = 1000;

  private final MergeSchema schema;
  private final SourcePosition at;
  private final Function<String, SourcePosition> locator;

  private StrategicMerge(
      MergeSchema schema, SourcePosition at, Function<String, SourcePosition> locator) {
    this.schema = schema;
    this.at = at;
    this.locator = locator;
  }

  /**
   * {@link #merge(ObjectNode, ObjectNode, MergeSchema, Gvk, SourcePosition)} without a position.
   */
  public static MergeResult merge(
      ObjectNode original, ObjectNode patch, MergeSchema schema, Gvk gvk) {
    return merge(original, patch, schema, gvk, SourcePosition.none());
  }

  /**
   * Merges {@code patch} into {@code original} <em>in place</em>; the patch is not modified (it is
   * copied first). A top-level {@code $patch: replace} leaves the original untouched, as in
   * kustomize, where the replacement node is returned but never written back (case 129).
   *
   * @param gvk the type whose schema is used at the root; null to look it up from the original's
   *     (then the patch's) apiVersion and kind, as kyaml does
   * @param at where the patch comes from, for error messages
   * @throws InputException when the patch does not fit the object (wrong node kind, unknown
   *     directive)
   */
  public static MergeResult merge(
      ObjectNode original, ObjectNode patch, MergeSchema schema, Gvk gvk, SourcePosition at) {
    return merge(original, patch, schema, gvk, at, null);
  }

  /**
   * As {@link #merge(ObjectNode, ObjectNode, MergeSchema, Gvk, SourcePosition)}, with errors placed
   * at the offending node of the patch: {@code locator} maps a JSON pointer into the patch to its
   * position (null: everything at {@code at}).
   */
  public static MergeResult merge(
      ObjectNode original,
      ObjectNode patch,
      MergeSchema schema,
      Gvk gvk,
      SourcePosition at,
      Function<String, SourcePosition> locator) {
    StrategicMerge m =
        new StrategicMerge(schema == null ? MergeSchema.empty() : schema, at, locator);
    SchemaNode root = gvk == null ? null : m.schema.forType(gvk.apiVersion(), gvk.kind());
    JsonNode result = m.walk(original, patch.deepCopy(), root, Ptr.ROOT, 0);
    return new MergeResult(original, result == null);
  }

  // ---------------------------------------------------------------------------------------------
  // The walk (walk.Walker.Walk). "dest" is the resource side, "origin" the patch side; Java null is
  // a missing node, a NullNode is YAML null. A null return value means "clear the field".

  private JsonNode walk(JsonNode dest, JsonNode origin, SchemaNode s, Ptr path, int depth) {
    if (depth > MAX_DEPTH) {
      throw error("patch nesting deeper than " + MAX_DEPTH + " levels at " + display(path), path);
    }
    s = schemaFor(s, dest, origin);
    NodeKind kind = NodeKind.of(dest) != NodeKind.NONE ? NodeKind.of(dest) : NodeKind.of(origin);
    switch (kind) {
      case MAP:
        requireKind(NodeKind.MAP, dest, origin, path);
        return walkMap(dest, origin, s, path, depth);
      case SEQ:
        requireKind(NodeKind.SEQ, dest, origin, path);
        if (s != null && s.isAssociative()) {
          return walkAssociativeList(dest, origin, s, path, depth);
        }
        // a non-associative list is replaced by the patch's list
        // (docs/kustomize.md#strategic-merge)
        return origin != null ? origin : dest;
      case SCALAR:
        requireKind(NodeKind.SCALAR, dest, origin, path);
        return origin != null ? keepingStyle(dest, origin) : dest;
      default:
        return walkMap(dest, origin, s, path, depth);
    }
  }

  /**
   * The patch's scalar as kyaml's {@code FieldSetter} sets it over {@code dest}: with the style of
   * the field it replaces. Over a string the resource wrote quoted, literal or folded, a number or
   * boolean of the patch is written in that style and read back as a string of its text ({@code
   * value: "8080"} patched with {@code value: 9090} is the string {@code "9090"});
   * docs/kustomize.md#strategic-merge.
   */
  private static JsonNode keepingStyle(JsonNode dest, JsonNode origin) {
    if (!NodeFactory.isStyledString(dest) || !origin.isValueNode() || origin.isNull()) {
      return origin;
    }
    return NodeFactory.styledString(Trees.text(origin));
  }

  /**
   * The schema for this node: the one handed down, else (kyaml's {@code GetSchema}) the schema of
   * the apiVersion/kind written in the node itself, resource side first.
   */
  private SchemaNode schemaFor(SchemaNode handedDown, JsonNode dest, JsonNode origin) {
    if (handedDown != null) {
      return handedDown;
    }
    for (JsonNode n : new JsonNode[] {dest, origin}) {
      if (n instanceof ObjectNode o) {
        JsonNode av = o.get("apiVersion");
        JsonNode k = o.get("kind");
        if (av != null && av.isString() && k != null && k.isString()) {
          SchemaNode found = schema.forType(av.stringValue(), k.stringValue());
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  private JsonNode walkMap(JsonNode dest, JsonNode origin, SchemaNode s, Ptr path, int depth) {
    // merge2.Merger.VisitMap
    JsonNode d;
    if (isMissingOrNull(dest)) {
      if (directiveIgnoringErrors(origin) == Directive.DELETE) {
        return null;
      }
      if (origin == null && dest != null) {
        // a null written in the resource ("null", "~") survives when the patch does not mention
        // the field (kyaml's MakePersistentNullNode, case 146); an empty value ("key:") does not
        return dest instanceof EmptyNullNode ? null : dest;
      }
      d = origin;
    } else if (origin != null && origin.isNull()) {
      return null; // null in the patch deletes the field (docs/kustomize.md#strategic-merge)
    } else {
      Directive ps = directive(origin, path);
      if (ps == Directive.DELETE) {
        return null;
      }
      d = ps == Directive.REPLACE ? origin : dest;
    }
    if (!(d instanceof ObjectNode map)) {
      return d; // null, or a YAML null that the caller clears
    }
    ObjectNode originMap = origin instanceof ObjectNode o ? o : null;
    // kyaml visits the union of the keys in sorted order; the keys are independent and the output
    // is sorted later, so existing keys in place and then the patch's new ones will do
    List<String> names = new ArrayList<>(map.propertyNames());
    if (originMap != null && originMap != map) {
      for (String k : originMap.propertyNames()) {
        if (!map.has(k)) {
          names.add(k);
        }
      }
    }
    for (String key : names) {
      SchemaNode fieldSchema = s == null ? null : s.field(key);
      JsonNode destField = map.get(key);
      JsonNode originField = originMap == null ? null : originMap.get(key);
      JsonNode val = walk(destField, originField, fieldSchema, new Ptr(path, key), depth + 1);
      if (val == null) {
        map.remove(key);
      } else if (val.isNull()) {
        // kyaml keeps a null written in the resource when the patch does not mention the field
        // (MakePersistentNullNode, case 146); a null from the patch clears the field
        if (originField == null && destField != null && destField.isNull()) {
          map.set(key, destField);
        } else {
          map.remove(key);
        }
      } else {
        map.set(key, val);
      }
    }
    return map;
  }

  private JsonNode walkAssociativeList(
      JsonNode dest, JsonNode origin, SchemaNode s, Ptr path, int depth) {
    // merge2.Merger.VisitList for associative lists
    JsonNode d;
    if (isMissingOrNull(dest)) {
      d = origin;
    } else if (origin != null && origin.isNull()) {
      return null;
    } else {
      Directive ps = directive(origin, path);
      if (ps == Directive.DELETE) {
        return null;
      }
      d = ps == Directive.REPLACE ? origin : dest;
    }
    if (!(d instanceof ArrayNode list)) {
      return d;
    }
    ArrayNode originList = origin instanceof ArrayNode a ? a : null;
    List<String> keys = s.mergeKeys();
    List<List<String>> values = elementValues(keys, list, originList);
    if (!values.isEmpty() || !keys.isEmpty()) {
      return setElements(values, keys, list, originList, s, path, depth);
    }
    // a list of scalars such as finalizers: patch values first, then the others (case 106)
    return setElements(
        primitiveValues(list, originList), List.of(""), list, originList, s, path, depth);
  }

  /** Key tuples of the elements, patch elements first ({@code Walker.elementValues}, Prepend). */
  private static List<List<String>> elementValues(
      List<String> keys, ArrayNode dest, ArrayNode origin) {
    List<List<String>> out = new ArrayList<>();
    for (ArrayNode src : new ArrayNode[] {origin, dest}) {
      if (src == null) {
        continue;
      }
      for (JsonNode elem : src) {
        List<String> tuple = new ArrayList<>(keys.size());
        for (String key : keys) {
          JsonNode f = elem instanceof ObjectNode o ? o.get(key) : null;
          tuple.add(f == null || isNilOrEmpty(f) ? "" : Trees.kyamlValue(f));
        }
        if (tuple.isEmpty() || out.contains(tuple)) {
          continue;
        }
        out.add(tuple);
      }
    }
    return out;
  }

  private static List<List<String>> primitiveValues(ArrayNode dest, ArrayNode origin) {
    List<List<String>> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (ArrayNode src : new ArrayNode[] {origin, dest}) {
      if (src == null) {
        continue;
      }
      for (JsonNode item : src) {
        String v = Trees.kyamlValue(item);
        if (seen.contains(v)) {
          continue;
        }
        seen.add(v);
        out.add(new ArrayList<>(List.of(v)));
      }
    }
    return out;
  }

  /** {@code Walker.setAssociativeSequenceElements} with ListIncreaseDirection Prepend. */
  private JsonNode setElements(
      List<List<String>> valuesList,
      List<String> keys,
      ArrayNode dest,
      ArrayNode origin,
      SchemaNode s,
      Ptr path,
      int depth) {
    ArrayNode itemsToBeAdded = JsonNodeFactory.instance.arrayNode();
    SchemaNode elementSchema = s == null ? null : s.elements();
    if (keys.size() > 1) {
      mergeValues(valuesList);
    }
    List<String> validKeys = null;
    for (List<String> values : valuesList) {
      if (values.isEmpty()) {
        continue;
      }
      KeyValues kv = validateKeys(valuesList, values, keys);
      validKeys = kv.keys;
      KeyValues lookup = validateKeys(List.of(kv.values), kv.values, kv.keys);
      JsonNode destElem = elementList(dest, lookup.keys, lookup.values);
      JsonNode originElem = origin == null ? null : elementList(origin, lookup.keys, lookup.values);
      JsonNode val =
          walk(
              destElem,
              originElem,
              elementSchema,
              elementPointer(path, origin, originElem),
              depth + 1);
      boolean exit = false;
      for (int i = 0; i < kv.keys.size(); i++) {
        String key = kv.keys.get(i);
        if (isMissingOrNull(val) || isEmptyMap(val)) {
          // an element that merged to nothing ({name: x, $patch: delete}) leaves the list (case
          // 099)
          elementSetter(dest, null, kv.keys, kv.values, path);
          exit = true;
        } else if (!kv.values.get(i).isEmpty()) {
          ensureKeyField(val, key, kv.values.get(i), path);
        }
      }
      if (exit) {
        continue;
      }
      elementSetter(itemsToBeAdded, val, kv.keys, kv.values, path);
    }
    ArrayNode result = dest;
    if (!valuesList.isEmpty() && validKeys != null) {
      // the patch's elements come first; the originals are set over them by key, so an element
      // that merged in place stays and an element replaced by a patch node reverts
      // (docs/kustomize.md#strategic-merge)
      result = appendListNode(itemsToBeAdded, dest, validKeys, path);
    }
    return result;
  }

  /**
   * kyaml makes sure a merged element carries its key fields ({@code SetField(key, value)}); a
   * field it adds is a string. For scalar lists (key "") this rewrites the scalar with its own
   * text, which changes nothing here.
   */
  private void ensureKeyField(JsonNode val, String key, String value, Ptr path) {
    if (key.isEmpty()) {
      if (NodeKind.of(val) != NodeKind.SCALAR) {
        throw wrongKind(NodeKind.SCALAR, val, path);
      }
      return;
    }
    if (!(val instanceof ObjectNode o)) {
      throw wrongKind(NodeKind.MAP, val, path);
    }
    if (o.get(key) == null) {
      o.put(key, value);
    }
  }

  /** Two tuples are the same element when they share a value and differ only where one is empty. */
  private static void mergeValues(List<List<String>> valuesList) {
    for (int i = 0; i < valuesList.size(); i++) {
      List<String> values1 = valuesList.get(i); // fixed for the inner loop, as Go's range copy
      for (int j = 0; j < valuesList.size(); j++) {
        List<String> merged = match(values1, valuesList.get(j));
        if (merged != null) {
          valuesList.set(i, merged);
          valuesList.set(j, merged);
        }
      }
    }
  }

  private static List<String> match(List<String> values1, List<String> values2) {
    if (values1.size() != values2.size()) {
      return null;
    }
    boolean common = false;
    List<String> res = new ArrayList<>(values1.size());
    for (int i = 0; i < values1.size(); i++) {
      String a = values1.get(i);
      String b = values2.get(i);
      if (a.equals(b)) {
        common = true;
        res.add(a);
        continue;
      }
      if (!a.isEmpty() && !b.isEmpty()) {
        return null;
      }
      res.add(a.isEmpty() ? b : a);
    }
    return common ? res : null;
  }

  private record KeyValues(List<String> keys, List<String> values) {}

  /** Drops the keys that no tuple has a value for ({@code walk.validateKeys}). */
  private static KeyValues validateKeys(
      List<List<String>> valuesList, List<String> values, List<String> keys) {
    List<String> validKeySet = new ArrayList<>();
    for (List<String> tuple : valuesList) {
      for (int i = 0; i < tuple.size() && i < keys.size(); i++) {
        if (!tuple.get(i).isEmpty() && !validKeySet.contains(keys.get(i))) {
          validKeySet.add(keys.get(i));
        }
      }
    }
    if (validKeySet.isEmpty()) {
      return new KeyValues(keys, values);
    }
    List<String> validKeys = new ArrayList<>();
    for (String k : keys) {
      if (validKeySet.contains(k)) {
        validKeys.add(k);
      }
    }
    List<String> validValues = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).isEmpty() || (i < keys.size() && validKeySet.contains(keys.get(i)))) {
        validValues.add(values.get(i));
      }
    }
    return new KeyValues(validKeys, validValues);
  }

  /** The first element whose key fields have exactly these values ({@code ElementMatcher}). */
  private static JsonNode elementList(JsonNode list, List<String> keys, List<String> values) {
    if (!(list instanceof ArrayNode a)) {
      return null;
    }
    String firstKey = keys.isEmpty() ? "" : keys.get(0);
    String firstValue = values.isEmpty() ? "" : values.get(0);
    if (firstKey.isEmpty()) {
      for (JsonNode item : a) {
        if (Trees.kyamlValue(item).equals(firstValue)) {
          return item;
        }
      }
      return null;
    }
    if (keys.size() != values.size()) {
      return null; // kyaml's ElementList swallows this configuration error
    }
    for (JsonNode item : a) {
      if (!(item instanceof ObjectNode o)) {
        continue;
      }
      boolean matches = true;
      for (int i = 0; i < keys.size(); i++) {
        JsonNode f = o.get(keys.get(i));
        if (f == null || !Trees.kyamlValue(f).equals(values.get(i))) {
          matches = false;
          break;
        }
      }
      if (matches) {
        return item;
      }
    }
    return null;
  }

  /**
   * kyaml's {@code ElementSetter}: replaces every element matching the key values with {@code
   * element}, deletes them when {@code element} is null, appends {@code element} when none matched.
   * Like kyaml it silently drops null and empty-map elements, and with no values at all it drops
   * every element it does not match.
   */
  private void elementSetter(
      ArrayNode list, JsonNode element, List<String> keysIn, List<String> values, Ptr path) {
    List<String> keys = keysIn.isEmpty() ? List.of("") : keysIn;
    boolean mappingSetter = !keys.get(0).isEmpty() && !values.isEmpty() && !values.get(0).isEmpty();
    List<JsonNode> newContent = new ArrayList<>();
    boolean matchingElementFound = false;
    for (JsonNode elem : list) {
      if (isMissingOrNull(elem) || isEmptyMap(elem)) {
        continue;
      }
      if (!(elem instanceof ObjectNode) && mappingSetter) {
        newContent.add(elem);
        continue;
      }
      JsonNode val = null;
      boolean found = true;
      for (int j = 0; j < keys.size(); j++) {
        if (j < values.size()) {
          val = fieldMatcher(elem, keys.get(j), values.get(j), path);
        }
        if (val == null) {
          found = false;
          break;
        }
      }
      if (!found) {
        if (!values.isEmpty()) {
          newContent.add(elem);
        }
        continue;
      }
      matchingElementFound = true;
      if (element == null) {
        continue;
      }
      newContent.add(element);
    }
    list.removeAll();
    for (JsonNode n : newContent) {
      list.add(n);
    }
    if (isMissingOrNull(element)) {
      return;
    }
    if (!matchingElementFound) {
      list.add(element);
    }
  }

  /** kyaml's {@code FieldMatcher{Name, StringValue}} on one list element. */
  private JsonNode fieldMatcher(JsonNode elem, String name, String stringValue, Ptr path) {
    if (isMissingOrNull(elem)) {
      return null;
    }
    if (name.isEmpty()) {
      if (NodeKind.of(elem) != NodeKind.SCALAR) {
        throw wrongKind(NodeKind.SCALAR, elem, path);
      }
      return Trees.kyamlValue(elem).equals(stringValue) ? elem : null;
    }
    if (!(elem instanceof ObjectNode o)) {
      throw wrongKind(NodeKind.MAP, elem, path);
    }
    JsonNode f = o.get(name);
    if (f == null) {
      return null;
    }
    return stringValue.isEmpty() || Trees.kyamlValue(f).equals(stringValue) ? f : null;
  }

  /** {@code walk.appendListNode}: sets each original element over the patch elements, by key. */
  private ArrayNode appendListNode(ArrayNode dst, ArrayNode src, List<String> keys, Ptr path) {
    List<JsonNode> elements = new ArrayList<>();
    src.forEach(elements::add);
    for (JsonNode elem : elements) {
      if (keys.get(0).isEmpty()) {
        elementSetter(dst, elem, List.of(""), List.of(Trees.kyamlValue(elem)), path);
        continue;
      }
      List<String> v = new ArrayList<>();
      for (String key : keys) {
        JsonNode valueNode;
        if (isMissingOrNull(elem)) {
          valueNode = null;
        } else if (elem instanceof ObjectNode o) {
          valueNode = o.get(key);
        } else {
          throw wrongKind(NodeKind.MAP, elem, path);
        }
        if (valueNode == null) {
          dst.add(elem); // no key: kyaml appends the element as it is (once per missing key)
          continue;
        }
        v.add(Trees.kyamlValue(valueNode));
      }
      if (keys.size() > 1) {
        // multi-key lists: remove what matches the original's own keys first (case 105)
        elementSetter(dst, null, keys, v, path);
      }
      elementSetter(dst, elem, keys, v, path);
    }
    return dst;
  }

  // ---------------------------------------------------------------------------------------------
  // Directives (merge2/smpdirective.go)

  private enum Directive {
    MERGE,
    REPLACE,
    DELETE,
    UNKNOWN
  }

  private Directive directiveIgnoringErrors(JsonNode patch) {
    try {
      return directive(patch, Ptr.ROOT);
    } catch (InputException e) {
      return Directive.UNKNOWN;
    }
  }

  /** Reads and removes a {@code $patch} directive from a patch map or list. */
  private Directive directive(JsonNode patch, Ptr path) {
    if (patch == null) {
      return Directive.MERGE;
    }
    if (patch instanceof ObjectNode map) {
      JsonNode v = map.get(DIRECTIVE);
      if (v == null) {
        return Directive.MERGE;
      }
      Directive d = parseDirective(Trees.kyamlValue(v), path);
      map.remove(DIRECTIVE);
      return d;
    }
    if (patch instanceof ArrayNode list) {
      ObjectNode holder = null;
      for (JsonNode e : list) {
        if (e instanceof ObjectNode o && o.has(DIRECTIVE)) {
          holder = o;
          break;
        }
      }
      // a $patch inside an element with other fields is about that element, not the list
      if (holder == null || holder.size() > 1) {
        return Directive.MERGE;
      }
      String value = Trees.kyamlValue(holder.get(DIRECTIVE));
      Directive d = parseDirective(value, path);
      elementSetter(list, null, List.of(DIRECTIVE), List.of(value), path);
      return d;
    }
    throw error(
        "no implemented strategic merge patch strategy for "
            + NodeKind.of(patch).kyamlName()
            + " at "
            + display(path),
        path);
  }

  private Directive parseDirective(String value, Ptr path) {
    switch (value) {
      case "delete":
        return Directive.DELETE;
      case "replace":
        return Directive.REPLACE;
      case "merge":
        return Directive.MERGE;
      default:
        throw error(
            "unknown patch strategy '"
                + value
                + "' at "
                + display(path)
                + ": expected delete, replace or merge",
            path);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Node helpers

  private static boolean isMissingOrNull(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode();
  }

  private static boolean isEmptyMap(JsonNode n) {
    return n instanceof ObjectNode o && o.isEmpty();
  }

  private static boolean isNilOrEmpty(JsonNode n) {
    return isMissingOrNull(n) || (n.isContainer() && n.isEmpty());
  }

  private void requireKind(NodeKind expected, JsonNode dest, JsonNode origin, Ptr path) {
    for (JsonNode n : new JsonNode[] {dest, origin}) {
      NodeKind k = NodeKind.of(n);
      if (k != NodeKind.NONE && k != expected) {
        throw wrongKind(expected, n, path);
      }
    }
  }

  private InputException wrongKind(NodeKind expected, JsonNode found, Ptr path) {
    return error(
        "wrong node kind at "
            + display(path)
            + ": expected "
            + expected.kyamlName()
            + " but got "
            + NodeKind.of(found).kyamlName(),
        path);
  }

  /** The pointer of a patch list element (its index in the patch list), or the list's own. */
  private static Ptr elementPointer(Ptr listPointer, ArrayNode origin, JsonNode originElem) {
    if (origin != null && originElem != null) {
      for (int i = 0; i < origin.size(); i++) {
        if (origin.get(i) == originElem) {
          return new Ptr(listPointer, Integer.toString(i));
        }
      }
    }
    return listPointer;
  }

  /** Where the walk is in the patch, as a JSON pointer built only when an error needs it. */
  private static final class Ptr {
    static final Ptr ROOT = new Ptr(null, null);
    private final Ptr parent;
    private final String token;

    Ptr(Ptr parent, String token) {
      this.parent = parent;
      this.token = token;
    }

    @Override
    public String toString() {
      return parent == null ? "" : parent + "/" + SourceMap.escape(token);
    }
  }

  private static String display(Ptr path) {
    return display(path.toString());
  }

  /** A JSON pointer for people: {@code spec.containers[0].image}. */
  static String display(String pointer) {
    return SourceMap.fieldPath(pointer, "the top level");
  }

  private InputException error(String message, Ptr path) {
    SourcePosition where = at;
    if (locator != null) {
      SourcePosition p = locator.apply(path.toString());
      if (p != null && p.hasFile()) {
        where = p;
      }
    }
    return new InputException(where, message);
  }
}
