package dev.stonegarden.render.diff;

import dev.stonegarden.render.resource.ResourceOrder;
import dev.stonegarden.render.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Compares the objects of two renders of one environment: matched by group, kind, namespace and
 * name; an object whose name changed only in its kustomize hash suffix (a generated ConfigMap or
 * Secret whose data changed) is matched to its old self and shown as changed; Secret {@code data}
 * and {@code stringData} values are masked before anything is printed. Changes come in the one
 * resource order ({@link ResourceOrder}), by the head side's identity.
 */
final class ObjectDiffer {
  static final String HIDDEN = "<hidden>";
  static final String HIDDEN_CHANGED = "<hidden, changed>";
  static final String HASH = "<hash>";

  private ObjectDiffer() {}

  /**
   * The differences between {@code base} and {@code head} (documents this method may change).
   *
   * @param normalizeHashes whether references to a renamed hashed object are written {@code
   *     name-<hash>} on both sides (environment diffs: the object itself shows the change)
   */
  static List<ObjectChange> compare(
      List<JsonNode> base, List<JsonNode> head, boolean normalizeHashes) {
    return compare(base, head, ObjectKey::of, ObjectKey::of, normalizeHashes);
  }

  /**
   * As {@link #compare(List, List, boolean)}, matching objects by the keys {@code baseKey} and
   * {@code headKey} give them (two environments: their namespaces stand for one another); changes
   * are named by the objects' own keys.
   */
  static List<ObjectChange> compare(
      List<JsonNode> base,
      List<JsonNode> head,
      Function<JsonNode, ObjectKey> baseKey,
      Function<JsonNode, ObjectKey> headKey,
      boolean normalizeHashes) {
    Map<ObjectKey.Identity, JsonNode> baseById = new LinkedHashMap<>();
    Map<ObjectKey.Identity, ObjectKey> baseKeys = new HashMap<>();
    for (JsonNode d : base) {
      ObjectKey k = baseKey.apply(d);
      baseById.put(k.identity(), d);
      baseKeys.put(k.identity(), k);
    }
    record Pair(ObjectKey before, JsonNode b, ObjectKey after, JsonNode h) {}
    List<Pair> pairs = new ArrayList<>();
    List<ObjectKey> unmatchedHead = new ArrayList<>();
    Map<ObjectKey, JsonNode> headDocs = new HashMap<>();
    for (JsonNode d : head) {
      ObjectKey k = headKey.apply(d);
      headDocs.put(k, d);
      JsonNode b = baseById.remove(k.identity());
      if (b != null) {
        pairs.add(new Pair(baseKeys.get(k.identity()), b, k, d));
      } else {
        unmatchedHead.add(k);
      }
    }
    // Second pass: the same object under another hash suffix, when that match is unambiguous.
    Map<ObjectKey.Identity, List<ObjectKey.Identity>> baseByStem = new HashMap<>();
    for (ObjectKey.Identity id : baseById.keySet()) {
      ObjectKey.Identity stem = baseKeys.get(id).identityWithoutHash();
      if (stem != null) {
        baseByStem.computeIfAbsent(stem, s -> new ArrayList<>()).add(id);
      }
    }
    Map<ObjectKey.Identity, Integer> headStems = new HashMap<>();
    unmatchedHead.forEach(
        k -> {
          if (k.identityWithoutHash() != null) {
            headStems.merge(k.identityWithoutHash(), 1, Integer::sum);
          }
        });
    Map<String, String> renamed = new LinkedHashMap<>();
    List<ObjectKey> added = new ArrayList<>();
    for (ObjectKey k : unmatchedHead) {
      ObjectKey.Identity stem = k.identityWithoutHash();
      List<ObjectKey.Identity> candidates = stem == null ? null : baseByStem.get(stem);
      if (candidates != null && candidates.size() == 1 && headStems.get(stem) == 1) {
        ObjectKey.Identity id = candidates.get(0);
        ObjectKey before = baseKeys.get(id);
        pairs.add(new Pair(before, baseById.remove(id), k, headDocs.get(k)));
        renamed.put(before.name(), stemName(before.name()));
        renamed.put(k.name(), stemName(k.name()));
      } else {
        added.add(k);
      }
    }
    if (normalizeHashes && !renamed.isEmpty()) {
      base.forEach(d -> replaceStrings(d, renamed));
      head.forEach(d -> replaceStrings(d, renamed));
    }

    List<ObjectChange> changes = new ArrayList<>();
    for (Pair p : pairs) {
      JsonNode b = p.b();
      JsonNode h = p.h();
      if (p.after().isSecret()) {
        maskPair(b, h);
      }
      List<String> before = lines(b);
      List<String> after = lines(h);
      if (!before.equals(after) || !p.before().name().equals(p.after().name())) {
        String hunks = UnifiedDiff.hunks(before, after);
        changes.add(
            new ObjectChange(
                ObjectChange.Change.CHANGED, ObjectKey.of(b), ObjectKey.of(h), hunks, p.after()));
      }
    }
    for (ObjectKey k : added) {
      JsonNode h = headDocs.get(k);
      if (k.isSecret()) {
        maskPair(null, h);
      }
      changes.add(
          new ObjectChange(
              ObjectChange.Change.ADDED,
              null,
              ObjectKey.of(h),
              UnifiedDiff.whole(lines(h), '+'),
              k));
    }
    for (Map.Entry<ObjectKey.Identity, JsonNode> removed : baseById.entrySet()) {
      ObjectKey k = baseKeys.get(removed.getKey());
      if (k.isSecret()) {
        maskPair(removed.getValue(), null);
      }
      changes.add(
          new ObjectChange(
              ObjectChange.Change.REMOVED,
              ObjectKey.of(removed.getValue()),
              null,
              UnifiedDiff.whole(lines(removed.getValue()), '-'),
              k));
    }
    ResourceOrder order =
        new ResourceOrder(ResourceOrder.DEFAULT_ORDER_FIRST, ResourceOrder.DEFAULT_ORDER_LAST);
    changes.sort(Comparator.comparing((ObjectChange c) -> c.orderKey().resId(), order::compareIds));
    return changes;
  }

