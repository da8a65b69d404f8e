package dev.stonegarden.render.kustomize.patch;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.ResId;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.resource.SharedValue;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The steps the three patch transformers share: finding targets, applying a strategic-merge patch
 * to one resource the way {@code Resource.ApplySmPatch} does, and applying JSON operations.
 */
final class PatchApplication {
  private PatchApplication() {}

  /** The resources a target selects, in list order (kustomize's {@code Select}). */
  static List<Resource> select(ResourceList resources, PatchTarget target, SourcePosition origin) {
    PatchTarget.Compiled t =
        target
            .compile()
            .orElseThrow(problems -> new InputException(origin, problems.get(0).message()));
    List<Resource> out = new ArrayList<>();
    for (Resource r : resources) {
      if (t.selects(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * The unique resource one of whose ids (previous or current) equals the patch's own id ({@code
   * resWrangler.GetById}, cases 087, 118).
   */
  static Resource uniqueById(ResourceList resources, ObjectNode patch, SourcePosition origin) {
    ResId id = idOf(patch);
    List<Resource> matches = new ArrayList<>();
    for (Resource r : resources) {
      for (ResId candidate : r.allIds()) {
        if (candidate.key().equals(id.key())) {
          matches.add(r);
          break;
        }
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw new InputException(
          origin,
          "no resource matches strategic merge patch \""
              + id
              + "\": expected a resource with this kind, name and namespace (current or earlier) but found none");
    }
    throw new InputException(
        origin,
        "multiple resources match strategic merge patch \""
            + id
            + "\": "
            + matches.size()
            + " resources have this id");
  }

  /** The id a strategic-merge patch document names (kyaml reads the raw scalar texts). */
  static ResId idOf(ObjectNode patch) {
    JsonNode meta = patch.get("metadata");
    return new ResId(
        Gvk.of(Trees.text(patch.get("apiVersion")), Trees.text(patch.get("kind"))),
        Trees.text(meta == null ? null : meta.get("name")),
        Trees.text(meta == null ? null : meta.get("namespace")));
  }

  /**
   * A targeted patch is re-stamped per resource ({@code resWrangler.ApplySmPatch}): the resource's
   * apiVersion with the patch's kind, so {@code allowKindChange} keeps the target's apiVersion
   * (case 128).
   */
  static ObjectNode restamped(ObjectNode patch, Resource r) {
    ObjectNode copy = patch.deepCopy();
    String kind = Trees.text(patch.get("kind"));
    copy.put("apiVersion", r.gvk().apiVersion());
    copy.put("kind", kind);
    return copy;
  }

  /**
   * {@code Resource.ApplySmPatch}: merges, then restores kind and name unless allowed and always
   * the namespace (case 098); a resource renamed or re-kinded remembers its id first. A top-level
   * {@code $patch: delete} removes the resource from the list (case 102).
   */
  static void applyStrategicMerge(
      ResourceList resources,
      Resource r,
      ObjectNode patch,
      PatchOptions options,
      MergeSchema schema,
      SourcePosition origin,
      Function<String, SourcePosition> locator) {
    JsonNode meta = r.body().get("metadata");
    String name = Trees.text(meta == null ? null : meta.get("name"));
    String namespace = Trees.text(meta == null ? null : meta.get("namespace"));
    String kind = Trees.text(r.body().get("kind"));
    if (options.allowNameChange() || options.allowKindChange()) {
      r.rememberId();
    }
    MergeResult result;
    // merge2 overwrites existing scalars in place: a shared label value changes everywhere.
    SharedValue.Snapshot shared = SharedValue.snapshot(r.body());
    try {
      result = StrategicMerge.merge(r.body(), patch, schema, null, origin, locator);
    } catch (InputException e) {
      var d = e.diagnostics().get(0);
      throw new InputException(d.at(), d.message() + " (patching " + r.id() + ")");
    }
    if (result.deleted()) {
      resources.remove(r);
      return;
    }
    shared.propagate();
    if (locator != null) {
      recordPatchedFields(r, patch, "", locator);
    }
    if (!options.allowKindChange()) {
      r.body().put("kind", kind);
    }
    if (!options.allowNameChange()) {
      r.metadata().put("name", name);
    }
    if (namespace.isEmpty()) {
      JsonNode m = r.body().get("metadata");
      if (m instanceof ObjectNode mo) {
        mo.remove("namespace");
      }
    } else {
      r.metadata().put("namespace", namespace);
    }
  }

  /**
   * Remembers, for each value the patch wrote, where in the patch it stands ({@code validate}'s
   * typo warnings name the patch). Only values that ended up in the result as written are recorded:
   * directives, deleted elements and list items that moved are passed over.
   */
  private static void recordPatchedFields(
      Resource r, JsonNode patch, String pointer, Function<String, SourcePosition> locator) {
    if (patch instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        if (!e.getKey().startsWith("$")) {
          recordPatchedFields(
              r, e.getValue(), pointer + "/" + SourceMap.escape(e.getKey()), locator);
        }
      }
    } else if (patch instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        recordPatchedFields(r, a.get(i), pointer + "/" + i, locator);
      }
    } else if (!pointer.isEmpty() && patch.equals(r.body().at(pointer))) {
      SourcePosition at = locator.apply(pointer);
      if (at != null && at.line() > 0) {
        r.recordPatchedField(pointer, at);
      }
    }
  }

  /** kustomize re-adds every resource after a targeted merge and rejects duplicate ids then. */
  static void requireUniqueIds(ResourceList resources, SourcePosition origin) {
    Resource r = resources.firstRepeatedId();
    if (r != null) {
      throw new InputException(
          origin,
          "may not add resource with an already registered id: "
              + r.id()
              + ": the patch renamed a resource onto another one");
    }
  }

  /** Applies JSON operations to one resource; the result must still be an object. */
  static void applyJson(
      Resource r, ArrayNode ops, SourcePosition origin, Function<String, SourcePosition> locator) {
    JsonNode result;
    try {
      result = JsonPatch.apply(r.body(), ops, origin, locator);
    } catch (InputException e) {
      var d = e.diagnostics().get(0);
      throw new InputException(d.at(), d.message() + " (patching " + r.id() + ")");
    }
    if (!(result instanceof ObjectNode o)) {
      throw new InputException(
          origin,
          "the JSON patch replaced "
              + r.id()
              + " with "
              + Trees.shapeOf(result)
              + ": expected the result to be an object");
    }
    // kustomize applies JSON operations to the object's JSON and reads it back: nothing stays
    // shared.
    SharedValue.unshare(o);
    r.setBody(o);
    r.setThroughJson();
    asFloat64(o);
  }

  private static final BigInteger FLOAT64_EXACT = BigInteger.ONE.shiftLeft(53);

  /**
   * kustomize applies the operations to the object's JSON and reads the result back with Go's
   * {@code encoding/json}: every number becomes a float64, so an integer beyond 2^53 loses its last
   * digits ({@code 9223372036854775807} prints {@code 9223372036854776000};
   * docs/kustomize.md#json-6902-patches). Smaller integers print the same either way.
   */
  private static void asFloat64(JsonNode n) {
    if (n instanceof ObjectNode obj) {
      for (String name : new ArrayList<>(obj.propertyNames())) {
        JsonNode v = obj.get(name);
        if (beyondFloat64(v)) {
          obj.put(name, v.doubleValue());
        } else {
          asFloat64(v);
        }
      }
    } else if (n instanceof ArrayNode arr) {
      for (int i = 0; i < arr.size(); i++) {
        if (beyondFloat64(arr.get(i))) {
          arr.set(i, arr.numberNode(arr.get(i).doubleValue()));
        } else {
          asFloat64(arr.get(i));
        }
      }
    }
  }

  private static boolean beyondFloat64(JsonNode v) {
    return v.isIntegralNumber() && v.bigIntegerValue().abs().compareTo(FLOAT64_EXACT) > 0;
  }
}
