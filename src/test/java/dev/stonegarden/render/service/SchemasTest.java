package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The shape of the shipped schemas: identity, a description on every property, closed objects. */
class SchemasTest {
  @ParameterizedTest
  @EnumSource(Schemas.class)
  void identity(Schemas s) {
    assertEquals(
        "https://json-schema.org/draft/2020-12/schema", s.tree().get("$schema").stringValue());
    assertEquals(
        "https://platform.stonegarden.dev/schemas/" + s.kind() + "-v1alpha1.json",
        s.tree().get("$id").stringValue());
    assertEquals(s.id(), s.tree().get("$id").stringValue());
    assertTrue(s.text().endsWith("}\n"), "the file ends with a newline");
  }

  @ParameterizedTest
  @EnumSource(Schemas.class)
  void everyPropertyHasADescription(Schemas s) {
    List<String> missing = new ArrayList<>();
    walk(s.tree(), "", missing);
    assertEquals(List.of(), missing, "properties without a description");
  }

  /**
   * Every value of a {@code properties} or {@code $defs} map, and every {@code
   * additionalProperties} object that has properties.
   */
  private static void walk(JsonNode node, String pointer, List<String> missing) {
    if (node == null || !node.isObject()) {
      if (node != null && node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          walk(node.get(i), pointer + "/" + i, missing);
        }
      }
      return;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String p = pointer + "/" + e.getKey();
      if ((e.getKey().equals("properties") || e.getKey().equals("$defs"))
          && e.getValue().isObject()) {
        for (Map.Entry<String, JsonNode> prop : e.getValue().properties()) {
          if (!prop.getValue().has("description")) {
            missing.add(p + "/" + prop.getKey());
          }
          walk(prop.getValue(), p + "/" + prop.getKey(), missing);
        }
      } else {
        walk(e.getValue(), p, missing);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Schemas.class)
  void objectsWithPropertiesAreClosed(Schemas s) {
    List<String> open = new ArrayList<>();
    closed(s.tree(), "", open);
    // owner is open on purpose: teams add their own keys (a warning, docs/service-yaml.md).
    assertEquals(
        s == Schemas.SERVICE ? List.of("/properties/spec/properties/owner") : List.of(), open);
  }

  private static void closed(JsonNode node, String pointer, List<String> open) {
    if (node == null || !(node.isObject() || node.isArray())) {
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        closed(node.get(i), pointer + "/" + i, open);
      }
      return;
    }
    // Subschemas under allOf/if/then/else restate keys of their object; only the object itself must
    // be closed.
    boolean restatement = pointer.contains("/allOf/");
    if (!restatement && node.has("properties") && !node.path("additionalProperties").isBoolean()) {
      open.add(pointer);
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      closed(e.getValue(), pointer + "/" + e.getKey(), open);
    }
  }

  @ParameterizedTest
  @EnumSource(Schemas.class)
  void validAgainstTheDraft202012MetaSchema(Schemas s) {
    // networknt carries the 2020-12 meta-schemas itself: nothing is fetched.
    com.networknt.schema.Schema meta =
        com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                com.networknt.schema.SchemaLocation.of(
                    "https://json-schema.org/draft/2020-12/schema"));
    assertEquals(List.of(), meta.validate(s.tree()));
    // ...and the meta-schema does reject a broken schema, so the line above can fail.
    assertTrue(!meta.validate(TestYaml.json("{\"type\": 5, \"properties\": []}")).isEmpty());
  }

  @Test
  void byKind() {
    assertEquals(Schemas.VALUES, Schemas.byKind("values"));
    assertEquals(null, Schemas.byKind("Service"));
  }
}
