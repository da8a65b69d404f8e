package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The one rule for a value's text, and the callers' explicit variants (see {@link Trees}). */
class TreesTest {
  private static final JsonNode DOC =
      JsonTrees.SCHEMA.read(
          """
          {"s": "x", "empty": "", "i": 8080, "f": 1.5, "b": true, "n": null,
           "m": {"k": 1}, "l": ["a", 2, null, {"x": 1}]}
          """);

  /** Field, then what {@code text}, {@code textOr(.., "d")} and {@code string} give for it. */
  private static final List<List<String>> FIELDS =
      List.of(
          List.of("s", "x", "x", "x"),
          List.of("empty", "", "", ""),
          List.of("i", "8080", "8080", ""),
          List.of("f", "1.5", "1.5", ""),
          List.of("b", "true", "true", ""),
          List.of("n", "", "d", ""),
          List.of("absent", "", "d", ""),
          List.of("m", "", "", ""),
          List.of("l", "", "", ""));

  @Test
  void oneRuleForTextAndTheVariantsCallersName() {
    for (List<String> row : FIELDS) {
      String field = row.get(0);
      assertEquals(row.get(1), Trees.text(DOC, field), "text " + field);
      assertEquals(row.get(2), Trees.textOr(DOC.get(field), "d"), "textOr " + field);
      assertEquals(row.get(3), Trees.string(DOC, field), "string " + field);
    }
    for (String field : DOC.propertyNames()) {
      // Jackson's asString("") follows the same rule: the reads written with it became text.
      assertEquals(DOC.get(field).asString(""), Trees.text(DOC.get(field)), "asString " + field);
    }
    assertEquals("", Trees.text(DOC.path("absent")));
    assertEquals("d", Trees.textOr(DOC.path("absent"), "d"));
    assertNull(Trees.textOr(DOC.get("absent"), null));
    assertEquals("", Trees.text(null, "s"));
    assertEquals("", Trees.string(null, "s"));
  }

  @Test
  void listsAndMapsTakeEachValuesText() {
    assertEquals(List.of("a", "2", "", ""), Trees.strings(DOC, "l"));
    assertEquals(List.of(), Trees.strings(DOC, "m"));
    assertEquals(List.of(), Trees.strings(null, "l"));
    assertEquals(Map.of("k", "1"), Trees.stringMap(DOC.get("m")));
    assertEquals(Map.of(), Trees.stringMap(DOC.get("l")));
  }

  @Test
  void wordsForAValue() {
    assertEquals("an integer", Trees.kindOf(DOC.get("i")));
    assertEquals("a number", Trees.kindOf(DOC.get("f")));
    assertEquals("nothing", Trees.kindOf(null));
    assertEquals("\"x\"", Trees.describe(DOC.get("s")));
    assertEquals("8080", Trees.describe(DOC.get("i")));
    assertEquals("a scalar", Trees.shapeOf(DOC.get("b")));
    assertEquals("a scalar", Trees.shapeOf(DOC.path("absent")));
    assertEquals("a map", Trees.shapeOf(DOC.get("m")));
  }

  @Test
  void theOtherVariantsOfText() {
    assertEquals("null", Trees.kyamlValue(DOC.get("n")));
    assertEquals("", Trees.kyamlValue(DOC.get("absent")));
    assertEquals("8080", Trees.kyamlValue(DOC.get("i")));
    assertEquals("", Trees.kyamlValue(DOC.get("m")));
    assertEquals("x", Trees.jsonText(DOC.get("s")));
    assertEquals("null", Trees.jsonText(DOC.get("n")));
    assertEquals("{\"k\":1}", Trees.jsonText(DOC.get("m")));
    assertEquals("", Trees.jsonText(DOC.get("absent")));
  }

  /** Each tool's words for the same values: the map, the list, a number, a string, null. */
  @Test
  void eachVocabularyNamesTheSameValues() {
    List<String> fields = List.of("m", "l", "i", "s", "n");
    assertEquals(
        List.of("a mapping", "a list", "the scalar '8080'", "the scalar 'x'", "the scalar ''"),
        fields.stream().map(f -> Trees.kustomizeDescribe(DOC.get(f))).toList());
    assertEquals(
        List.of("MappingNode", "SequenceNode", "ScalarNode", "ScalarNode", "null"),
        fields.stream().map(f -> Trees.NodeKind.of(DOC.get(f)).kyamlName()).toList());
    assertEquals("null", Trees.NodeKind.of(null).kyamlName());
    assertEquals(
        List.of("!!str", "!!str", "!!int", "!!str", "!!null"),
        fields.stream().map(f -> Trees.yamlTag(DOC.get(f))).toList());
    assertEquals("!!float", Trees.yamlTag(DOC.get("f")));
    assertEquals("!!bool", Trees.yamlTag(DOC.get("b")));
    assertEquals(
        List.of("an object", "a list", "a number", "a string", "null"),
        fields.stream().map(f -> Trees.argoCdKindOf(DOC.get(f))).toList());
    assertEquals("a boolean", Trees.argoCdKindOf(DOC.get("b")));
    assertEquals(
        List.of("object", "array", "number", "string", "string"),
        fields.stream().map(f -> Trees.goJsonType(DOC.get(f))).toList());
    assertEquals("bool", Trees.goJsonType(DOC.get("b")));
  }
}
