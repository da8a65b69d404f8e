package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.builtins.Ids;
import dev.stonegarden.render.kustomize.builtins.VarTransformer.Var;
import dev.stonegarden.render.kustomize.config.TransformerConfig;
import dev.stonegarden.render.resource.ResId;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a kustomization level has built so far (kustomize's {@code ResAccumulator}): the resources
 * in accumulation order, the transformer configuration inherited from the bases, and the vars.
 */
final class Accumulator {
  private final ResourceList resources = new ResourceList();
  private TransformerConfig config = TransformerConfig.empty();
  private final Map<String, Var> vars = new LinkedHashMap<>();

  ResourceList resources() {
    return resources;
  }

  TransformerConfig config() {
    return config;
  }

  List<Var> vars() {
    return List.copyOf(vars.values());
  }

  /**
   * Appends, failing on an id that is already there (case 014, 035). The ids present are collected
   * once per call, so appending n resources to m is O(n + m), not O(n * m): a file of thousands of
   * objects must not take seconds.
   */
  void appendAll(List<Resource> rs, SourcePosition at) {
    // Only looked up, never iterated: a HashSet cannot change any order here.
    Set<ResId.Key> present = new HashSet<>();
    for (Resource existing : resources) {
      present.add(existing.id().key());
    }
    for (Resource r : rs) {
      ResId id = r.id();
      if (!present.add(id.key())) {
        throw new InputException(at, "may not add resource with an already registered id: " + id);
      }
      resources.add(r);
    }
  }

  void mergeConfig(TransformerConfig other, SourcePosition at) {
    config = config.merge(other, at);
  }

  /**
   * Adds the resources, configuration and vars a base built on its own (kustomize's {@code
   * MergeAccumulator}).
   */
  void mergeAccumulator(Accumulator other, SourcePosition at) {
    appendAll(other.resources.asList(), at);
    mergeConfig(other.config, at);
    for (Var v : other.vars.values()) {
      addVar(v);
    }
  }

  /**
   * kustomize's {@code MergeVars}: remembers which object each var reads, then adds it (names must
   * be new).
   */
  void mergeVars(List<Var> incoming) {
    for (Var v : incoming) {
      ResId target = new ResId(v.objGvk(), v.objName(), v.objNamespace());
      boolean exact =
          !v.objNamespace().isEmpty()
              || dev.stonegarden.render.resource.Scope.isClusterScoped(v.objGvk());
      List<Resource> matched =
          Ids.byAnyId(
              resources, id -> exact ? target.key().equals(id.key()) : target.sameGvkAndName(id));
      if (matched.size() > 1) {
        throw new InputException(
            v.at(),
            "found "
                + matched.size()
                + " resId matches for var "
                + v.name()
                + " (unable to disambiguate)");
      }
      if (matched.size() == 1) {
        matched.get(0).addRefVarName(v.name());
      }
      addVar(v);
    }
  }

  private void addVar(Var v) {
    if (vars.containsKey(v.name())) {
      throw new InputException(v.at(), "var '" + v.name() + "' already encountered");
    }
    vars.put(v.name(), v);
  }

  /**
   * Adds generator output (kustomize's {@code appendReplaceOrMerge},
   * docs/kustomize.md#generator-behavior): a new id is appended; an existing one is merged into or
   * replaced in place, if the behavior says so.
   */
  void absorb(Resource generated, SourcePosition at) {
    ResId id = generated.id();
    List<Resource> matches = Ids.byAnyId(resources, other -> id.key().equals(other.key()));
    String behavior = generated.behavior();
    if (matches.isEmpty()) {
      if (behavior.equals("merge") || behavior.equals("replace")) {
        throw new InputException(at, "id " + id + " does not exist; cannot merge or replace");
      }
      appendAll(List.of(generated), at);
      return;
    }
    if (matches.size() > 1) {
      throw new InputException(
          at, "found multiple objects " + matches + " that could accept merge of " + id);
    }
    Resource old = matches.get(0);
    if (!behavior.equals("merge") && !behavior.equals("replace")) {
      throw new InputException(at, "id " + id + " exists; behavior must be merge or replace");
    }
    copyMergeMetadata(generated, old);
    if (behavior.equals("merge")) {
      mergeMap(generated, old, "data");
      mergeMap(generated, old, "binaryData");
    }
    resources.replace(old, generated);
  }

  // kustomize's CopyMergeMetaDataFieldsFrom: labels and annotations merged (new wins), name and
  // namespace and all bookkeeping from the old object; hashed only if both want a hash.
  private static void copyMergeMetadata(Resource r, Resource old) {
    // kyaml's GetLabels/SetLabels round trip: every value becomes a string with its source text.
    for (String field : List.of("labels", "annotations")) {
      Map<String, String> merged = new LinkedHashMap<>();
      merged.putAll(texts(old, "/metadata/" + field, old.metadata().get(field)));
      merged.putAll(texts(r, "/metadata/" + field, r.metadata().get(field)));
      if (merged.isEmpty()) {
        r.metadata().remove(field);
      } else {
        ObjectNode m = r.metadata().putObject(field);
        merged.forEach(m::put);
      }
    }
    r.setName(old.name());
    if (old.namespace().isEmpty()) {
      r.metadata().remove("namespace");
    } else {
      r.setNamespace(old.namespace());
    }
    r.setNeedsHashSuffix(r.needsHashSuffix() && old.needsHashSuffix());
    r.setBehavior(old.behavior());
    r.takeHistoryOf(old);
    r.setGenerated(r.generated() || old.generated());
  }

  // kustomize's MergeDataMapFrom: GetDataMap of both (strings, source text), the new keys winning.
  private static void mergeMap(Resource into, Resource old, String field) {
    JsonNode o = old.body().get(field);
    if (!(o instanceof ObjectNode oo) || oo.isEmpty()) {
      return;
    }
    Map<String, String> merged = new LinkedHashMap<>(texts(old, "/" + field, oo));
    merged.putAll(texts(into, "/" + field, into.body().get(field)));
    ObjectNode m = into.body().putObject(field);
    merged.forEach(m::put);
  }

  private static Map<String, String> texts(Resource owner, String pointer, JsonNode map) {
    Map<String, String> out = new LinkedHashMap<>();
    if (map instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        out.put(
            e.getKey(),
            RawScalars.text(
                owner,
                pointer + "/" + dev.stonegarden.render.yaml.SourceMap.escape(e.getKey()),
                e.getValue()));
      }
    }
    return out;
  }
}
