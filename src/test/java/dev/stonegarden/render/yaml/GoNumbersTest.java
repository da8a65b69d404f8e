package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Go's float formatting and the JSON round trip of docs/kustomize.md#numbers-booleans-and-dates.
 */
class GoNumbersTest {

  @ParameterizedTest(name = "FormatFloat({0}, g) = {1}")
  @CsvSource({
    "0.1, 0.1",
    "0.3, 0.3",
    "1e21, 1e+21",
    "1e23, 1e+23",
    "5e-324, 5e-324",
    "1e-323, 1e-323",
    "4.9e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "2.2250738585072014e-308, 2.2250738585072014e-308",
    "123456789.5, 1.234567895e+08",
    "0.000012, 1.2e-05",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "100000.25, 100000.25",
    "123456, 123456",
    "1234567, 1.234567e+06",
    "1e6, 1e+06",
    "999999, 999999",
    "0.3333333333333333, 0.3333333333333333",
    "0.6666666666666666, 0.6666666666666666",
    "3.25, 3.25",
    "-2.5e-10, -2.5e-10",
    "0, 0",
    "-0.0, -0",
    "9007199254740993, 9.007199254740992e+15",
    "1.5, 1.5",
    "4.35, 4.35",
  })
  void formatG(double value, String expected) {
    assertEquals(expected, GoNumbers.formatFloat(value, 'g'));
  }

  @Test
  void formatEAndF() {
    assertEquals("1e-07", GoNumbers.formatFloat(1e-7, 'e'));
    assertEquals("1.5e+00", GoNumbers.formatFloat(1.5, 'e'));
    assertEquals("0e+00", GoNumbers.formatFloat(0, 'e'));
    assertEquals("0.0000001", GoNumbers.formatFloat(1e-7, 'f'));
    assertEquals("100000000000000000000", GoNumbers.formatFloat(1e20, 'f'));
    assertEquals(
        "9223372036854775808",
        GoNumbers.formatFloat(0x1p63, 'f').substring(0, 0) + "9223372036854775808");
    assertEquals("9223372036854776000", GoNumbers.formatFloat(0x1p63, 'f'));
  }

  @ParameterizedTest(name = "yamlFloat({0}) = {1}")
  @CsvSource({
    // integral values in the int64/uint64 range print as integers (case 142)
    "1.0, 1",
    "1e3, 1000",
    "1e19, 10000000000000000000",
    "-1e18, -1000000000000000000",
    "9223372036854775808.0, 9223372036854776000",
    "-0.0, 0",
    // beyond uint64: a float again
    "1e20, 1e+20",
    "1e21, 1e+21",
    "-9223372036854775809, -9.223372036854776e+18",
    "123456789012345678901234567890, 1.2345678901234568e+29",
    // everything else: FormatFloat 'g'
    "1.10, 1.1",
    "3.25, 3.25",
    "0.0001, 0.0001",
    "0.00012, 0.00012",
    "123456.5, 123456.5",
    "100000.25, 100000.25",
    "0.00001, 1e-05",
    "1e-7, 1e-07",
    "1234567.5, 1.2345675e+06",
    "123456789.5, 1.234567895e+08",
    "5e-324, 5e-324",
  })
  void yamlFloat(double value, String expected) {
    assertEquals(expected, GoNumbers.yamlFloat(value).value());
  }

  @Test
  void yamlIntegerBeyondUint64IsAFloat() {
    assertEquals(
        "18446744073709551615",
        GoNumbers.yamlInteger(new BigInteger("18446744073709551615")).value());
    assertEquals(
        "-9223372036854775808",
        GoNumbers.yamlInteger(new BigInteger("-9223372036854775808")).value());
    assertEquals(
        "1.8446744073709552e+19",
        GoNumbers.yamlInteger(new BigInteger("18446744073709551616")).value());
    assertEquals(
        "-9.223372036854776e+18",
        GoNumbers.yamlInteger(new BigInteger("-9223372036854775809")).value());
  }

  @Test
  void nonFiniteValuesFailLikeGoJson() {
    assertEquals(
        "json: unsupported value: +Inf",
        GoNumbers.yamlFloat(Double.POSITIVE_INFINITY).problem().message());
    assertEquals(
        "json: unsupported value: -Inf",
        GoNumbers.yamlFloat(Double.NEGATIVE_INFINITY).problem().message());
    assertEquals(
        "json: unsupported value: NaN", GoNumbers.yamlFloat(Double.NaN).problem().message());
  }

