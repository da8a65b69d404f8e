package dev.stonegarden.render.kustomize.builtins;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.kustomize.config.FieldSpec;
import dev.stonegarden.render.kustomize.config.FieldWalker;
import dev.stonegarden.render.kustomize.config.FieldWalker.Create;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.ResId;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.resource.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * {@code namespace:} (kustomize's {@code NamespaceTransformer}, docs/kustomize.md#namespace): sets
 * {@code metadata.namespace} of every namespaced object, renames {@code v1 Namespace} objects, sets
 * the namespace of RBAC subjects named {@code default}, and fails if two objects end up with one
 * id.
 */
public record NamespaceTransformer(String namespace, List<FieldSpec> fieldSpecs)
    implements Transformer {

  public NamespaceTransformer {
    fieldSpecs = List.copyOf(fieldSpecs);
  }

  @Override
  public void transform(ResourceList resources) {
    if (namespace.isEmpty()) {
      return;
    }
    // kustomize checks after each object that no other object has its new id, objects not yet moved
    // keeping their old ids. A count per id answers that check in constant time: comparing every
    // object with every other made 5,000 objects 11 times slower than without namespace:.
    Map<ResId.Key, Integer> ids = new HashMap<>(); // lookup only
    for (Resource r : resources) {
      ids.merge(r.id().key(), 1, Integer::sum);
    }
    for (Resource r : resources.asList().toArray(new Resource[0])) {
      ids.merge(r.id().key(), -1, Integer::sum);
      r.rememberId();
      String apiVersion = r.apiVersion();
      String kind = r.kind();
      boolean roleBinding = kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding");
      List<FieldSpec> specs = new ArrayList<>();
      for (FieldSpec fs : fieldSpecs) {
        if (fs.path().equals("metadata/namespace")) {
          continue;
        }
        // Only a core v1 Namespace is renamed by the metadata/name spec.
        if (!apiVersion.equals("v1") && fs.path().equals("metadata/name")) {
          continue;
        }
        if (roleBinding
            && (fs.selector().kind().equals("RoleBinding")
                || fs.selector().kind().equals("ClusterRoleBinding"))
            && fs.path().equals("subjects/namespace")) {
          continue;
        }
        specs.add(fs);
      }
      if (!Scope.isClusterScoped(r.gvk())) {
        r.metadata().put("namespace", namespace);
      }
      if (roleBinding) {
        setDefaultSubjects(r.body());
      }
      for (FieldSpec fs : specs) {
        FieldWalker.walk(r, fs, Create.SCALAR, slot -> slot.set(StringNode.valueOf(namespace)));
      }
      if (ids.merge(r.id().key(), 1, Integer::sum) != 1) {
        List<Resource> same = Ids.byCurrentId(resources, id -> id.key().equals(r.id().key()));
        throw new InputException(
            r.origin(),
            "namespace transformation produces ID conflict: "
                + same.stream().map(x -> x.id().toString()).collect(Collectors.joining(", ")));
      }
    }
  }

  // Every subject named "default" gets the namespace, whatever its kind and old namespace (case
  // 031).
  private void setDefaultSubjects(ObjectNode body) {
    JsonNode subjects = body.get("subjects");
    if (subjects == null || !subjects.isArray()) {
      return;
    }
    for (JsonNode s : subjects) {
      if (s instanceof ObjectNode o
          && o.get("name") != null
          && o.get("name").isString()
          && o.get("name").stringValue().equals("default")) {
        o.put("namespace", namespace);
      }
    }
  }
}
