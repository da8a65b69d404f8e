package dev.stonegarden.render.kustomize.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

class JsonPatchTest {

  static List<JpCases.JpCase> operations() {
    return JpCases.operations();
  }

  static List<JpCases.JpCase> errors() {
    return JpCases.errors();
  }

  static ArrayNode ops(String text) {
    return PatchParser.parseJson6902(text, SourcePosition.none()).jsonOps();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void operations(JpCases.JpCase c) {
    JsonNode doc = SmCase.parse(c.docYaml());
    JsonNode before = doc.deepCopy();
    JsonNode result = JsonPatch.apply(doc, ops(c.ops()));
    assertEquals(before, doc, "the input document is not modified");
    assertTrue(JsonPatch.equal(SmCase.parse(c.expectedYaml()), result), "got " + result);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void errors(JpCases.JpCase c) {
    JsonNode doc = SmCase.parse(c.docYaml());
    InputException e =
        assertThrows(
            InputException.class,
            () -> JsonPatch.apply(doc, ops(c.ops()), SourcePosition.of(Path.of("p.yaml"))));
    assertTrue(
        e.diagnostics().get(0).message().contains(c.error()), e.diagnostics().get(0).message());
    assertEquals(Path.of("p.yaml"), e.diagnostics().get(0).at().file());
  }

  @Test
  void replaceOfTheRootWithAnObjectReplacesTheDocument() {
    JsonNode result =
        JsonPatch.apply(
            SmCase.parse("a: 1\n"),
            ops("[{\"op\":\"replace\",\"path\":\"\",\"value\":{\"b\":2}}]"));
    assertEquals(SmCase.parse("b: 2\n"), result);
  }

  @Test
  void replaceOfTheRootWithAScalarIsIgnored() {
    // evanphx wraps a nil error there: nothing happens
    JsonNode result =
        JsonPatch.apply(
            SmCase.parse("a: 1\n"), ops("[{\"op\":\"replace\",\"path\":\"\",\"value\":3}]"));
    assertEquals(SmCase.parse("a: 1\n"), result);
  }

  @Test
  void testOfTheWholeDocument() {
    JsonPatch.apply(
        SmCase.parse("a: 1\n"), ops("[{\"op\":\"test\",\"path\":\"\",\"value\":{\"a\":1}}]"));
    assertThrows(
        InputException.class,
        () ->
            JsonPatch.apply(
                SmCase.parse("a: 1\n"),
                ops("[{\"op\":\"test\",\"path\":\"\",\"value\":{\"a\":2}}]")));
  }

  @Test
  void testWithoutValueIsAnInputErrorNotACrash() {
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                JsonPatch.apply(
                    SmCase.parse("a: 1\n"), ops("[{\"op\":\"test\",\"path\":\"/a\"}]")));
    assertTrue(e.getMessage().contains("no value"), e.getMessage());
  }

  @Test
  void equalityFollowsEvanphx() {
    assertTrue(JsonPatch.equal(SmCase.parse("1"), SmCase.parse("1.0")));
    assertFalse(JsonPatch.equal(SmCase.parse("'1'"), SmCase.parse("1")));
    assertFalse(JsonPatch.equal(SmCase.parse("{a: 1}"), SmCase.parse("{a: 1, b: 2}")));
    assertFalse(JsonPatch.equal(SmCase.parse("[1, 2]"), SmCase.parse("[2, 1]")));
    assertFalse(JsonPatch.equal(SmCase.parse("true"), SmCase.parse("'true'")));
    assertTrue(JsonPatch.equal(SmCase.parse("{a: null}"), SmCase.parse("{a: null}")));
    assertFalse(JsonPatch.equal(SmCase.parse("{a: null}"), SmCase.parse("{b: null}")));
  }
}