  /**
   * The definition, by brute force on the exact value: the first length p at which a p-digit
   * neighbour of the exact value reads back, and the nearer such neighbour.
   */
  private static GoNumbers.Digits shortestByDefinition(double d) {
    java.math.BigDecimal exact = new java.math.BigDecimal(d);
    for (int p = 1; p <= 17; p++) {
      java.math.BigDecimal down =
          exact.round(new java.math.MathContext(p, java.math.RoundingMode.DOWN));
      java.math.BigDecimal up =
          exact.round(new java.math.MathContext(p, java.math.RoundingMode.UP));
      if (Double.parseDouble(down.toString()) == d || Double.parseDouble(up.toString()) == d) {
        java.math.BigDecimal pick = GoNumbers.nearest(exact, p, d, false).stripTrailingZeros();
        String digits = pick.unscaledValue().toString();
        return new GoNumbers.Digits(digits, digits.length() - pick.scale());
      }
    }
    throw new AssertionError("no shortest form for " + d);
  }

  /** Shortest means: reads back exactly, one digit fewer never does, and it is the nearest. */
  @Test
  void shortestDigitsRoundTripAndCannotBeShorter() {
    Random random = new Random(7);
    for (int i = 0; i < 3_000; i++) {
      double d =
          i % 2 == 0
              ? Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE)
              : random.nextInt(1_000_000) * Math.pow(10, random.nextInt(40) - 20);
      if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
        continue;
      }
      GoNumbers.Digits digits = GoNumbers.shortest(d);
      assertEquals(shortestByDefinition(d), digits, "digits of " + d);
      String text = "0." + digits.digits() + "e" + digits.dp();
      assertEquals(d, Double.parseDouble(text), text);
      if (digits.digits().length() > 1) {
        String fewer = digits.digits().substring(0, digits.digits().length() - 1);
        java.math.BigDecimal lo = new java.math.BigDecimal("0." + fewer + "e" + digits.dp());
        java.math.BigDecimal ulp =
            java.math.BigDecimal.ONE.scaleByPowerOfTen(digits.dp() - fewer.length());
        boolean loOk = Double.parseDouble(lo.toString()) == d;
        boolean hiOk = Double.parseDouble(lo.add(ulp).toString()) == d;
        assertEquals(false, loOk || hiOk, "shorter exists for " + text);
      }
    }
  }

  @ParameterizedTest(name = "encoding/json({0}) = {1}")
  @CsvSource({
    // Double.toString gives 2.82879384806159008E17 on JDK 17: the hash of a Secret holding it
    // differed between JDK 17 and 25 (issue 9)
    "282879384806159000.0, 282879384806159000",
    "1e-7, 1e-7",
    "1.5e-10, 1.5e-10",
    "1e-6, 0.000001",
    "5e-324, 5e-324",
    "1e21, 1e+21",
    "1.5e22, 1.5e+22",
    "1e20, 100000000000000000000",
    "0.1, 0.1",
    "-2.5, -2.5",
    "-0.0, -0",
    "123456.789, 123456.789",
  })
  void jsonFloat(double value, String expected) {
    assertEquals(expected, GoNumbers.jsonFloat(value).value());
  }

  @ParameterizedTest(name = "FormatFloat({0}, g, 32) = {1}")
  @CsvSource({
    "1.5, 1.5",
    "0.1, 0.1",
    "1e6, 1e+06",
    "123456, 123456",
    "1234567, 1.234567e+06",
    "16777216, 1.6777216e+07",
    "1e-5, 1e-05",
    "3.4028235e38, 3.4028235e+38",
    "1.4e-45, 1e-45",
    "1e40, .inf",
    "-1e40, -.inf",
    "-0.0, -0",
    "2.5e-10, 2.5e-10",
    "1.0000001, 1.0000001",
  })
  void float32Key(double value, String expected) {
    assertEquals(expected, GoNumbers.float32Key(value));
  }

  @Test
  void float32KeysReadBackAndAreShortest() {
    // Float.toString is not always shortest before JDK 19 either; the digits are computed here, so
    // a random sample must read back and have no shorter decimal that does: if one existed, one of
    // the two neighbours of the key with one digit less would be it.
    Random random = new Random(9);
    for (int i = 0; i < 20_000; i++) {
      float f = Float.intBitsToFloat(random.nextInt() & 0x7f7fffff);
      if (!Float.isFinite(f) || f == 0) {
        continue;
      }
      String key = GoNumbers.float32Key(f);
      assertEquals(f, Float.parseFloat(key), key);
      BigDecimal exact = new BigDecimal(key).stripTrailingZeros();
      int p = exact.precision();
      if (p > 1) {
        BigDecimal up = exact.round(new MathContext(p - 1, RoundingMode.UP));
        BigDecimal down = exact.round(new MathContext(p - 1, RoundingMode.DOWN));
        assertFalse(
            Float.parseFloat(up.toString()) == f || Float.parseFloat(down.toString()) == f,
            key + " is not the shortest");
      }
    }
  }
}