  /**
   * Secret values are never printed: each {@code data}/{@code stringData} value becomes {@value
   * #HIDDEN}, or {@value #HIDDEN_CHANGED} on the head side when it differs from the base side's.
   */
  static void maskPair(JsonNode base, JsonNode head) {
    for (String field : List.of("data", "stringData")) {
      JsonNode b = base == null ? null : base.get(field);
      JsonNode h = head == null ? null : head.get(field);
      if (h instanceof ObjectNode ho) {
        for (Map.Entry<String, JsonNode> e : ho.properties()) {
          JsonNode old = b instanceof ObjectNode bo ? bo.get(e.getKey()) : null;
          boolean same = old == null || old.equals(e.getValue());
          e.setValue(StringNode.valueOf(same ? HIDDEN : HIDDEN_CHANGED));
        }
      }
      if (b instanceof ObjectNode bo) {
        for (Map.Entry<String, JsonNode> e : bo.properties()) {
          e.setValue(StringNode.valueOf(HIDDEN));
        }
      }
    }
  }

  private static String stemName(String hashed) {
    return hashed.substring(0, hashed.length() - 10) + HASH;
  }

  private static void replaceStrings(JsonNode node, Map<String, String> names) {
    if (node instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        JsonNode v = e.getValue();
        if (v.isString() && names.containsKey(v.asString())) {
          e.setValue(StringNode.valueOf(names.get(v.asString())));
        } else {
          replaceStrings(v, names);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode v = a.get(i);
        if (v.isString() && names.containsKey(v.asString())) {
          a.set(i, StringNode.valueOf(names.get(v.asString())));
        } else {
          replaceStrings(v, names);
        }
      }
    }
  }

  static List<String> lines(JsonNode doc) {
    // the rendered side was written once already: a refusal here is a bug
    return YamlWriter.write(doc, new StringBuilder()).value().toString().lines().toList();
  }
}
