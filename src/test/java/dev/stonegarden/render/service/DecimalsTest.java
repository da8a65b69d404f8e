package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalsTest {
  @ParameterizedTest
  @CsvSource({"95, 0.95", "99.5, 0.995", "100, 1", "1.5, 0.015", "99.99, 0.9999"})
  void ratio(String percent, String ratio) {
    assertEquals(ratio, Decimals.ratio(new BigDecimal(percent)).toString());
  }

  @ParameterizedTest
  @CsvSource({"99.9, 0.001", "99.95, 0.0005", "99, 0.01", "90, 0.1", "50.5, 0.495"})
  void errorBudget(String availability, String budget) {
    assertEquals(budget, Decimals.errorBudget(new BigDecimal(availability)).toString());
  }

  @ParameterizedTest
  @CsvSource({
    "100ms, 0.1",
    "0.5s, 0.5",
    "2s, 2",
    "20s, 20",
    "1000ms, 1",
    "1500ms, 1.5",
    "0.25s, 0.25",
    "250ms, 0.25"
  })
  void latencySeconds(String duration, String seconds) {
    assertEquals(seconds, Decimals.latencySeconds(duration).toString());
  }

  @ParameterizedTest
  @CsvSource({"1m", "100", "-1s", "1.s", "s", "100 ms"})
  void latencyRejects(String duration) {
    assertNull(Decimals.latencySeconds(duration));
  }
}
