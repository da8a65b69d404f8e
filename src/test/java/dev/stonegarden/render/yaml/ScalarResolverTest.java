package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Table tests for {@link ScalarResolver}. Expected values come from go-yaml's resolve.go and were
 * confirmed with {@code kubectl kustomize} 5.5.0 (resources for v3; JSON 6902 patch values for v2).
 */
class ScalarResolverTest {

  /** A compact description of a node: its Jackson type and value. */
  static String describe(JsonNode n) {
    if (n.isNull()) {
      return "null";
    }
    if (n.isBoolean()) {
      return "bool:" + n.booleanValue();
    }
    if (n.isInt()) {
      return "int:" + n.intValue();
    }
    if (n.isLong()) {
      return "long:" + n.longValue();
    }
    if (n.isBigInteger()) {
      return "big:" + n.bigIntegerValue();
    }
    if (n.isDouble()) {
      return "float:" + n.doubleValue();
    }
    if (n.isString()) {
      return "str:" + n.stringValue();
    }
    return "other:" + n;
  }

  private static Arguments a(String text, String expected) {
    return Arguments.of(text, expected);
  }

  /** Cases where both versions agree. */
  static Stream<Arguments> common() {
    return Stream.of(
        a("42", "int:42"),
        a("-7", "int:-7"),
        a("+7", "int:7"),
        a("0", "int:0"),
        a("00", "int:0"),
        a("-0", "int:0"),
        a("0x1F", "int:31"),
        a("0xFF", "int:255"),
        a("0X1f", "int:31"),
        a("+0x1F", "int:31"),
        a("0x_1F", "int:31"),
        a("0755", "int:493"),
        a("-0755", "int:-493"),
        a("0o644", "int:420"),
        a("0O17", "int:15"),
        a("0b101", "int:5"),
        a("0B11", "int:3"),
        a("-0b101", "int:-5"),
        a("0b-101", "int:-5"),
        a("0b+11", "int:3"),
        a("1_000", "int:1000"),
        a("1_000_000", "int:1000000"),
        a("1__0", "int:10"),
        a("0_", "int:0"),
        a("2147483647", "int:2147483647"),
        a("2147483648", "long:2147483648"),
        a("-2147483649", "long:-2147483649"),
        a("9007199254740993", "long:9007199254740993"),
        a("9223372036854775807", "long:9223372036854775807"),
        a("-9223372036854775808", "long:-9223372036854775808"),
        a("9223372036854775808", "big:9223372036854775808"),
        a("12345678901234567890", "big:12345678901234567890"),
        a("18446744073709551615", "big:18446744073709551615"),
        a("0xFFFFFFFFFFFFFFFF", "big:18446744073709551615"),
        a("-0x8000000000000000", "long:-9223372036854775808"),
        a("18446744073709551616", "float:1.8446744073709552E19"),
        a("123456789012345678901234567890", "float:1.2345678901234568E29"),
        a("-9223372036854775809", "float:-9.223372036854776E18"),
        a("08", "float:8.0"),
        a("09.5", "float:9.5"),
        a("00.5", "float:0.5"),
        a("1.0", "float:1.0"),
        a("1.", "float:1.0"),
        a("0.", "float:0.0"),
        a("-0.0", "float:-0.0"),
        a("3.25", "float:3.25"),
        a("1.10", "float:1.1"),
        a("1e3", "float:1000.0"),
        a("2.5e-3", "float:0.0025"),
        a("1E+3", "float:1000.0"),
        a("1e20", "float:1.0E20"),
        a("1e-400", "float:0.0"),
        a("1e400", "str:1e400"),
        a("1_0.5", "float:10.5"),
        a(".5", "float:0.5"),
        a(".5e3", "float:500.0"),
        a(".5_0", "float:0.5"),
        a("._5", "str:._5"),
        a(".5__0", "str:.5__0"),
        a(".5_", "str:.5_"),
        a(".", "str:."),
        a(".e3", "str:.e3"),
        a("-.5", "float:-0.5"),
        a("+.5", "float:0.5"),
        a(".inf", "float:Infinity"),
        a(".Inf", "float:Infinity"),
        a("+.INF", "float:Infinity"),
        a("-.inf", "float:-Infinity"),
        a(".nan", "float:NaN"),
        a(".NaN", "float:NaN"),
        a(".NAN", "float:NaN"),
        a(".nAn", "str:.nAn"),
        a("+inf", "str:+inf"),
        a("Infinity", "str:Infinity"),
        a("0x1p3", "str:0x1p3"),
        a("0x", "str:0x"),
        a("0b", "str:0b"),
        a("0b2", "str:0b2"),
        a("1.2.3", "str:1.2.3"),
        a("1e", "str:1e"),
        a("-", "str:-"),
        a("+", "str:+"),
        a("1a", "str:1a"),
        a("١٢", "str:١٢"),
        a("true", "bool:true"),
        a("True", "bool:true"),
        a("TRUE", "bool:true"),
        a("false", "bool:false"),
        a("False", "bool:false"),
        a("FALSE", "bool:false"),
        a("tRUE", "str:tRUE"),
        a("", "null"),
        a("~", "null"),
        a("null", "null"),
        a("Null", "null"),
        a("NULL", "null"),
        a("nULL", "str:nULL"),
        a("<<", "str:<<"),
        a("2023-02-29", "str:2023-02-29"),
        a("2024-01-01T24:00:00Z", "str:2024-01-01T24:00:00Z"),
        a("2001-12-14 21:59:43.10 -5", "str:2001-12-14 21:59:43.10 -5"),
        a("2024-13-01", "str:2024-13-01"),
        a("2024-01-01T10:20:30z", "str:2024-01-01T10:20:30z"),
        a("2024-01-01T10:20:30", "str:2024-01-01T10:20:30"),
        a("2024-01-01T10:20:30+0100", "str:2024-01-01T10:20:30+0100"),
        a("02024-01-01", "str:02024-01-01"),
        a("1:20", "str:1:20"),
        a("12:30:00", "str:12:30:00"),
        a("hello", "str:hello"),
        a("yes please", "str:yes please"),
        a("v1.2.3", "str:v1.2.3"),
        a("1.2.3-alpha", "str:1.2.3-alpha"),
        a("é", "str:é"));
  }

