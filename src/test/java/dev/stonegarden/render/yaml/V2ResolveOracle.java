package dev.stonegarden.render.yaml;

import java.util.regex.Pattern;

/**
 * Test oracle, written independently of {@link ScalarResolver} from go-yaml v2's source, for a
 * differential test. Whether go-yaml v2's encoder may write a string as a plain scalar: {@code
 * encoder.stringv} asks {@code resolve("", s)} (YAML 1.1 typing with Go's number parsers and v2's
 * timestamp formats) and quotes the string unless it resolves to {@code !!str} and is not a base-60
 * float (docs/kustomize.md#strings).
 *
 * <p>Everything here is what the writer needs of v2's resolver, written from its behaviour: the
 * bool/null/inf/nan table, {@code strconv.ParseInt/ParseUint(s, 0, 64)} after removing {@code _},
 * the YAML float pattern with {@code strconv.ParseFloat}, {@code 0b} binaries and the four {@code
 * time.Parse} layouts.
 */
final class V2ResolveOracle {
  private V2ResolveOracle() {}

  // go-yaml v2's own regular expressions (resolve.go), used as written: the production code
  // hand-codes them as scanners, so the oracle shares nothing with it.
  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  private static final Pattern BASE_60_FLOAT =
      Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");

  /** True when go-yaml v2 would read {@code s} back as a string from a plain scalar. */
  static boolean isPlainString(String s) {
    return resolvesToString(s) && !BASE_60_FLOAT.matcher(s).matches();
  }

  static boolean resolvesToString(String s) {
    if (s.isEmpty()) {
      return false; // null
    }
    char c0 = s.charAt(0);
    char hint;
    if (c0 == '+' || c0 == '-') {
      hint = 'S';
    } else if (c0 >= '0' && c0 <= '9') {
      hint = 'D';
    } else if ("yYnNtTfFoO~".indexOf(c0) >= 0) {
      hint = 'M';
    } else if (c0 == '.') {
      hint = '.';
    } else {
      return true;
    }
    if (inResolveMap(s)) {
      return false;
    }
    switch (hint) {
      case 'M':
        return true;
      case '.':
        return !GoParse.parseFloatOk(s);
      default:
        if (GoTime.isV2Timestamp(s)) {
          return false;
        }
        String plain = s.indexOf('_') >= 0 ? s.replace("_", "") : s;
        if (GoParse.parseIntOk(plain, 0, true) || GoParse.parseIntOk(plain, 0, false)) {
          return false;
        }
        if (isYamlStyleFloat(plain) && GoParse.parseFloatOk(plain)) {
          return false;
        }
        if (plain.startsWith("0b")) {
          String rest = plain.substring(2);
          if (GoParse.parseIntOk(rest, 2, true) || GoParse.parseIntOk(rest, 2, false)) {
            return false;
          }
        } else if (plain.startsWith("-0b")) {
          if (GoParse.parseIntOk("-" + plain.substring(3), 2, true)) {
            return false;
          }
        }
        return true;
    }
  }

  private static boolean inResolveMap(String s) {
    switch (s) {
      case "y":
      case "Y":
      case "yes":
      case "Yes":
      case "YES":
      case "true":
      case "True":
      case "TRUE":
      case "on":
      case "On":
      case "ON":
      case "n":
      case "N":
      case "no":
      case "No":
      case "NO":
      case "false":
      case "False":
      case "FALSE":
      case "off":
      case "Off":
      case "OFF":
      case "~":
      case "null":
      case "Null":
      case "NULL":
      case ".nan":
      case ".NaN":
      case ".NAN":
      case ".inf":
      case ".Inf":
      case ".INF":
      case "+.inf":
      case "+.Inf":
      case "+.INF":
      case "-.inf":
      case "-.Inf":
      case "-.INF":
        return true;
      default:
        return false;
    }
  }

  static boolean isYamlStyleFloat(String s) {
    return YAML_STYLE_FLOAT.matcher(s).matches();
  }
}
