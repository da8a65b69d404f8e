package dev.stonegarden.render.kustomize.config;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problem;
import dev.stonegarden.render.resource.Resource;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Walks one {@link FieldSpec} path through an object and hands every field it reaches to a setter
 * (kustomize's {@code fieldspec.Filter}): lists on the way are walked element by element whether or
 * not the path says {@code []}; missing or null maps are created only when the spec says {@code
 * create} and the caller says what kind of node to create.
 */
public final class FieldWalker {

  /** What a missing last field is created as, if the spec allows creation. */
  public enum Create {
    /** Never create (images, name references). */
    NONE,
    /** A scalar: namespace, prefix, replicas. */
    SCALAR,
    /** A map: labels, annotations. */
    MAP
  }

  /** A place in the tree: a field of a map or an element of a list, with its current value. */
  public record Slot(JsonNode parent, String field, int index, JsonNode value) {
    /** The value at this place now (a step may have replaced it since the walk). */
    public JsonNode current() {
      if (parent instanceof ObjectNode o) {
        return o.get(field);
      }
      if (parent instanceof ArrayNode a) {
        return a.get(index);
      }
      return value;
    }

    /** Replaces the value at this place. */
    public void set(JsonNode v) {
      if (parent instanceof ObjectNode o) {
        o.set(field, v);
      } else if (parent instanceof ArrayNode a) {
        a.set(index, v);
      }
    }
  }

  /** Receives each field the path reaches. */
  @FunctionalInterface
  public interface Setter {
    void set(Slot slot);
  }

  private FieldWalker() {}

  /**
   * Applies {@code setter} to every field {@code spec} reaches in {@code r}, if its kind is
   * selected.
   */
  public static void walk(Resource r, FieldSpec spec, Create create, Setter setter) {
    if (!spec.selects(r.gvk())) {
      return;
    }
    Checked<ObjectNode> walked = walk(r.body(), spec, create, setter);
    if (!walked.ok()) {
      throw new InputException(
          r.origin(),
          "considering field '"
              + spec.path()
              + "' of object "
              + r.id()
              + ": "
              + walked.problem().message());
    }
  }

  /**
   * Applies {@code setter} without the kind check (the caller already selected the object): {@code
   * body}, or the problem that stopped the walk (a {@link Problem.InValue}: the caller who knows
   * the object turns it into a diagnostic, thrown out of the recursion as a {@link
   * Checked.Escape}). The setter has been applied to the fields reached before.
   */
  public static Checked<ObjectNode> walk(
      ObjectNode body, FieldSpec spec, Create create, Setter setter) {
    List<String> path = spec.segments();
    return Checked.of(
        () -> {
          visit(new Slot(null, null, -1, body), path, 0, spec, create, setter);
          return body;
        });
  }

  private static void visit(
      Slot slot, List<String> path, int i, FieldSpec spec, Create create, Setter setter) {
    JsonNode node = slot.value();
    if (i == path.size()) {
      setter.set(slot);
      return;
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node instanceof ArrayNode a) {
      for (int k = 0; k < a.size(); k++) {
        visit(new Slot(a, null, k, a.get(k)), path, i, spec, create, setter);
      }
      return;
    }
    if (!(node instanceof ObjectNode o)) {
      throw new Checked.Escape(new Problem.InValue("expected sequence or mapping node"));
    }
    String seg = path.get(i);
    boolean isSeq = seg.endsWith("[]");
    String name = isSeq ? seg.substring(0, seg.length() - 2) : seg;
    if (name.isEmpty()) {
      throw new Checked.Escape(new Problem.InValue("cannot set or create an empty field name"));
    }
    JsonNode field = o.get(name);
    boolean creating = spec.create() && create != Create.NONE && !isSeq;
    if (creating) {
      boolean last = i == path.size() - 1;
      if (field == null || field.isNull()) {
        if (!last || create == Create.MAP) {
          field = JsonNodeFactory.instance.objectNode();
          o.set(name, field);
        } else if (field == null) {
          field = StringNode.valueOf("");
          o.set(name, field);
        }
      }
    }
    if (field == null) {
      return;
    }
    visit(new Slot(o, name, -1, field), path, i + 1, spec, create, setter);
  }
}
