package dev.stonegarden.render.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The printer style follows the one definition of "under Argo CD" (docs/argocd.md). */
class InvocationTest {
  @ParameterizedTest(name = "ARGOCD_APP_NAME={0}")
  @CsvSource(
      delimiter = '|',
      value = {"app-dev | true", "'' | false", "<unset> | false"})
  void underArgoCdOnlyWithANonEmptyAppName(String name, boolean expected) {
    Map<String, String> env = name.equals("<unset>") ? Map.of() : Map.of("ARGOCD_APP_NAME", name);
    PrintWriter w = new PrintWriter(new StringWriter());
    assertEquals(expected, new Invocation(Path.of("."), env, w, w).underArgoCd());
  }
}
