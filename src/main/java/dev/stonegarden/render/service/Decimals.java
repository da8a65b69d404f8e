package dev.stonegarden.render.service;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact decimal arithmetic for the numbers service.yaml turns into PromQL: percentages to ratios,
 * durations to seconds, availability to error budgets. Never a {@code double}: {@code 1 - 0.999}
 * must print {@code 0.001}, not {@code 0.0010000000000000009}.
 */
public final class Decimals {
  private static final Pattern LATENCY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s)");
  private static final Pattern PERCENT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)%");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Decimals() {}

  /**
   * Without trailing zeros and never in exponent form ({@code 20}, not {@code 2E+1}), so {@code
   * toString()} is canonical.
   */
  public static BigDecimal canonical(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** A percentage as a ratio: {@code 95} → {@code 0.95}. */
  public static BigDecimal ratio(BigDecimal percent) {
    return canonical(percent.movePointLeft(2));
  }

  /** The error budget of an availability percentage: {@code 99.9} → {@code 0.001}. */
  public static BigDecimal errorBudget(BigDecimal availabilityPercent) {
    return canonical(HUNDRED.subtract(availabilityPercent).movePointLeft(2));
  }

  /**
   * A latency duration ({@code 100ms}, {@code 0.5s}, {@code 2s}) in seconds, or null when it has
   * another form.
   */
  public static BigDecimal latencySeconds(String duration) {
    Matcher m = LATENCY.matcher(duration);
    if (!m.matches()) {
      return null;
    }
    BigDecimal n = new BigDecimal(m.group(1));
    return canonical(m.group(2).equals("ms") ? n.movePointLeft(3) : n);
  }

  /** The number of an {@code "N%"} string, or null when it has another form. */
  public static BigDecimal percent(String text) {
    Matcher m = PERCENT.matcher(text);
    return m.matches() ? new BigDecimal(m.group(1)) : null;
  }
}