  /** go-yaml v3 only. */
  static Stream<Arguments> v3() {
    return Stream.of(
        a("yes", "str:yes"),
        a("Yes", "str:Yes"),
        a("no", "str:no"),
        a("on", "str:on"),
        a("ON", "str:ON"),
        a("off", "str:off"),
        a("y", "str:y"),
        a("n", "str:n"),
        a("Y", "str:Y"),
        a("0o-17", "int:-15"),
        a("0o+17", "int:15"),
        a("2024-01-01", "str:2024-01-01T00:00:00Z"),
        a("2024-1-2", "str:2024-01-02T00:00:00Z"),
        a("2024-02-29", "str:2024-02-29T00:00:00Z"),
        a("2000-02-29", "str:2000-02-29T00:00:00Z"),
        a("2024-01-01T10:20:30Z", "str:2024-01-01T10:20:30Z"),
        a("2024-01-01t10:20:30Z", "str:2024-01-01T10:20:30Z"),
        a("2024-01-01T10:20:30+00:00", "str:2024-01-01T10:20:30Z"),
        a("2024-01-01T10:20:30-00:00", "str:2024-01-01T10:20:30Z"),
        a("2001-12-14t21:59:43.10-05:00", "str:2001-12-14T21:59:43.1-05:00"),
        a("2001-12-14 21:59:43.10", "str:2001-12-14T21:59:43.1Z"),
        a("2001-12-14   21:59:43", "str:2001-12-14T21:59:43Z"),
        a("2024-01-01T10:20:30.1234567891+05:30", "str:2024-01-01T10:20:30.123456789+05:30"),
        a("2024-01-01T10:20:30,5Z", "str:2024-01-01T10:20:30.5Z"),
        a("2024-01-01T10:20:30.000Z", "str:2024-01-01T10:20:30Z"),
        a("2024-1-2T3:4:5Z", "str:2024-01-02T03:04:05Z"),
        a("0000-01-01", "str:0000-01-01T00:00:00Z"));
  }

