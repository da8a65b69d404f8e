package dev.stonegarden.render.kustomize.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.config.TransformerConfigs;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code namespace:} over many objects does linear work (issue 9, defect 5): 5,000 ConfigMaps were
 * 11 times slower with a namespace than without, because each moved object was compared with every
 * other to find id conflicts. The work is counted, not timed: every object's metadata counts how
 * often it is read, and the reads per object stay constant as the number of objects grows.
 */
class NamespaceTransformerScalingTest {

  /** metadata that counts reads of its fields (each id computation reads name and namespace). */
  private static final class CountingMetadata extends ObjectNode {
    private static final long serialVersionUID = 1L;
    long reads;

    CountingMetadata() {
      super(JsonNodeFactory.instance);
    }

    @Override
    public JsonNode get(String name) {
      reads++;
      return super.get(name);
    }
  }

  private static List<CountingMetadata> configMaps(ResourceList list, int n, String prefix) {
    List<CountingMetadata> metadata = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("apiVersion", "v1");
      body.put("kind", "ConfigMap");
      CountingMetadata m = new CountingMetadata();
      m.put("name", prefix + i);
      body.set("metadata", m);
      metadata.add(m);
      list.add(new Resource(body, SourcePosition.of(Path.of("many.yaml")), null));
    }
    return metadata;
  }

  private static long readsPerObject(int n) {
    ResourceList list = new ResourceList();
    List<CountingMetadata> metadata = configMaps(list, n, "cm-");
    new NamespaceTransformer("prod", TransformerConfigs.builtin().namespace()).transform(list);
    long reads = 0;
    for (CountingMetadata m : metadata) {
      assertEquals("prod", m.get("namespace").stringValue());
      reads += m.reads;
    }
    return reads / n;
  }

  @Test
  void readsPerObjectDoNotGrowWithTheNumberOfObjects() {
    long small = readsPerObject(100);
    long large = readsPerObject(4_000);
    // Quadratic, the large list read each object's metadata about 40 times more often.
    assertTrue(
        large <= small + 2, "reads per object: " + small + " for 100, " + large + " for 4,000");
  }

  @Test
  void aConflictIsStillFoundAndNamesEveryObjectWithTheId() {
    ResourceList list = new ResourceList();
    configMaps(list, 3, "cm-");
    ObjectNode moved = (ObjectNode) list.get(1).body().get("metadata");
    moved.put("namespace", "other");
    ObjectNode clash = list.get(1).body().deepCopy();
    ((ObjectNode) clash.get("metadata")).put("namespace", "prod");
    list.add(new Resource(clash, SourcePosition.of(Path.of("clash.yaml")), null));
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new NamespaceTransformer("prod", TransformerConfigs.builtin().namespace())
                    .transform(list));
    assertEquals(
        "namespace transformation produces ID conflict: ConfigMap.v1.[noGrp]/cm-1.prod,"
            + " ConfigMap.v1.[noGrp]/cm-1.prod",
        e.diagnostics().get(0).message());
  }
}
