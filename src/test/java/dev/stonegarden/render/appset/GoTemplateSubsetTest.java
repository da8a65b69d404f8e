package dev.stonegarden.render.appset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Go's text/template gives for the constructs {@link GoTemplateSubset} accepts. */
class GoTemplateSubsetTest {
  private static final Map<String, Object> DATA = Map.of("env", "dev", "server", "", "n", "1");

  private static String run(String template) {
    return GoTemplateSubset.execute(template, DATA);
  }

  @Test
  void fieldsWithAndWithoutSpaces() {
    assertEquals("app-dev-dev", run("app-{{.env}}-{{ .env }}"));
    assertEquals("no actions", run("no actions"));
  }

  @Test
  void trimMarkersEatAllWhiteSpaceOnTheirSide() {
    assertEquals("a\n  b\n", run("a\n  {{- if eq .n \"1\" }}\n  b\n  {{- end }}\n"));
    assertEquals("a\n", run("a\n  {{- if eq .n \"2\" }}\n  b\n  {{- end }}\n"));
    assertEquals("a \n b", run("a \n {{ .server -}} \n b"));
  }

  @Test
  void ifElseWithEqNeAndTruth() {
    assertEquals("name", run("{{ if eq .server \"\" }}name{{ else }}server{{ end }}"));
    assertEquals("server", run("{{ if ne .server \"\" }}x{{ else }}server{{ end }}"));
    assertEquals("set", run("{{ if .env }}set{{ end }}{{ if .server }}empty{{ end }}"));
  }

  @Test
  void aMissingKeyIsAnErrorAsWithMissingkeyError() {
    GoTemplateSubset.TemplateException e =
        assertThrows(GoTemplateSubset.TemplateException.class, () -> run("{{.cluster}}"));
    assertEquals("map has no entry for key \"cluster\"", e.getMessage());
  }

  @Test
  void whatTheSubsetDoesNotKnowIsAnErrorNotAGuess() {
    for (String t :
        new String[] {
          "{{ .env | upper }}",
          "{{ range .x }}{{ end }}",
          "{{ if eq .env }}x{{ end }}",
          "{{ if .env }}x",
          "{{ end }}",
          "{{-3}}",
          "{{ .a.b }}"
        }) {
      assertThrows(GoTemplateSubset.TemplateException.class, () -> run(t), t);
    }
  }
}
