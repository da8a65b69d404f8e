package dev.stonegarden.render.kustomize.builtins;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.config.FieldSpec;
import dev.stonegarden.render.kustomize.config.FieldWalker;
import dev.stonegarden.render.kustomize.config.FieldWalker.Create;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.LongNode;

/**
 * One {@code replicas:} entry (kustomize's {@code ReplicaCountTransformer},
 * docs/kustomize.md#replicas): objects whose current or any previous name matches and whose any id
 * has a replicas-spec kind get {@code spec.replicas}; an entry that matches nothing is an error.
 */
public record ReplicaCountTransformer(
    String name, long count, List<FieldSpec> fieldSpecs, SourcePosition at) implements Transformer {

  public ReplicaCountTransformer {
    fieldSpecs = List.copyOf(fieldSpecs);
  }

  @Override
  public void transform(ResourceList resources) {
    boolean found = false;
    for (FieldSpec fs : fieldSpecs) {
      List<Resource> matched =
          Ids.byAnyId(
              resources, id -> id.name().equals(name) && Ids.selects(fs.selector(), id.gvk()));
      if (!matched.isEmpty()) {
        found = true;
        for (Resource r : matched) {
          FieldWalker.walk(r, fs, Create.SCALAR, slot -> slot.set(LongNode.valueOf(count)));
        }
      }
    }
    if (!found) {
      List<String> gvks = new ArrayList<>();
      for (FieldSpec fs : fieldSpecs) {
        gvks.add(fs.selector().toString());
      }
      throw new InputException(
          at,
          "resource with name "
              + name
              + " does not match a config with the following GVK ["
              + String.join(" ", gvks)
              + "]");
    }
  }
}