  /** go-yaml v2 only. */
  static Stream<Arguments> v2() {
    return Stream.of(
        a("yes", "bool:true"),
        a("Yes", "bool:true"),
        a("YES", "bool:true"),
        a("y", "bool:true"),
        a("Y", "bool:true"),
        a("on", "bool:true"),
        a("On", "bool:true"),
        a("ON", "bool:true"),
        a("no", "bool:false"),
        a("No", "bool:false"),
        a("NO", "bool:false"),
        a("n", "bool:false"),
        a("N", "bool:false"),
        a("off", "bool:false"),
        a("Off", "bool:false"),
        a("OFF", "bool:false"),
        a("yEs", "str:yEs"),
        a("0o-17", "str:0o-17"),
        a("2024-01-01", "str:2024-01-01"),
        a("2024-1-2", "str:2024-1-2"),
        a("2001-12-14t21:59:43.10-05:00", "str:2001-12-14t21:59:43.10-05:00"),
        a("2024-01-01T10:20:30+00:00", "str:2024-01-01T10:20:30+00:00"));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("common")
  void bothVersions(String text, String expected) {
    assertEquals(
        expected, describe(ScalarResolver.resolvePlain(text, YamlVersion.YAML_1_2)), "YAML 1.2");
    assertEquals(
        expected, describe(ScalarResolver.resolvePlain(text, YamlVersion.YAML_1_1)), "YAML 1.1");
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("v3")
  void yaml12(String text, String expected) {
    assertEquals(expected, describe(ScalarResolver.resolvePlain(text, YamlVersion.YAML_1_2)));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("v2")
  void yaml11(String text, String expected) {
    assertEquals(expected, describe(ScalarResolver.resolvePlain(text, YamlVersion.YAML_1_1)));
  }

  @Test
  void kinds() {
    assertEquals(
        ScalarResolver.Kind.TIMESTAMP, ScalarResolver.kindOf("2024-01-01", YamlVersion.YAML_1_1));
    assertEquals(
        ScalarResolver.Kind.TIMESTAMP, ScalarResolver.kindOf("2024-01-01", YamlVersion.YAML_1_2));
    assertEquals(ScalarResolver.Kind.STRING, ScalarResolver.kindOf("<<", YamlVersion.YAML_1_2));
    assertEquals(ScalarResolver.Kind.STRING, ScalarResolver.kindOf("1e400", YamlVersion.YAML_1_2));
    assertEquals(ScalarResolver.Kind.BOOL, ScalarResolver.kindOf("on", YamlVersion.YAML_1_1));
    assertEquals(ScalarResolver.Kind.STRING, ScalarResolver.kindOf("on", YamlVersion.YAML_1_2));
  }

  @Test
  void isPlainString() {
    assertEquals(true, ScalarResolver.isPlainString("hello", YamlVersion.YAML_1_1));
    assertEquals(true, ScalarResolver.isPlainString("<<", YamlVersion.YAML_1_1));
    assertEquals(true, ScalarResolver.isPlainString("yes", YamlVersion.YAML_1_2));
    assertEquals(false, ScalarResolver.isPlainString("yes", YamlVersion.YAML_1_1));
    assertEquals(false, ScalarResolver.isPlainString("2024-01-01", YamlVersion.YAML_1_1));
    assertEquals(false, ScalarResolver.isPlainString("", YamlVersion.YAML_1_1));
    assertEquals(false, ScalarResolver.isPlainString("~", YamlVersion.YAML_1_1));
    assertEquals(false, ScalarResolver.isPlainString("0x1F", YamlVersion.YAML_1_1));
    assertEquals(false, ScalarResolver.isPlainString(".inf", YamlVersion.YAML_1_1));
    assertEquals(true, ScalarResolver.isPlainString("1.2.3", YamlVersion.YAML_1_1));
  }

  @Test
  void tagged() {
    YamlVersion v = YamlVersion.YAML_1_2;
    assertEquals("str:1", describe(ScalarResolver.resolveTagged("!!str", "1", v).value()));
    assertEquals(
        "str:1", describe(ScalarResolver.resolveTagged("tag:yaml.org,2002:str", "1", v).value()));
    assertEquals("int:3", describe(ScalarResolver.resolveTagged("!!int", "3", v).value()));
    assertEquals(
        "int:31",
        describe(ScalarResolver.resolveTagged("tag:yaml.org,2002:int", "0x1F", v).value()));
    assertEquals("float:3.0", describe(ScalarResolver.resolveTagged("!!float", "3", v).value()));
    assertEquals("bool:true", describe(ScalarResolver.resolveTagged("!!bool", "true", v).value()));
    assertEquals("null", describe(ScalarResolver.resolveTagged("!!null", "", v).value()));
    assertEquals(
        "str:2024-01-01T00:00:00Z",
        describe(ScalarResolver.resolveTagged("!!timestamp", "2024-01-01", v).value()));
    assertEquals(
        "str:2024-01-01",
        describe(
            ScalarResolver.resolveTagged("!!timestamp", "2024-01-01", YamlVersion.YAML_1_1)
                .value()));
    assertEquals("str:x", describe(ScalarResolver.resolveTagged("!custom", "x", v).value()));
    assertEquals("str:hi", describe(ScalarResolver.resolveTagged("!!binary", "aGk=", v).value()));
    assertFalse(ScalarResolver.resolveTagged("!!int", "abc", v).ok());
    assertFalse(ScalarResolver.resolveTagged("!!int", "1.5", v).ok());
    assertFalse(ScalarResolver.resolveTagged("!!bool", "yes", v).ok());
    assertEquals(
        "bool:true",
        describe(ScalarResolver.resolveTagged("!!bool", "yes", YamlVersion.YAML_1_1).value()));
    assertFalse(ScalarResolver.resolveTagged("!!int", "2024-01-01", v).ok());
    assertFalse(ScalarResolver.resolveTagged("!!float", "18446744073709551615", v).ok());
  }
}
