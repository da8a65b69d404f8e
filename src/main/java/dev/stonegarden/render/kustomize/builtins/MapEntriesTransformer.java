package dev.stonegarden.render.kustomize.builtins;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.kustomize.config.FieldSpec;
import dev.stonegarden.render.kustomize.config.FieldWalker;
import dev.stonegarden.render.kustomize.config.FieldWalker.Create;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.resource.SharedValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code labels:}, {@code commonLabels:} and {@code commonAnnotations:} (kustomize's {@code
 * LabelTransformer} and {@code AnnotationsTransformer}, docs/kustomize.md#labels-and-annotations):
 * sets every pair, in key order, in every map the field specs reach, creating maps where a spec
 * says so.
 */
public record MapEntriesTransformer(
    String what, Map<String, String> pairs, List<FieldSpec> fieldSpecs) implements Transformer {

  public MapEntriesTransformer {
    pairs = new TreeMap<>(pairs);
    fieldSpecs = List.copyOf(fieldSpecs);
  }

  @Override
  public void transform(ResourceList resources) {
    if (pairs.isEmpty()) {
      return;
    }
    for (Resource r : resources) {
      for (Map.Entry<String, String> e : pairs.entrySet()) {
        // One value per object and key, shared by every place it is created (SharedValue).
        SharedValue created = new SharedValue(e.getValue());
        for (FieldSpec fs : fieldSpecs) {
          FieldWalker.walk(
              r,
              fs,
              Create.MAP,
              slot -> {
                if (!(slot.value() instanceof ObjectNode o)) {
                  throw new InputException(
                      r.origin(),
                      "cannot set "
                          + what
                          + " at '"
                          + fs.path()
                          + "' of "
                          + r.id()
                          + ": expected a mapping there");
                }
                set(r, o, e.getKey(), created);
              });
        }
      }
    }
  }

  /**
   * kyaml's {@code FieldSetter}: a missing key gets the shared value; an existing one is
   * overwritten in place, so a value shared with other places changes there too.
   */
  private static void set(Resource r, ObjectNode map, String key, SharedValue created) {
    JsonNode existing = map.get(key);
    if (existing == null) {
      map.set(key, created);
    } else if (existing instanceof SharedValue old) {
      if (old != created) {
        SharedValue.overwrite(r.body(), old, created);
      }
    } else {
      map.put(key, created.asString());
    }
  }
}
