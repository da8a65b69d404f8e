package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link JsonTrees} builds the trees {@code ObjectMapper.readTree} builds with the features each
 * kind of input had before it replaced the mappers: same node types (int/long/big-integer,
 * double/decimal with its scale), same values, same key order, same failures.
 */
class JsonTreesTest {
  private static final JsonMapper PLAIN = JsonMapper.builder().build();
  private static final JsonMapper STRICT =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final JsonMapper PATCH =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final List<String> INPUTS =
      List.of(
          "",
          "  \n ",
          "null",
          "true",
          "\"text with \\u00e9 and \\n\"",
          "0",
          "-0",
          "-0.0",
          "2147483647",
          "2147483648",
          "-9223372036854775808",
          "9223372036854775808",
          "123456789012345678901234567890",
          "1.50",
          "1.0",
          "1e400",
          "2.5E-3",
          "[]",
          "{}",
          "[1, [2, [3, {\"a\": [true, false, null]}]], {}]",
          "{\"b\": 1, \"a\": {\"c\": [1.10, \"x\"], \"d\": {}}, \"e\": []}",
          "[{\"name\":\"environment\",\"string\":\"prod\"},null,{\"name\":\"m\",\"map\":{\"k\":\"v\"}}]",
          "{\"a\": 1, \"a\": 2}",
          "{\"a\": {\"x\": 1}, \"b\": [], \"a\": [3]}",
          "[1] [2]",
          "{} x",
          "[1,]",
          "{\"a\" 1}",
          "[1, 2",
          "{\"a\": tru}",
          "'single'",
          "NaN");

  static Stream<Arguments> cases() {
    return Stream.of(
            Arguments.of(JsonTrees.PLUGIN_PARAMETERS, STRICT),
            Arguments.of(JsonTrees.SCHEMA, STRICT),
            Arguments.of(JsonTrees.DASHBOARD, PLAIN),
            Arguments.of(JsonTrees.JSON_PATCH, PATCH))
        .flatMap(a -> INPUTS.stream().map(in -> Arguments.of(a.get()[0], a.get()[1], in)));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("cases")
  void readsWhatTheMapperRead(JsonTrees trees, JsonMapper mapper, String input) {
    JsonNode expected;
    try {
      expected = mapper.readTree(input);
    } catch (JacksonException e) {
      JacksonException ours = assertThrows(JacksonException.class, () -> trees.read(input));
      assertEquals(
          e.getLocation().getLineNr(), ours.getLocation().getLineNr(), "line of: " + input);
      if (!e.getOriginalMessage().startsWith("Trailing token")) {
        // The streaming parser's own messages; only the trailing-value check is ours.
        assertEquals(e.getOriginalMessage(), ours.getOriginalMessage());
        assertEquals(e.getLocation().getColumnNr(), ours.getLocation().getColumnNr());
      }
      return;
    }
    JsonNode actual = trees.read(input);
    assertEquals(expected, actual, input);
    assertSameTypes(expected, actual, input);
  }

  /** {@code equals} of number nodes ignores some type differences; the writers do not. */
  private static void assertSameTypes(JsonNode expected, JsonNode actual, String where) {
    // string nodes are a subclass (JsonTrees.Text); every other node is databind's own class
    assertEquals(
        expected.getClass(),
        actual.isString() ? actual.getClass().getSuperclass() : actual.getClass(),
        where);
    assertEquals(expected.toString(), actual.toString(), where);
    assertEquals(List.copyOf(expected.propertyNames()), List.copyOf(actual.propertyNames()), where);
    for (int i = 0; i < expected.size(); i++) {
      JsonNode e = expected.isArray() ? expected.get(i) : null;
      if (e != null) {
        assertSameTypes(e, actual.get(i), where + "[" + i + "]");
      }
    }
    for (String name : expected.propertyNames()) {
      assertSameTypes(expected.get(name), actual.get(name), where + "/" + name);
    }
  }

  @org.junit.jupiter.api.Test
  void stringsPrintAsTheMapperPrintsThem() {
    for (String s :
        List.of(
            "",
            "plain",
            "q\"uote",
            "back\\slash",
            "tab\tnl\n",
            "\u0001\u001f\u007f",
            "é ✓ 😀",
            "</script>")) {
      JsonNode ours = JsonTrees.SCHEMA.read(PLAIN.writeValueAsString(s));
      JsonNode theirs = PLAIN.getNodeFactory().stringNode(s);
      assertEquals(theirs.toString(), ours.toString(), s);
      assertEquals(theirs, ours);
      assertEquals(ours, theirs);
      assertEquals(theirs.hashCode(), ours.hashCode());
    }
  }

  @ParameterizedTest
  @MethodSource("nesting")
  void deepNestingIsTheParsersLimitNotAStackOverflow(JsonTrees trees) {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    JacksonException e = assertThrows(JacksonException.class, () -> trees.read(deep));
    assertInstanceOf(tools.jackson.core.exc.StreamConstraintsException.class, e);
  }

  static Stream<JsonTrees> nesting() {
    return Stream.of(JsonTrees.values());
  }
}
