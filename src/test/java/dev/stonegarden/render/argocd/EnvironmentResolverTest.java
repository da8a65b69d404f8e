package dev.stonegarden.render.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentResolverTest {
  private static final String JSON_PROD = "[{\"name\":\"environment\",\"string\":\"production\"}]";

  private static ArgoEnvironment argo(String... kv) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return ArgoEnvironment.from(env);
  }

  @Test
  void precedence() {
    ArgoEnvironment all =
        argo(
            "ARGOCD_APP_PARAMETERS",
            JSON_PROD,
            "PARAM_ENVIRONMENT",
            "staging",
            "ARGOCD_ENV_ENVIRONMENT",
            "canary");
    assertEquals("dev", EnvironmentResolver.resolve("dev", all));
    assertEquals("production", EnvironmentResolver.resolve(null, all));
    assertEquals(
        "staging",
        EnvironmentResolver.resolve(
            null,
            argo(
                "ARGOCD_APP_PARAMETERS",
                "[]",
                "PARAM_ENVIRONMENT",
                "staging",
                "ARGOCD_ENV_ENVIRONMENT",
                "canary")));
    assertEquals(
        "canary",
        EnvironmentResolver.resolve(
            null, argo("ARGOCD_APP_PARAMETERS", "null", "ARGOCD_ENV_ENVIRONMENT", "canary")));
    assertEquals(
        "canary",
        EnvironmentResolver.resolve(
            null,
            argo(
                "ARGOCD_APP_PARAMETERS",
                "[{\"name\":\"environment\",\"string\":\"\"}]",
                "ARGOCD_ENV_ENVIRONMENT",
                "canary")));
  }

  @Test
  void sourceIsNamed() {
    assertEquals(
        "ARGOCD_ENV_ENVIRONMENT",
        EnvironmentResolver.choose(null, argo("ARGOCD_ENV_ENVIRONMENT", "dev")).source());
    assertEquals(
        "PARAM_ENVIRONMENT",
        EnvironmentResolver.choose(null, argo("PARAM_ENVIRONMENT", "dev")).source());
  }

  @Test
  void missingNamesAllThreeWays() {
    InputException e =
        assertThrows(InputException.class, () -> EnvironmentResolver.resolve(null, argo()));
    String message = e.diagnostics().get(0).message();
    assertTrue(message.startsWith("no environment given"), message);
    assertTrue(message.contains("--env"), message);
    assertTrue(message.contains("parameter `environment`"), message);
    assertTrue(message.contains("ARGOCD_ENV_ENVIRONMENT"), message);
    assertTrue(!e.diagnostics().get(0).at().hasFile());
  }

  @Test
  void missingHintsAtCase() {
    InputException e =
        assertThrows(
            InputException.class,
            () -> EnvironmentResolver.resolve(null, argo("ARGOCD_ENV_environment", "dev")));
    assertTrue(
        e.diagnostics()
            .get(0)
            .message()
            .contains(
                "found ARGOCD_ENV_environment, but plugin env names are"
                    + " case-sensitive: write `name: ENVIRONMENT`"),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "../prod",
        "a/b",
        "..",
        "Prod",
        "-dev",
        "dev-",
        "dev_1",
        "dev.1",
        "dév",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "line\nbreak"
      })
  void invalidNamesAreRejected(String name) {
    InputException e =
        assertThrows(InputException.class, () -> EnvironmentResolver.resolve(name, argo()));
    String message = e.diagnostics().get(0).message();
    assertTrue(message.startsWith("invalid environment "), message);
    assertTrue(message.contains("(from --env)"), message);
    assertTrue(!message.contains("\n"), message);
  }

  @Test
  void invalidNameFromArgoNamesTheSource() {
    InputException e =
        assertThrows(
            InputException.class,
            () -> EnvironmentResolver.resolve(null, argo("ARGOCD_ENV_ENVIRONMENT", "../../etc")));
    assertEquals(
        "invalid environment \"../../etc\" (from ARGOCD_ENV_ENVIRONMENT): it would name a path; expected"
            + " lower-case letters, digits and '-', starting and ending with a letter or digit",
        e.diagnostics().get(0).message());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dev",
        "production",
        "eu-west-1",
        "0",
        "a1",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void validNames(String name) {
    assertEquals(name, EnvironmentResolver.resolve(name, argo()));
  }
}
