package dev.stonegarden.render.service;

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
}
