package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.service.ServiceSpec.DarkLaunch;
import dev.stonegarden.render.service.ServiceSpec.FeatureFlag;
import dev.stonegarden.render.service.ServiceSpec.FlagEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code spec.featureFlags} (docs/feature-flags.md): what each field binds to, and every error with
 * its line and column. The flags below start on line 14 of the service.yaml, in column 5.
 */
class FeatureFlagReaderTest {
  static final String BASE =
      """
      apiVersion: platform.stonegarden.dev/v1alpha1
      kind: Service
      metadata:
        name: shop
      spec:
        owner:
          team: product
        environments:
          - name: dev
            namespace: shop-dev
          - name: canary
            namespace: shop-canary
        featureFlags:
      """;

  /** {@code flags} (YAML at column 1) as spec.featureFlags of {@link #BASE}. */
  static ServiceSpec read(String flags, Problems warnings) {
    return ServiceReader.readText(
        Path.of("service.yaml"),
        BASE + flags.stripTrailing().indent(4),
        PlatformReader.defaults(),
        warnings);
  }

  static List<String> errors(String flags) {
    InputException e = assertThrows(InputException.class, () -> read(flags, new Problems()));
    return e.diagnostics().stream().map(Diagnostic::toString).toList();
  }

  static final String ON_OFF =
      """
      - name: a
        variants: {on: true, off: false}
        defaultVariant: off
      """;

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "unknown defaultVariant",
            """
            - name: a
              variants: {on: true, off: false}
              defaultVariant: offf
            """,
            List.of(
                "service.yaml:16:23: error: spec.featureFlags[0].defaultVariant \"offf\" is not a"
                    + " variant of flag \"a\" (variants: on, off); did you mean \"off\"?")),
        Arguments.of(
            "a per-environment default that is not a variant; an environment the service lacks",
            ON_OFF
                + """
                  environments:
                    dev: {defaultVariant: maybe}
                    canery: {}
                """,
            List.of(
                "service.yaml:18:31: error: spec.featureFlags[0].environments.dev.defaultVariant"
                    + " \"maybe\" is not a variant of flag \"a\" (variants: on, off)",
                "service.yaml:19:9: error: flag \"a\" names environment \"canery\", which is not an"
                    + " environment of this service (dev, canary); did you mean \"canary\"?")),
        Arguments.of(
            "unknown dark-launch variant",
            ON_OFF + "  darkLaunch: {header: X-Dark, variant: onn}\n",
            List.of(
                "service.yaml:17:45: error: spec.featureFlags[0].darkLaunch.variant \"onn\" is not a"
                    + " variant of flag \"a\" (variants: on, off); did you mean \"on\"?")),
        Arguments.of(
            "duplicate flag names",
            ON_OFF + ON_OFF,
            List.of("service.yaml:17:13: error: duplicate feature flag \"a\" (also line 14)")),
        Arguments.of(
            "a dark launch without a header",
            ON_OFF + "  darkLaunch: {variant: on}\n",
            List.of(
                "service.yaml:17:7: error: missing required key \"header\" in"
                    + " spec.featureFlags[0].darkLaunch")),
        Arguments.of(
            "a header name with a space",
            ON_OFF + "  darkLaunch: {header: X Dark, variant: on}\n",
            List.of(
                "service.yaml:17:28: error: spec.featureFlags[0].darkLaunch.header must be an HTTP"
                    + " header name (letters, digits and !#$%&'*+-^_|~; no spaces, ':' or '.',"
                    + " which JsonLogic would read as a path), found \"X Dark\"")),
        Arguments.of(
            "a header name with a dot (a JsonLogic path); an unquoted value",
            ON_OFF + "  darkLaunch: {header: X.Dark, variant: on, value: true}\n",
            List.of(
                "service.yaml:17:28: error: spec.featureFlags[0].darkLaunch.header must be an HTTP"
                    + " header name (letters, digits and !#$%&'*+-^_|~; no spaces, ':' or '.',"
                    + " which JsonLogic would read as a path), found \"X.Dark\"",
                "service.yaml:17:56: error: spec.featureFlags[0].darkLaunch.value must be a string,"
                    + " found true (unquoted, YAML reads it as a boolean: put it in quotes)")),
        Arguments.of(
            "a header name with a colon",
            ON_OFF + "  darkLaunch: {header: \"X-Dark:\", variant: on}\n",
            List.of(
                "service.yaml:17:28: error: spec.featureFlags[0].darkLaunch.header must be an HTTP"
                    + " header name (letters, digits and !#$%&'*+-^_|~; no spaces, ':' or '.',"
                    + " which JsonLogic would read as a path), found \"X-Dark:\"")),
        Arguments.of(
            "a header value with white space around it",
            ON_OFF + "  darkLaunch: {header: X-Dark, variant: on, value: \" yes\"}\n",
            List.of(
                "service.yaml:17:56: error: spec.featureFlags[0].darkLaunch.value must not begin or"
                    + " end with white space (HTTP drops it from header values), found \" yes\"")),
        Arguments.of(
            "a variant without a name",
            """
            - name: a
              variants: {"": true, off: false}
              defaultVariant: off
            """,
            List.of(
                "service.yaml:15:18: error: a variant of flag \"a\" has an empty name: flagd needs"
                    + " a name")),
        Arguments.of(
            "variants of mixed types",
            """
            - name: a
              variants: {on: true, blue: "blue", n: 1, o: {}}
              defaultVariant: on
            """,
            List.of(
                "service.yaml:15:34: error: variant \"blue\" of flag \"a\" is a string, but variant"
                    + " \"on\" is a boolean: every variant of a flag has the same type (flagd reads"
                    + " a flag as boolean, string, number or object)",
                "service.yaml:15:45: error: variant \"n\" of flag \"a\" is a number, but variant"
                    + " \"on\" is a boolean: every variant of a flag has the same type (flagd reads"
                    + " a flag as boolean, string, number or object)",
                "service.yaml:15:51: error: variant \"o\" of flag \"a\" is a map, but variant \"on\""
                    + " is a boolean: every variant of a flag has the same type (flagd reads a flag"
                    + " as boolean, string, number or object)")),
        Arguments.of(
            "variant values flagd has no type for",
            """
            - name: a
              variants: {on: [1], off: null}
              defaultVariant: on
            """,
            List.of(
                "service.yaml:15:22: error: spec.featureFlags[0].variants.on must be a boolean, a"
                    + " string, a number or a map, found a list",
                "service.yaml:15:32: error: spec.featureFlags[0].variants.off must be a boolean, a"
                    + " string, a number or a map, found null")),
        Arguments.of(
            "no variants, no environments",
            """
            - name: a
              variants: {}
              defaultVariant: off
              environments: {}
            """,
            List.of(
                "service.yaml:15:17: error: spec.featureFlags[0].variants must not be empty",
                "service.yaml:17:21: error: spec.featureFlags[0].environments must not be empty")),
        Arguments.of(
            "a state flagd does not know",
            ON_OFF + "  environments:\n    dev: {state: ON}\n",
            List.of(
                "service.yaml:18:22: error: spec.featureFlags[0].environments.dev.state must be one"
                    + " of ENABLED, DISABLED, found \"ON\"")),
        Arguments.of(
            "targeting with two operators",
            ON_OFF + "  targeting: {if: [true, on], var: x}\n",
            List.of(
                "service.yaml:17:18: error: spec.featureFlags[0].targeting must be one JsonLogic"
                    + " rule, a map with one operator key such as {if: [...]}, found the keys if,"
                    + " var")),
        Arguments.of(
            "targeting with a misspelt operator",
            ON_OFF + "  targeting: {iff: [true, on]}\n",
            List.of(
                "service.yaml:17:19: error: unknown JsonLogic operator \"iff\" in"
                    + " spec.featureFlags[0].targeting; did you mean \"if\"?")),
        Arguments.of(
            "targeting that refers to a shared rule",
            ON_OFF + "  targeting: {$ref: shared}\n",
            List.of(
                "service.yaml:17:19: error: spec.featureFlags[0].targeting uses $ref, a shared rule"
                    + " of flagd's $evaluators, which service.yaml does not define: write the rule"
                    + " here")),
        Arguments.of(
            "targeting that is not a map",
            ON_OFF + "  targeting: [if]\n",
            List.of(
                "service.yaml:17:18: error: spec.featureFlags[0].targeting must be a map, found a list")),
        Arguments.of(
            "a misspelt key; the required one missing",
            """
            - name: a
              variants: {on: true, off: false}
              default: off
            """,
            List.of(
                "service.yaml:14:7: error: missing required key \"defaultVariant\" in"
                    + " spec.featureFlags[0]",
                "service.yaml:16:7: error: unknown key \"default\" in spec.featureFlags[0] (expected"
                    + " one of: name, variants, defaultVariant, targeting, environments,"
                    + " darkLaunch)")),
        Arguments.of(
            "a flag name that is not a DNS label",
            """
            - name: New_Player
              variants: {on: true, off: false}
              defaultVariant: off
            """,
            List.of(
                "service.yaml:14:13: error: spec.featureFlags[0].name must be a DNS-1123 label"
                    + " (lower-case letters, digits and '-', starting and ending with a letter or"
                    + " digit), found \"New_Player\"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void errorsArePositioned(String what, String flags, List<String> expected) {
    assertEquals(expected, errors(flags), what);
  }

  @Test
  void withoutEnvironmentsAFlagIsEnabledInEveryEnvironmentWithItsDefault() {
    ServiceSpec s = read(ON_OFF, new Problems());
    FeatureFlag f = s.featureFlags().get(0);
    assertEquals("a", f.name());
    assertEquals(List.of("on", "off"), List.copyOf(f.variants().keySet()));
    assertEquals(true, f.variants().get("on").booleanValue());
    assertEquals("off", f.defaultVariant());
    assertNull(f.targeting());
    assertNull(f.darkLaunch());
    assertEquals(
        Map.of(
            "dev", new FlagEnvironment("ENABLED", "off"),
            "canary", new FlagEnvironment("ENABLED", "off")),
        f.environments());
    assertEquals(List.of("dev", "canary"), List.copyOf(f.environments().keySet()));
    assertEquals(List.of(f), s.featureFlags("dev"));
    assertEquals(List.of(), s.darkLaunches("dev"));
  }

  @Test
  void listedEnvironmentsOnlyWithTheirStateAndDefault() {
    ServiceSpec s =
        read(
            ON_OFF
                + """
                  environments:
                    canary:
                    dev: {state: DISABLED, defaultVariant: on}
                  darkLaunch: {header: X-Dark-Launch, variant: on}
                """,
            new Problems());
    FeatureFlag f = s.featureFlags().get(0);
    assertEquals(List.of("canary", "dev"), List.copyOf(f.environments().keySet()));
    assertEquals(new FlagEnvironment("ENABLED", "off"), f.in("canary"));
    assertEquals(new FlagEnvironment("DISABLED", "on"), f.in("dev"));
    assertNull(f.in("production"));
    assertEquals(new DarkLaunch("X-Dark-Launch", "true", "on"), f.darkLaunch());
    assertEquals("x-dark-launch", f.darkLaunch().contextKey());
    // The lead's router wiring asks for the dark launches of an environment: enabled ones only.
    assertEquals(List.of(f), s.darkLaunches("canary"));
    assertEquals(List.of(), s.darkLaunches("dev"));
    assertEquals(List.of(f), s.featureFlags("dev"));
  }

  @Test
  void targetingIsPassedThroughAndAnEmptyRuleIsNone() {
    ServiceSpec s =
        read(
            """
            - name: theme
              variants:
                classic: {accent: "#333"}
                spring: {accent: "#2e7d32"}
              defaultVariant: classic
              targeting:
                fractional:
                  - [classic, 50]
                  - [spring, 50]
              darkLaunch: {header: X-Theme, value: spring, variant: spring}
            - name: empty
              variants: {a: 1, b: 2.5}
              defaultVariant: a
              targeting: {}
            """,
            new Problems());
    FeatureFlag theme = s.featureFlags().get(0);
    assertEquals(
        TestYaml.json("{\"fractional\":[[\"classic\",50],[\"spring\",50]]}"), theme.targeting());
    assertEquals(TestYaml.json("{\"accent\":\"#2e7d32\"}"), theme.variants().get("spring"));
    assertEquals("spring", theme.darkLaunch().value());
    assertEquals(1, s.featureFlags().get(1).index());
    assertNull(s.featureFlags().get(1).targeting());
  }

  @Test
  void aServiceWithoutFlagsHasNone() {
    ServiceSpec s =
        ServiceReader.readText(
            Path.of("service.yaml"),
            BASE.replace("  featureFlags:\n", ""),
            PlatformReader.defaults(),
            new Problems());
    assertEquals(List.of(), s.featureFlags());
    assertEquals(List.of(), s.featureFlags("dev"));
  }
}
