package dev.stonegarden.render.kustomize.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class StrategicMergeTest {

  static List<SmCase> maps() {
    return SmCases.maps();
  }

  static List<SmCase> directives() {
    return SmCases.directives();
  }

  static List<SmCase> lists() {
    return SmCases.lists();
  }

  static List<SmCase> quirks() {
    return SmCases.quirks();
  }

  static List<SmCase> errors() {
    return SmCases.errors();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("maps")
  void mapsMergeKeyByKey(SmCase c) {
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("directives")
  void directives(SmCase c) {
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void listsMergeByKeyOrAreReplaced(SmCase c) {
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quirks")
  void kyamlQuirks(SmCase c) {
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void errors(SmCase c) {
    check(c);
  }

  static void check(SmCase c) {
    ObjectNode original = c.resourceTree();
    ObjectNode patch = c.patchTree();
    ObjectNode patchBefore = patch.deepCopy();
    if (c.error() != null) {
      InputException e =
          assertThrows(
              InputException.class,
              () ->
                  StrategicMerge.merge(
                      original,
                      patch,
                      MergeSchema.builtin(),
                      null,
                      SourcePosition.of(Path.of("p.yaml"))));
      String message = e.diagnostics().get(0).message();
      assertTrue(message.contains(c.error()), message);
      assertEquals(Path.of("p.yaml"), e.diagnostics().get(0).at().file());
      return;
    }
    MergeResult r = StrategicMerge.merge(original, patch, MergeSchema.builtin(), null);
    assertEquals(patchBefore, patch, "the patch is not modified");
    if (c.expected().equals(SmCase.DELETED)) {
      assertTrue(r.deleted(), "deleted");
      return;
    }
    assertFalse(r.deleted());
    assertSame(original, r.body(), "merged in place");
    assertEquals(c.expectedTree(), r.body());
  }

  @Test
  void gvkParameterChoosesTheRootSchema() {
    // a Widget merged with the Deployment schema merges containers by name
    ObjectNode original =
        (ObjectNode)
            SmCase.parse(
                SmCases.head("example.com/v1", "Widget", "w")
                    + "spec:\n  template:\n    spec:\n      containers: [{name: a, image: a}, {name: b}]\n");
    ObjectNode patch =
        (ObjectNode)
            SmCase.parse(
                SmCases.head("example.com/v1", "Widget", "w")
                    + "spec:\n  template:\n    spec:\n      containers: [{name: a, image: a2}]\n");
    StrategicMerge.merge(
        original,
        patch,
        MergeSchema.builtin(),
        new dev.stonegarden.render.resource.Gvk("apps", "v1", "Deployment"));
    assertEquals(2, original.get("spec").get("template").get("spec").get("containers").size());
  }

  @Test
  void nestedObjectWithOwnApiVersionAndKindFindsItsSchema() {
    // kyaml's GetSchema: without a schema, a map carrying apiVersion/kind is looked up by them
    ObjectNode original =
        (ObjectNode)
            SmCase.parse(
                SmCases.head("example.com/v1", "Wrapper", "w")
                    + "spec:\n  inner:\n    apiVersion: v1\n    kind: Pod\n    spec:\n      containers: [{name: a, image: a}, {name: b}]\n");
    ObjectNode patch =
        (ObjectNode)
            SmCase.parse(
                SmCases.head("example.com/v1", "Wrapper", "w")
                    + "spec:\n  inner:\n    spec:\n      containers: [{name: a, image: a2}]\n");
    StrategicMerge.merge(original, patch, MergeSchema.builtin(), null);
    assertEquals(2, original.get("spec").get("inner").get("spec").get("containers").size());
  }

  @Test
  void emptySchemaReplacesEveryList() {
    ObjectNode original =
        (ObjectNode) SmCase.parse(SmCases.pod("e", "containers: [{name: a}, {name: b}]\n"));
    ObjectNode patch =
        (ObjectNode) SmCase.parse(SmCases.pod("e", "containers: [{name: b, image: x}]\n"));
    StrategicMerge.merge(original, patch, MergeSchema.empty(), null);
    assertEquals(1, original.get("spec").get("template").get("spec").get("containers").size());
  }

  @Test
  void deepNestingIsAnInputError() {
    ObjectNode patch = deep(1200);
    ObjectNode original = deep(1200);
    InputException e =
        assertThrows(
            InputException.class,
            () -> StrategicMerge.merge(original, patch, MergeSchema.builtin(), null));
    assertTrue(e.diagnostics().get(0).message().contains("deeper than"), e.getMessage());
  }

  private static ObjectNode deep(int levels) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("kind", "X");
    ObjectNode cur = root;
    for (int i = 0; i < levels; i++) {
      cur = cur.putObject("a");
    }
    cur.put("leaf", 1);
    return root;
  }
}
