package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers YAML 1.2 allows that BigDecimal does not (infinities, NaN, huge exponents) are input
 * errors, never crashes.
 */
class OddNumbersTest {
  private static final String SERVICE =
      """
      apiVersion: platform.stonegarden.dev/v1alpha1
      kind: Service
      metadata: {name: x}
      spec:
        owner: {team: t}
        environments:
          - name: canary
            namespace: x
            rollout:
              strategy: canary
              steps: [{setWeight: WEIGHT}, {pause: {duration: PAUSE}}]
              analysis:
                metrics: [{name: success-rate, threshold: THRESHOLD}, {name: latency, threshold: 1s}]
        sla: {availability: AVAILABILITY}
      """;

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".inf",
        "-.inf",
        ".nan",
        "1e400",
        "1e-400",
        "-0.0",
        "99999999999999999999999",
        "0x10",
        "0o17",
        "1_000"
      })
  void oddNumbersAnywhere(String n) {
    for (String slot : new String[] {"WEIGHT", "PAUSE", "THRESHOLD", "AVAILABILITY"}) {
      String yaml =
          SERVICE
              .replace(slot, n)
              .replace("WEIGHT", "10")
              .replace("PAUSE", "10")
              .replace("THRESHOLD", "95")
              .replace("AVAILABILITY", "99.9");
      try {
        ServiceReader.readText(
            Path.of("service.yaml"), yaml, PlatformReader.defaults(), new Problems());
      } catch (InputException expected) {
        assertTrue(
            expected.diagnostics().get(0).at().line() > 0,
            slot + "=" + n + ": " + expected.diagnostics());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {".inf", ".nan", "1e400"})
  void nonFiniteThresholdIsAnError(String n) {
    String yaml =
        SERVICE
            .replace("WEIGHT", "10")
            .replace("PAUSE", "10")
            .replace("THRESHOLD", n)
            .replace("AVAILABILITY", "99.9");
    assertThrows(
        InputException.class,
        () ->
            ServiceReader.readText(
                Path.of("service.yaml"), yaml, PlatformReader.defaults(), new Problems()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2147483648", "9007199254740991", "\"2147483648s\"", "596524h"})
  void aPauseLongerThanArgoRolloutsAcceptsIsAPositionedError(String pause) {
    // 2^31 seconds used to crash the render (exit 4, NumberFormatException)
    String yaml =
        SERVICE
            .replace("WEIGHT", "10")
            .replace("PAUSE", pause)
            .replace("THRESHOLD", "95")
            .replace("AVAILABILITY", "99.9");
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                ServiceReader.readText(
                    Path.of("service.yaml"), yaml, PlatformReader.defaults(), new Problems()));
    assertEquals(1, e.diagnostics().size(), e.diagnostics().toString());
    assertEquals("service.yaml:11:53", e.diagnostics().get(0).at().toString());
    assertTrue(
        e.diagnostics()
            .get(0)
            .message()
            .startsWith(
                "spec.environments[0].rollout.steps[1].pause.duration must be at most 2147483647"
                    + " seconds"),
        e.diagnostics().get(0).message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2147483647", "2147483647s", "596523h", "35791394m"})
  void theLongestPauseRendersAsWritten(String pause) {
    String yaml =
        SERVICE
            .replace("WEIGHT", "10")
            .replace("PAUSE", pause)
            .replace("THRESHOLD", "95")
            .replace("AVAILABILITY", "99.9");
    ServiceSpec spec =
        ServiceReader.readText(
            Path.of("service.yaml"), yaml, PlatformReader.defaults(), new Problems());
    assertEquals(
        pause,
        ((ServiceSpec.Pause) spec.environments().get(0).rollout().steps().get(1)).duration());
  }
}
