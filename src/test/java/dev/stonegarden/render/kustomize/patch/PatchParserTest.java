package dev.stonegarden.render.kustomize.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatchParserTest {
  private static final SourcePosition AT = new SourcePosition(Path.of("kustomization.yaml"), 7, 3);

  @Test
  void strategicMergeDocuments() {
    PatchParser.Parsed p =
        PatchParser.parse(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n---\nkind: Service\nmetadata: {name: b}\n",
            AT);
    assertTrue(p.isStrategicMerge());
    assertEquals(2, p.strategicMerge().size());
    assertEquals("b", p.strategicMerge().get(1).get("metadata").get("name").stringValue());
  }

  @Test
  void listKindsAreInlinedAfterTheOtherDocuments() {
    PatchParser.Parsed p =
        PatchParser.parse(
            "kind: ConfigMapList\nitems:\n- {kind: ConfigMap, metadata: {name: a}}\n"
                + "---\nkind: Secret\nmetadata: {name: s}\n",
            AT);
    assertEquals("s", p.strategicMerge().get(0).get("metadata").get("name").stringValue());
    assertEquals("a", p.strategicMerge().get(1).get("metadata").get("name").stringValue());
  }

  @Test
  void jsonOperationsInJsonAndYaml() {
    PatchParser.Parsed json = PatchParser.parse("[{\"op\": \"remove\", \"path\": \"/a\"}]", AT);
    assertFalse(json.isStrategicMerge());
    assertEquals(1, json.jsonOps().size());
    PatchParser.Parsed yaml = PatchParser.parse("- op: add\n  path: /a\n  value: yes\n", AT);
    assertTrue(
        yaml.jsonOps().get(0).get("value").booleanValue(), "YAML 1.1: yes is true (case 088)");
  }

  @Test
  void strategicMergeKeepsYaml12Strings() {
    PatchParser.Parsed p =
        PatchParser.parse("kind: ConfigMap\nmetadata: {name: a}\ndata: {x: yes, y: 0755}\n", AT);
    assertEquals("yes", p.strategicMerge().get(0).get("data").get("x").stringValue());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      comment only (case 109)      | '# nothing here'                                     | illegally qualifies as both
      empty map and JSON null doc  | '---\\n---\\nkind: A\\nmetadata: {name: a}'          | illegally qualifies as both
      empty list                   | []                                                   | illegally qualifies as both
      no metadata.name (case 108)  | 'apiVersion: apps/v1\\nkind: Deployment\\nspec: {}'   | unable to parse SM or JSON patch
      no kind                      | 'metadata: {name: a}'                                | unable to parse SM or JSON patch
      a scalar                     | just text                                            | unable to parse SM or JSON patch
      ops that are not maps        | '[1, 2]'                                             | unable to parse SM or JSON patch
      broken JSON                  | '[{\"op\": '                                         | unable to parse SM or JSON patch
      """)
  void neitherOrBoth(String title, String text, String message) {
    InputException e =
        assertThrows(InputException.class, () -> PatchParser.parse(text.replace("\\n", "\n"), AT));
    assertTrue(e.diagnostics().get(0).message().startsWith(message), e.getMessage());
    assertEquals(AT, e.diagnostics().get(0).at());
  }

  @Test
  void emptyMapIsAStrategicMergePatchWithoutDocuments() {
    PatchParser.Parsed p = PatchParser.parse("{}", AT);
    assertTrue(p.isStrategicMerge());
    assertTrue(p.strategicMerge().isEmpty());
  }

  @Test
  void inlineSyntaxErrorsPointAtTheEntry() {
    InputException e =
        assertThrows(
            InputException.class,
            () -> PatchParser.parseStrategicMerge("kind: A\nmetadata: {name: [\n", AT));
    assertEquals(AT, e.diagnostics().get(0).at());
    assertTrue(e.diagnostics().get(0).message().contains("line"), e.getMessage());
  }

  @Test
  void fileSyntaxErrorsPointIntoTheFile() {
    SourcePosition file = SourcePosition.of(Path.of("patch.yaml"));
    InputException e =
        assertThrows(
            InputException.class,
            () -> PatchParser.parseStrategicMerge("kind: A\nmetadata: {name: [\n", file));
    assertEquals(Path.of("patch.yaml"), e.diagnostics().get(0).at().file());
    assertTrue(e.diagnostics().get(0).at().line() > 0);
  }

  @Test
  void sourceQuotesLikeKustomize() {
    assertEquals("[patch: \"a\\n\\\"b\\\"\"]", PatchParser.source("a\n\"b\""));
  }
}
