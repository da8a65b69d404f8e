package dev.stonegarden.render.yaml;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's number formatting as kustomize's output shows it: {@code strconv.FormatFloat(f, fmt, -1,
 * 64)} (shortest round-trip digits) and the observable result of kustomize's JSON round trip
 * (docs/kustomize.md#numbers-booleans-and-dates).
 *
 * <p>Java's {@code Double.toString} is not Go's shortest formatting (it always prints at least two
 * digits, so {@code 4.9E-324} where Go prints {@code 5e-324}, and before JDK 19 it is not always
 * shortest: {@code 2.82879384806159008E17} on JDK 17 where JDK 25 and Go print {@code
 * 282879384806159000}), so the digits are computed here from the exact binary value and every JDK
 * prints the same. This class is the one home of Go number formatting: the YAML writer, the
 * generators' content hash (Go's encoding/json, {@link #jsonFloat}), JSON patch comparisons and
 * float mapping keys ({@link #float32Key}) all format through it.
 */
public final class GoNumbers {
  private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_UINT64 =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final MathContext[] DOWN = new MathContext[18];
  private static final MathContext[] UP = new MathContext[18];

  static {
    for (int p = 1; p < 18; p++) {
      DOWN[p] = new MathContext(p, RoundingMode.DOWN);
      UP[p] = new MathContext(p, RoundingMode.UP);
    }
  }

  private GoNumbers() {}

  /**
   * Shortest decimal digits of a non-negative finite double: value = 0.{@code digits} × 10^{@code
   * dp}.
   */
  record Digits(String digits, int dp) {}

  /**
   * What kustomize prints for a float64 value: Go's encoding/json writes it ({@code 'f'} format,
   * {@code 'e'} below 1e-6 and from 1e21), go-yaml v2 re-reads that text as int64, uint64 or
   * float64 and prints the value; so integral values in the uint64/int64 range print as integers
   * ({@code 1e3} → {@code 1000}), everything else as {@code FormatFloat(f, 'g', -1, 64)}. NaN and
   * infinities are Go's JSON error (a {@link Problem.InValue}).
   */
  public static Checked<String> yamlFloat(double f) {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      return unsupported(f);
    }
    return Checked.ok(finiteYamlFloat(f));
  }

  private static String finiteYamlFloat(double f) {
    double abs = Math.abs(f);
    if (abs < 1e21) {
      Digits d = shortest(abs);
      if (d.dp() >= d.digits().length()) {
        // encoding/json printed an integer literal; go-yaml v2 parses it as int64, else uint64
        String text = fmtF(d);
        if (text.equals("0")) {
          return "0"; // also -0: ParseInt("-0") is 0
        }
        BigInteger v = new BigInteger(text);
        if (f < 0) {
          v = v.negate();
        }
        if (v.compareTo(MIN_INT64) >= 0 && v.compareTo(MAX_UINT64) <= 0) {
          return v.toString();
        }
      }
    }
    return formatFloat(f, 'g');
  }

  /**
   * Go's {@code encoding/json} text of a float64: {@code FormatFloat(f, 'f', -1, 64)}, or {@code
   * 'e'} below 1e-6 and from 1e21 with a one-digit negative exponent unpadded ({@code 1e-7}, {@code
   * 1e+21}). NaN and infinities are Go's JSON error (a {@link Problem.InValue}).
   */
  public static Checked<String> jsonFloat(double f) {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      return unsupported(f);
    }
    return Checked.ok(finiteJsonFloat(f));
  }

  /** Go's error for a value encoding/json cannot write. */
  private static Checked<String> unsupported(double f) {
    return Checked.failed(new Problem.InValue("json: unsupported value: " + formatFloat(f, 'g')));
  }

  private static String finiteJsonFloat(double f) {
    double abs = Math.abs(f);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      String s = formatFloat(f, 'e');
      int n = s.length();
      // encoding/json cleans up e-09 to e-9
      if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
        s = s.substring(0, n - 2) + s.charAt(n - 1);
      }
      return s;
    }
    return formatFloat(f, 'f');
  }

  /**
   * A float mapping key as sigs.k8s.io/yaml's YAMLToJSON turns it into a string: Go's {@code
   * strconv.FormatFloat(f, 'g', -1, 32)} (the shortest digits that identify the value as a
   * float32), with YAML's names for infinities and NaN.
   */
  public static String float32Key(double d) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    float f = (float) d;
    if (Float.isInfinite(f)) {
      return f > 0 ? ".inf" : "-.inf";
    }
    boolean neg = (Float.floatToRawIntBits(f) & Integer.MIN_VALUE) != 0;
    Digits digits = shortest(Math.abs((double) f), true);
    int exp = digits.dp() - 1;
    String body =
        (digits.digits().isEmpty() || (exp >= -4 && exp < 6)) ? fmtF(digits) : fmtE(digits);
    return neg ? "-" + body : body;
  }

  /**
   * What kustomize prints for an integer: as is inside the int64/uint64 range; beyond it go-yaml v3
   * already read the literal as a float64, so it prints like {@link #yamlFloat} (and fails like it
   * beyond float64's range).
   */
  public static Checked<String> yamlInteger(BigInteger v) {
    if (v.compareTo(MIN_INT64) >= 0 && v.compareTo(MAX_UINT64) <= 0) {
      return Checked.ok(v.toString());
    }
    return yamlFloat(v.doubleValue());
  }

  /**
   * Go's {@code strconv.FormatFloat(f, fmt, -1, 64)} for {@code fmt} one of {@code 'e'}, {@code
   * 'f'}, {@code 'g'}.
   */
  public static String formatFloat(double f, char fmt) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    boolean neg = (Double.doubleToRawLongBits(f) & Long.MIN_VALUE) != 0;
    Digits d = shortest(Math.abs(f));
    String body;
    switch (fmt) {
      case 'e':
        body = fmtE(d);
        break;
      case 'f':
        body = fmtF(d);
        break;
      case 'g':
        int exp = d.dp() - 1;
        // shortest 'g' decides with precision 6, like %g
        body = (exp < -4 || exp >= 6) ? fmtE(d) : fmtF(d);
        break;
      default:
        throw new IllegalArgumentException("unsupported format " + fmt);
    }
    return neg ? "-" + body : body;
  }

  /**
   * The shortest decimal that reads back as {@code abs}; among equally short ones the nearest (ties
   * to an even last digit), which is what Go's Ryū-based shortest formatting yields.
   *
   * <p>The decimals that read back as {@code abs} form an interval around it; Java's {@code
   * Double.toString} gives one of them, {@code t} (at most 17 digits, not always the shortest). A
   * p-digit decimal is also a (p+1)-digit one, so the lengths that work are all those from some
   * minimum on, and if the interval holds a p-digit decimal it holds one of the two p-digit
   * neighbours of {@code t}: the minimum is found from {@code t} alone. When exactly one p-digit
   * decimal reads back, that is the answer; otherwise the nearer neighbour of the exact binary
   * value is, which needs exact arithmetic.
   */
  static Digits shortest(double abs) {
    return shortest(abs, false);
  }

  /**
   * {@link #shortest(double)} for a float64, or with {@code float32} for the float32 value {@code
   * abs} holds exactly: the shortest decimal that reads back as that float32.
   */
  private static Digits shortest(double abs, boolean float32) {
    if (abs == 0) {
      return new Digits("", 0);
    }
    if (abs < (float32 ? 0x1p24 : 0x1p53) && abs == Math.rint(abs)) {
      // integers below 2^53 are exact and one apart: their own digits are the shortest
      String digits = Long.toString((long) abs);
      int end = digits.length();
      while (end > 1 && digits.charAt(end - 1) == '0') {
        end--;
      }
      return new Digits(digits.substring(0, end), digits.length());
    }
    // Any decimal that reads back will do as t, shortest or not: Float/Double.toString give one.
    BigDecimal t = new BigDecimal(float32 ? Float.toString((float) abs) : Double.toString(abs));
    int p = Math.min(t.stripTrailingZeros().precision(), 17);
    while (p > 1
        && (readsBack(t.round(DOWN[p - 1]), abs, float32)
            || readsBack(t.round(UP[p - 1]), abs, float32))) {
      p--;
    }
    BigDecimal down = t.round(DOWN[p]);
    BigDecimal up = t.round(UP[p]);
    boolean okDown = readsBack(down, abs, float32);
    boolean okUp = readsBack(up, abs, float32);
    if (okDown != okUp || down.compareTo(up) == 0) {
      BigDecimal only = okDown ? down : up;
      if (!readsBack(only.subtract(stepBelow(only, p)), abs, float32)
          && !readsBack(only.add(stepAbove(only, p)), abs, float32)) {
        return toDigits(only);
      }
    }
    return toDigits(nearest(new BigDecimal(abs), p, abs, float32));
  }

  /** The distance from {@code v} (at most p digits) to the next p-digit decimal above it. */
  private static BigDecimal stepAbove(BigDecimal v, int p) {
    int exp10 = v.precision() - v.scale() - 1;
    return BigDecimal.ONE.scaleByPowerOfTen(exp10 - p + 1);
  }

  /** The distance to the next p-digit decimal below: ten times finer below a power of ten. */
  private static BigDecimal stepBelow(BigDecimal v, int p) {
    BigDecimal step = stepAbove(v, p);
    return v.stripTrailingZeros().unscaledValue().equals(BigInteger.ONE)
        ? step.movePointLeft(1)
        : step;
  }

  /** Of the two p-digit neighbours of {@code exact}, the one that reads back, or the nearer. */
  static BigDecimal nearest(BigDecimal exact, int p, double abs, boolean float32) {
    BigDecimal down = exact.round(DOWN[p]);
    BigDecimal up = exact.round(UP[p]);
    boolean okDown = readsBack(down, abs, float32);
    boolean okUp = readsBack(up, abs, float32);
    if (okDown && okUp) {
      int c = exact.subtract(down).compareTo(up.subtract(exact));
      if (c != 0) {
        return c < 0 ? down : up;
      }
      return down.unscaledValue().testBit(0) ? up : down;
    }
    return okDown ? down : up;
  }

  private static boolean readsBack(BigDecimal candidate, double abs, boolean float32) {
    if (candidate.signum() <= 0) {
      return false;
    }
    String text = candidate.toString();
    return float32 ? Float.parseFloat(text) == (float) abs : Double.parseDouble(text) == abs;
  }

  private static Digits toDigits(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    String digits = s.unscaledValue().toString();
    return new Digits(digits, digits.length() - s.scale());
  }

  /** Go's fmtE with shortest precision: {@code d[.ddd]e±XX}. */
  private static String fmtE(Digits d) {
    String ds = d.digits();
    StringBuilder sb = new StringBuilder(ds.length() + 6);
    sb.append(ds.isEmpty() ? '0' : ds.charAt(0));
    if (ds.length() > 1) {
      sb.append('.').append(ds, 1, ds.length());
    }
    sb.append('e');
    int exp = ds.isEmpty() ? 0 : d.dp() - 1;
    if (exp < 0) {
      sb.append('-');
      exp = -exp;
    } else {
      sb.append('+');
    }
    if (exp < 10) {
      sb.append('0');
    }
    sb.append(exp);
    return sb.toString();
  }

  /** Go's fmtF with shortest precision: all digits, no exponent. */
  private static String fmtF(Digits d) {
    String ds = d.digits();
    int nd = ds.length();
    int dp = d.dp();
    StringBuilder sb = new StringBuilder(Math.max(nd, 0) + Math.abs(dp) + 2);
    if (dp > 0) {
      int m = Math.min(nd, dp);
      sb.append(ds, 0, m);
      for (; m < dp; m++) {
        sb.append('0');
      }
    } else {
      sb.append('0');
    }
    int prec = Math.max(nd - dp, 0);
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        int j = dp + i - 1;
        sb.append(j >= 0 && j < nd ? ds.charAt(j) : '0');
      }
    }
    return sb.toString();
  }
}
