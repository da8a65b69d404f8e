package dev.stonegarden.render.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArgoEnvironmentTest {

  private static ArgoEnvironment parse(String... kv) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return ArgoEnvironment.from(env);
  }

  private static String errors(String... kv) {
    InputException e = assertThrows(InputException.class, () -> parse(kv));
    return e.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void exactCompactJsonArgoCdSendsWithAnUnknownSecondParameterIsRejected() {
    String json =
        "[{\"name\":\"environment\",\"string\":\"prod\"},{\"array\":[\"eu\",\"us\"],\"name\":\"regions\"}]";
    String message = errors("ARGOCD_APP_PARAMETERS", json);
    assertEquals(
        "error: unknown parameter \"regions\" in ARGOCD_APP_PARAMETERS: expected one of environment, render",
        message);
  }

  @Test
  void exactCompactJsonWithTheKnownParameter() {
    ArgoEnvironment argo =
        parse("ARGOCD_APP_PARAMETERS", "[{\"name\":\"environment\",\"string\":\"prod\"}]");
    assertTrue(argo.parametersJsonPresent());
    assertEquals("prod", argo.parameter(KnownParameter.ENVIRONMENT));
    assertEquals(List.of("environment"), List.copyOf(argo.parameters().keySet()));
  }

  @Test
  void anyKeyOrderAndWhitespace() {
    ArgoEnvironment argo =
        parse(
            "ARGOCD_APP_PARAMETERS",
            "[ {\n \"string\" : \"staging\", \"name\": \"environment\" } ]");
    assertEquals("staging", argo.parameter(KnownParameter.ENVIRONMENT));
  }

  @Test
  void escapesAreDecoded() {
    // Go's json.Marshal writes <, > and & as \u003c, \u003e, \u0026
    // (docs/argocd.md#how-argo-cd-passes-parameters).
    ArgoEnvironment argo =
        parse(
            "ARGOCD_APP_PARAMETERS",
            "[{\"name\":\"environment\",\"string\":\"a\\u003cb\\u003e\\u0026c\\\"\"}]");
    assertEquals("a<b>&c\"", argo.parameters().get("environment").string());
  }

  @Test
  void literalNullMeansNoParameters() {
    ArgoEnvironment argo = parse("ARGOCD_APP_PARAMETERS", "null", "PARAM_ENVIRONMENT", "dev");
    assertFalse(argo.parametersJsonPresent());
    // With no JSON list, PARAM_* is the fallback.
    assertEquals("dev", argo.parameter(KnownParameter.ENVIRONMENT));
  }

  @Test
  void emptyListAndNullElements() {
    assertTrue(parse("ARGOCD_APP_PARAMETERS", "[]").parameters().isEmpty());
    // ApplicationSets have been seen to send null (argo-cd #11900).
    ArgoEnvironment argo =
        parse("ARGOCD_APP_PARAMETERS", "[null,{\"name\":\"environment\",\"string\":null}]");
    assertNull(argo.parameter(KnownParameter.ENVIRONMENT));
  }

  @Test
  void nameOnlyAndEmptyStringCountAsNotSet() {
    assertNull(
        parse("ARGOCD_APP_PARAMETERS", "[{\"name\":\"environment\"}]")
            .parameter(KnownParameter.ENVIRONMENT));
    assertNull(
        parse("ARGOCD_APP_PARAMETERS", "[{\"name\":\"environment\",\"string\":\"\"}]")
            .parameter(KnownParameter.ENVIRONMENT));
  }

  @Test
  void wrongFormsAreRejected() {
    assertEquals(
        "error: parameter \"environment\" must be a string (`string:` in the Application's plugin"
            + " parameters), found an array",
        errors("ARGOCD_APP_PARAMETERS", "[{\"array\":[\"prod\"],\"name\":\"environment\"}]"));
    assertEquals(
        "error: parameter \"environment\" must be a string (`string:` in the Application's plugin"
            + " parameters), found a map",
        errors("ARGOCD_APP_PARAMETERS", "[{\"map\":{\"a\":\"b\"},\"name\":\"environment\"}]"));
    // All three forms at once (allowed by Argo CD's types): rejected, one error per wrong form.
    String all =
        errors(
            "ARGOCD_APP_PARAMETERS",
            "[{\"array\":[\"x\"],\"map\":{\"k\":\"v\"},\"name\":\"environment\",\"string\":\"prod\"}]");
    assertEquals(2, all.lines().count(), all);
  }

  @Test
  void badValueTypesInsideForms() {
    assertTrue(
        errors("ARGOCD_APP_PARAMETERS", "[{\"name\":\"environment\",\"string\":5}]")
            .contains("\"string\" must be a string, found a number"));
    assertTrue(
        errors("ARGOCD_APP_PARAMETERS", "[{\"name\":\"environment\",\"array\":[1]}]")
            .contains("\"array\" must hold strings, found a number"));
    assertTrue(
        errors("ARGOCD_APP_PARAMETERS", "[{\"name\":\"environment\",\"extra\":\"x\"}]")
            .contains("unknown key \"extra\""));
  }

  @Test
  void allProblemsAtOnce() {
    String message =
        errors(
            "ARGOCD_APP_PARAMETERS",
            "[{\"name\":\"foo\",\"string\":\"1\"},{\"name\":\"bar\",\"string\":\"2\"},{\"name\":\"environment\",\"array\":[]}]");
    assertEquals(3, message.lines().count(), message);
  }

  @Test
  void duplicateNames() {
    assertTrue(
        errors(
                "ARGOCD_APP_PARAMETERS",
                "[{\"name\":\"environment\",\"string\":\"a\"},{\"name\":\"environment\",\"string\":\"b\"}]")
            .contains("given twice"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\":\"environment\"}",
        "\"prod\"",
        "[1]",
        "[{\"string\":\"x\"}]",
        "[{",
        "prod",
        "[{\"name\":\"environment\",\"name\":\"x\"}]"
      })
  void malformedJsonIsAnInputError(String json) {
    InputException e =
        assertThrows(InputException.class, () -> parse("ARGOCD_APP_PARAMETERS", json));
    String message = e.diagnostics().get(0).message();
    assertTrue(message.startsWith("ARGOCD_APP_PARAMETERS"), message);
  }

  @Test
  void parseErrorsDoNotQuoteTheValue() {
    String message =
        errors("ARGOCD_APP_PARAMETERS", "[{\"name\":\"environment\",\"string\":\"s3cr3t\"");
    assertFalse(message.contains("s3cr3t"), message);
  }

  @Test
  void paramFallbackOnlyWithoutJson() {
    assertEquals("dev", parse("PARAM_ENVIRONMENT", "dev").parameter(KnownParameter.ENVIRONMENT));
    ArgoEnvironment both =
        parse(
            "PARAM_ENVIRONMENT",
            "dev",
            "ARGOCD_APP_PARAMETERS",
            "[{\"name\":\"environment\",\"string\":\"prod\"}]");
    assertEquals("prod", both.parameter(KnownParameter.ENVIRONMENT));
    assertEquals("dev", both.paramEnvironment());
    // Unknown PARAM_* variables are not errors: their names are lossy
    // (docs/argocd.md#how-argo-cd-passes-parameters).
    assertTrue(parse("PARAM_REGIONS_0", "eu").parameters().isEmpty());
  }

  @Test
  void paramVariableNameNormalisation() {
    assertEquals("PARAM_ENVIRONMENT", KnownParameter.ENVIRONMENT.paramVariable());
    assertEquals(
        "PARAM_MY_ENV__",
        new KnownParameter("my-env.é", "", "", ParameterForm.STRING, false, null).paramVariable());
  }

  @Test
  void envEntryNamespaceSourcePathAndName() {
    ArgoEnvironment argo =
        parse(
            "ARGOCD_ENV_ENVIRONMENT",
            "canary",
            "ARGOCD_APP_NAMESPACE",
            "",
            "ARGOCD_APP_SOURCE_PATH",
            "kubernetes/services/x",
            "ARGOCD_APP_NAME",
            "x-canary",
            "ARGOCD_APP_REVISION",
            "0123456789abcdef0123456789abcdef01234567");
    assertEquals("canary", argo.envEnvironment());
    assertNull(argo.namespace(), "an empty namespace counts as unset");
    assertEquals("kubernetes/services/x", argo.sourcePath());
    assertEquals("x-canary", argo.appName());
    assertTrue(ArgoEnvironment.underArgoCd(Map.of("ARGOCD_APP_NAME", "x-canary")));
    assertFalse(argo.toString().contains("0123456789abcdef"), "the revision is not kept");
    assertEquals("ns", parse("ARGOCD_APP_NAMESPACE", "ns").namespace());
    assertFalse(ArgoEnvironment.underArgoCd(Map.of()));
    assertFalse(
        ArgoEnvironment.underArgoCd(Map.of("ARGOCD_APP_NAME", "")),
        "an empty name counts as unset: Argo CD never sends one");
    assertNull(parse("ARGOCD_APP_NAME", "").appName());
  }

  @Test
  void misspelledEnvEntryIsRemembered() {
    ArgoEnvironment argo = parse("ARGOCD_ENV_environment", "dev", "ARGOCD_ENV_Environment", "dev");
    assertNull(argo.envEnvironment());
    assertEquals(
        List.of("ARGOCD_ENV_Environment", "ARGOCD_ENV_environment"),
        argo.misspelledEnvironmentVariables());
  }

  @Test
  void kubeApiVersions() {
    ArgoEnvironment with =
        parse(
            "KUBE_API_VERSIONS",
            "apps/v1,apps/v1/Deployment,argoproj.io/v1alpha1,argoproj.io/v1alpha1/Rollout,v1,v1/ConfigMap");
    // The entries as listed, for the platform stage's checks (CanaryRolloutTransformerTest,
    // FeatureFlagGeneratorTest: which kinds count as served).
    assertEquals(
        Set.of(
            "apps/v1",
            "apps/v1/Deployment",
            "argoproj.io/v1alpha1",
            "argoproj.io/v1alpha1/Rollout",
            "v1",
            "v1/ConfigMap"),
        with.kubeApiVersions());
    assertEquals(
        Set.of("v1", "v1/ConfigMap"),
        parse("KUBE_API_VERSIONS", " v1, ,v1/ConfigMap ").kubeApiVersions());
    assertNull(parse().kubeApiVersions(), "a local run has no cluster to ask");
    assertNull(parse("KUBE_API_VERSIONS", "").kubeApiVersions());
    assertNull(parse("KUBE_API_VERSIONS", " ").kubeApiVersions());
  }

  @Test
  void debugFlag() {
    assertTrue(parse("ARGOCD_ENV_PLATFORM_RENDER_DEBUG", "1").debug());
    assertFalse(parse("ARGOCD_ENV_PLATFORM_RENDER_DEBUG", "false").debug());
    assertFalse(parse().debug());
  }
}
