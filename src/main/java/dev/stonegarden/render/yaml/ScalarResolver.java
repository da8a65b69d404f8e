package dev.stonegarden.render.yaml;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Types YAML scalars the way go-yaml does when it decodes into {@code interface{}}: v3 rules for
 * {@link YamlVersion#YAML_1_2} (resources), v2 rules for {@link YamlVersion#YAML_1_1}
 * (kustomization files, JSON 6902 operations): docs/kustomize.md#the-kustomization-file,
 * docs/kustomize.md#json-6902-patches, docs/kustomize.md#numbers-booleans-and-dates.
 *
 * <p>The two versions share go-yaml's {@code resolve} algorithm: the first character picks a hint
 * (sign, digit, {@code .}, one of {@code yYnNtTfFoO~}, or none → string); exact words are looked up
 * in a table (booleans, nulls, {@code .inf}/{@code .nan}); numeric-looking text is tried as a
 * timestamp, then (with {@code _} removed) as a Go int64 with base prefix ({@code 0x}, {@code 0o},
 * {@code 0b}, leading {@code 0} = octal), as uint64, as a decimal float. They differ in:
 *
 * <ul>
 *   <li>booleans: v3 only {@code true/True/TRUE/false/False/FALSE}; v2 also {@code
 *       y/Y/yes/Yes/YES}, {@code n/N/no/No/NO}, {@code on/On/ON}, {@code off/Off/OFF};
 *   <li>timestamps: v3 yields a {@code time.Time}, which Go's JSON encoder writes in RFC 3339
 *       ({@code 2024-01-01} → {@code 2024-01-01T00:00:00Z}); v2, decoding into {@code interface{}},
 *       keeps the original text as a string ("for backward compatibility", v2 decode.go) although
 *       it resolves it as {@code !!timestamp} (so the emitter still quotes it);
 *   <li>a sign after a base prefix ({@code 0o-17} = -15): v3 has fallbacks for {@code 0b} and
 *       {@code 0o} that accept it, v2 only for {@code 0b}.
 * </ul>
 *
 * <p>All of it was checked against {@code kubectl kustomize} (5.5.0): for example {@code 08} is the
 * float 8, {@code .5_0} is 0.5, {@code 1e400} stays a string (Go's ParseFloat reports overflow) and
 * {@code 1e-400} is 0.
 */
public final class ScalarResolver {

  /**
   * What a scalar resolves to. A plain {@code <<} is a string here (its first character gives
   * go-yaml no hint); only the reader treats it as a merge key in key position.
   */
  public enum Kind {
    NULL,
    BOOL,
    INT,
    FLOAT,
    TIMESTAMP,
    STRING
  }

  /** A resolved scalar: its kind and its JSON value. */
  public record Resolved(Kind kind, JsonNode value) {}

  private static final JsonNodeFactory NODES = NodeFactory.INSTANCE;
  private static final String STR = "!!str";
  private static final String BINARY = "!!binary";
  private static final String TIMESTAMP = "!!timestamp";
  private static final String FLOAT = "!!float";
  private static final String LONG_TAG_PREFIX = "tag:yaml.org,2002:";

  private static final BigInteger LONG_MIN_MAGNITUDE = BigInteger.ONE.shiftLeft(63);

  /** go-yaml's {@code yamlStyleFloat}, applied after {@code _} has been removed. */
  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  private static final Map<String, Resolved> WORDS_V3 = words(false);
  private static final Map<String, Resolved> WORDS_V2 = words(true);

  private ScalarResolver() {}

  private static Map<String, Resolved> words(boolean v2) {
    Map<String, Resolved> m = new java.util.HashMap<>(); // lookup only, never iterated
    Resolved t = new Resolved(Kind.BOOL, NODES.booleanNode(true));
    Resolved f = new Resolved(Kind.BOOL, NODES.booleanNode(false));
    for (String s : new String[] {"true", "True", "TRUE"}) {
      m.put(s, t);
    }
    for (String s : new String[] {"false", "False", "FALSE"}) {
      m.put(s, f);
    }
    if (v2) {
      for (String s : new String[] {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON"}) {
        m.put(s, t);
      }
      for (String s : new String[] {"n", "N", "no", "No", "NO", "off", "Off", "OFF"}) {
        m.put(s, f);
      }
    }
    Resolved nul = new Resolved(Kind.NULL, NODES.nullNode());
    for (String s : new String[] {"~", "null", "Null", "NULL"}) {
      m.put(s, nul);
    }
    // an empty scalar is a null that kyaml's merge does not keep (EmptyNullNode)
    m.put("", new Resolved(Kind.NULL, EmptyNullNode.INSTANCE));
    Resolved nan = new Resolved(Kind.FLOAT, NODES.numberNode(Double.NaN));
    Resolved inf = new Resolved(Kind.FLOAT, NODES.numberNode(Double.POSITIVE_INFINITY));
    Resolved minf = new Resolved(Kind.FLOAT, NODES.numberNode(Double.NEGATIVE_INFINITY));
    for (String s : new String[] {"nan", "NaN", "NAN"}) {
      m.put("." + s, nan);
    }
    for (String s : new String[] {"inf", "Inf", "INF"}) {
      m.put("." + s, inf);
      m.put("+." + s, inf);
      m.put("-." + s, minf);
    }
    return Map.copyOf(m);
  }

  /** The value of a plain (unquoted, untagged) scalar. */
  public static JsonNode resolvePlain(String text, YamlVersion version) {
    return resolve("", text, version).value();
  }

  /** The kind and value of a plain (unquoted, untagged) scalar. */
  public static Resolved resolve(String text, YamlVersion version) {
    return resolve("", text, version);
  }

  /** The kind a plain scalar with this text resolves to. */
  public static Kind kindOf(String text, YamlVersion version) {
    return resolve("", text, version).kind();
  }

  /**
   * Whether {@code text} written as a plain scalar would be read back as a string (and not as a
   * null, bool, number or timestamp). Says nothing about characters that forbid a plain scalar.
   */
  public static boolean isPlainString(String text, YamlVersion version) {
    return resolve("", text, version).kind() == Kind.STRING;
  }

  /**
   * The value of a scalar with an explicit tag ({@code !!int "3"}, {@code !!str 1}). Tags are given
   * in short ({@code !!int}) or long ({@code tag:yaml.org,2002:int}) form; tags go-yaml does not
   * resolve ({@code !foo}, {@code !!set}) leave the text a string, as go-yaml does. When the text
   * is not a value of the tag ({@code !!int abc}), go-yaml's error as a {@link Problem.InValue}:
   * the caller points at the scalar.
   */
  public static Checked<JsonNode> resolveTagged(String tag, String text, YamlVersion version) {
    String shortTag =
        tag.startsWith(LONG_TAG_PREFIX) ? "!!" + tag.substring(LONG_TAG_PREFIX.length()) : tag;
    switch (shortTag) {
      case STR:
        return Checked.ok(NODES.stringNode(text));
      case BINARY:
        return binary(text);
      case "!!bool":
      case "!!int":
      case FLOAT:
      case "!!null":
      case TIMESTAMP:
        break;
      default:
        return Checked.ok(NODES.stringNode(text));
    }
    Resolved r = resolve(shortTag, text, version);
    String got = tagOf(r.kind());
    if (got.equals(shortTag)) {
      if (r.kind() == Kind.TIMESTAMP && version == YamlVersion.YAML_1_1) {
        return Checked.ok(NODES.stringNode(text));
      }
      return Checked.ok(r.value());
    }
    if (shortTag.equals(FLOAT) && r.kind() == Kind.INT && r.value().canConvertToLong()) {
      // go-yaml converts an int (not a uint64) to a float when the tag asks for one.
      return Checked.ok(NODES.numberNode((double) r.value().longValue()));
    }
    return Checked.failed(new Problem.InValue("cannot decode " + got + " scalar as " + shortTag));
  }

  private static String tagOf(Kind kind) {
    switch (kind) {
      case NULL:
        return "!!null";
      case BOOL:
        return "!!bool";
      case INT:
        return "!!int";
      case FLOAT:
        return FLOAT;
      case TIMESTAMP:
        return TIMESTAMP;
      default:
        return STR;
    }
  }

  private static Checked<JsonNode> binary(String text) {
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(text.replace("\n", "").replace("\r", ""));
    } catch (IllegalArgumentException e) { // the JDK's decoder says so only by throwing
      return Checked.failed(new Problem.InValue("!!binary value contains invalid base64 data"));
    }
    return Checked.ok(NODES.stringNode(new String(bytes, StandardCharsets.UTF_8)));
  }

  /** go-yaml's {@code resolve(tag, in)}; {@code tag} is "" for a plain scalar. */
  private static Resolved resolve(String tag, String in, YamlVersion version) {
    boolean v3 = version == YamlVersion.YAML_1_2;
    char hint = in.isEmpty() ? 'N' : hint(in.charAt(0));
    if (hint != 0) {
      Resolved word = (v3 ? WORDS_V3 : WORDS_V2).get(in);
      if (word != null) {
        return word;
      }
      if (hint == '.') {
        Double d = GoStrconv.parseFloat(in);
        if (d != null) {
          return new Resolved(Kind.FLOAT, NODES.numberNode(d));
        }
      } else if (hint == 'D' || hint == 'S') {
        Resolved number = number(tag, in, v3);
        if (number != null) {
          return number;
        }
      }
    }
    return new Resolved(Kind.STRING, NODES.stringNode(in));
  }

  private static Resolved number(String tag, String in, boolean v3) {
    if (tag.isEmpty() || tag.equals(TIMESTAMP)) {
      GoTimestamp t = GoTimestamp.parse(in);
      if (t != null) {
        // v2 keeps the text when decoding into interface{}; v3 yields time.Time → RFC 3339.
        return new Resolved(Kind.TIMESTAMP, NODES.stringNode(v3 ? t.rfc3339() : in));
      }
    }
    String plain = in.indexOf('_') < 0 ? in : in.replace("_", "");
    BigInteger n = GoStrconv.parseInt(plain, 0);
    if (n == null) {
      n = GoStrconv.parseUint(plain, 0);
    }
    if (n != null) {
      return integer(n);
    }
    if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
      Double d = GoStrconv.parseFloat(plain);
      if (d != null) {
        return new Resolved(Kind.FLOAT, NODES.numberNode(d));
      }
    }
    // go-yaml's fallbacks: they accept a sign after the prefix (0b-101 = -5).
    if (plain.startsWith("0b")) {
      n = GoStrconv.parseInt(plain.substring(2), 2);
      if (n == null) {
        n = GoStrconv.parseUint(plain.substring(2), 2);
      }
    } else if (plain.startsWith("-0b")) {
      n = GoStrconv.parseInt("-" + plain.substring(3), 2);
    } else if (v3 && plain.startsWith("0o")) {
      n = GoStrconv.parseInt(plain.substring(2), 8);
      if (n == null) {
        n = GoStrconv.parseUint(plain.substring(2), 8);
      }
    } else if (v3 && plain.startsWith("-0o")) {
      n = GoStrconv.parseInt("-" + plain.substring(3), 8);
    }
    return n == null ? null : integer(n);
  }

  private static Resolved integer(BigInteger n) {
    JsonNode node;
    if (n.bitLength() < 32) {
      node = NODES.numberNode(n.intValue());
    } else if (n.bitLength() < 64) {
      node = NODES.numberNode(n.longValue());
    } else {
      node = NODES.numberNode(n);
    }
    return new Resolved(Kind.INT, node);
  }

  private static char hint(char c) {
    if (c == '+' || c == '-') {
      return 'S';
    }
    if (c >= '0' && c <= '9') {
      return 'D';
    }
    if (c == '.') {
      return '.';
    }
    if ("yYnNtTfFoO~".indexOf(c) >= 0) {
      return 'M';
    }
    return 0;
  }

  /** Go's strconv number parsers, as far as go-yaml uses them. */
  static final class GoStrconv {
    private GoStrconv() {}

    /**
     * {@code strconv.ParseUint(s, base, 64)} (base 0: prefixes {@code 0x 0o 0b 0}); null on error.
     */
    static BigInteger parseUint(String s, int base) {
      if (s.isEmpty()) {
        return null;
      }
      int i = 0;
      if (base == 0) {
        base = 10;
        if (s.charAt(0) == '0') {
          char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
          if (p == 'b') {
            base = 2;
            i = 2;
          } else if (p == 'o') {
            base = 8;
            i = 2;
          } else if (p == 'x') {
            base = 16;
            i = 2;
          } else {
            base = 8;
            i = 1;
          }
        }
      }
      long n = 0;
      long cutoff = Long.divideUnsigned(-1L, base) + 1; // first value that overflows n*base
      for (; i < s.length(); i++) {
        int d = Character.digit(s.charAt(i), 36);
        if (s.charAt(i) > 'z' || d < 0 || d >= base) {
          return null;
        }
        if (Long.compareUnsigned(n, cutoff) >= 0) {
          return null;
        }
        n *= base;
        long n1 = n + d;
        if (Long.compareUnsigned(n1, n) < 0) {
          return null;
        }
        n = n1;
      }
      BigInteger b = BigInteger.valueOf(n & Long.MAX_VALUE);
      return n < 0 ? b.setBit(63) : b;
    }

    /** {@code strconv.ParseInt(s, base, 64)}; null on error. */
    static BigInteger parseInt(String s, int base) {
      if (s.isEmpty()) {
        return null;
      }
      boolean neg = false;
      String body = s;
      if (s.charAt(0) == '+' || s.charAt(0) == '-') {
        neg = s.charAt(0) == '-';
        body = s.substring(1);
      }
      BigInteger u = parseUint(body, base);
      if (u == null) {
        return null;
      }
      if (neg ? u.compareTo(LONG_MIN_MAGNITUDE) > 0 : u.compareTo(LONG_MIN_MAGNITUDE) >= 0) {
        return null;
      }
      return neg ? u.negate() : u;
    }

    /**
     * {@code strconv.ParseFloat(s, 64)} for decimal text (all go-yaml hands it: text starting with
     * {@code .}, or text matching {@code yamlStyleFloat}): digits, one dot, an exponent, {@code _}
     * only between two digits; null on a syntax error or overflow (Go's ErrRange), 0 on underflow.
     */
    static Double parseFloat(String s) {
      int i = 0;
      int n = s.length();
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      boolean digits = false;
      boolean dot = false;
      boolean underscores = false;
      for (; i < n; i++) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
          digits = true;
        } else if (c == '_') {
          if (!(i > 0 && isDigit(s.charAt(i - 1)) && i + 1 < n && isDigit(s.charAt(i + 1)))) {
            return null;
          }
          underscores = true;
        } else if (c == '.' && !dot) {
          dot = true;
        } else {
          break;
        }
      }
      if (!digits) {
        return null;
      }
      if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
        i++;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
          i++;
        }
        if (i >= n || !isDigit(s.charAt(i))) {
          return null;
        }
        for (; i < n; i++) {
          char c = s.charAt(i);
          if (c == '_') {
            if (!(isDigit(s.charAt(i - 1)) && i + 1 < n && isDigit(s.charAt(i + 1)))) {
              return null;
            }
            underscores = true;
          } else if (!isDigit(c)) {
            break;
          }
        }
      }
      if (i != n) {
        return null;
      }
      double d = Double.parseDouble(underscores ? s.replace("_", "") : s);
      return Double.isInfinite(d) ? null : d;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
