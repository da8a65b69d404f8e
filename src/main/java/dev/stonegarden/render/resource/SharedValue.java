package dev.stonegarden.render.resource;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A label or annotation value that a labels or annotations step created at several places of one
 * object at once, and that stays one value (docs/kustomize.md#labels-and-annotations).
 *
 * <p>kustomize creates one YAML node per object and key and puts that same node everywhere the key
 * was missing (metadata, selector, pod template). A later step that overwrites the value in place
 * at one of those places (another labels entry, a strategic-merge patch, a replacement) changes it
 * everywhere it was created together; a JSON 6902 patch re-reads the object and ends the sharing.
 * One instance of this class in several places of a tree is that sharing: the places holding the
 * same instance (identity, never {@code equals}) are one value.
 */
public final class SharedValue extends StringNode {
  private static final long serialVersionUID = 1L;

  public SharedValue(String value) {
    super(value);
  }

  /**
   * Puts {@code value} in place of every occurrence of the instance {@code old} in {@code root}: an
   * in-place overwrite of a shared value. The new value is shared again when it is a string.
   */
  public static void overwrite(JsonNode root, SharedValue old, JsonNode value) {
    JsonNode replacement = value.isString() ? new SharedValue(value.asString()) : value;
    swap(root, n -> n == old ? replacement : null);
  }

  /** Ends every sharing in {@code root} (the object was re-read from its JSON). */
  public static void unshare(JsonNode root) {
    swap(root, n -> n instanceof SharedValue s ? StringNode.valueOf(s.asString()) : null);
  }

  /**
   * The shared values of a tree before a step that overwrites values in place one at a time
   * (strategic merge, replacements): where each stood, so that {@link #propagate} can carry an
   * overwrite of one place to the others.
   */
  public static Snapshot snapshot(JsonNode root) {
    Snapshot s = new Snapshot();
    s.collect(root);
    return s;
  }

  /** The places of the shared values of a tree, by value instance. */
  public static final class Snapshot {
    private record Place(ObjectNode parent, String key) {}

    private final Map<SharedValue, List<Place>> places = new IdentityHashMap<>();

    private void collect(JsonNode n) {
      if (n instanceof ObjectNode o) {
        for (Map.Entry<String, JsonNode> e : o.properties()) {
          if (e.getValue() instanceof SharedValue s) {
            places.computeIfAbsent(s, k -> new ArrayList<>()).add(new Place(o, e.getKey()));
          } else {
            collect(e.getValue());
          }
        }
      } else if (n instanceof ArrayNode a) {
        for (JsonNode item : a) {
          collect(item);
        }
      }
    }

    /**
     * After the step: a shared value that the step overwrote at one of its places (the place still
     * holds a value, another one) takes that value at every place that still holds it.
     */
    public void propagate() {
      for (Map.Entry<SharedValue, List<Place>> e : places.entrySet()) {
        SharedValue old = e.getKey();
        JsonNode written = null;
        for (Place p : e.getValue()) {
          JsonNode now = p.parent().get(p.key());
          if (now != null
              && now != old
              && !(now instanceof ObjectNode || now instanceof ArrayNode)) {
            written = now;
          }
        }
        if (written == null) {
          continue;
        }
        JsonNode replacement = written.isString() ? new SharedValue(written.asString()) : written;
        for (Place p : e.getValue()) {
          JsonNode now = p.parent().get(p.key());
          if (now == old || now == written) {
            p.parent().set(p.key(), replacement);
          }
        }
      }
    }
  }

  /**
   * Walks {@code n}: a value for which {@code swap} gives a node is replaced by it (and not walked
   * into); for null the walk goes on inside the value.
   */
  private static void swap(JsonNode n, UnaryOperator<JsonNode> swap) {
    if (n instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        JsonNode with = swap.apply(e.getValue());
        if (with != null) {
          o.set(e.getKey(), with);
        } else {
          swap(e.getValue(), swap);
        }
      }
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode with = swap.apply(a.get(i));
        if (with != null) {
          a.set(i, with);
        } else {
          swap(a.get(i), swap);
        }
      }
    }
  }
}
