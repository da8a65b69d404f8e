package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Layout, quoting and folding decisions of the writer (docs/kustomize.md#output-format). */
class YamlWriterTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static String value(JsonNode v) {
    return written(v).value();
  }

  private static Checked<String> written(JsonNode v) {
    ObjectNode o = F.objectNode();
    o.set("k", v);
    return YamlWriter.write(List.of(o));
  }

  private static Checked<String> written(String s) {
    return written(F.stringNode(s));
  }

  private static String value(String s) {
    return value(F.stringNode(s));
  }

  @Test
  void emptyListPrintsNothing() {
    assertEquals("", YamlWriter.write(List.of()).value());
  }

  @Test
  void documentsAreJoinedWithSeparatorLines() {
    ObjectNode a = F.objectNode().put("a", 1);
    ObjectNode b = F.objectNode().put("b", 2);
    assertEquals("a: 1\n---\nb: 2\n", YamlWriter.write(List.of(a, b)).value());
    StringBuilder out = new StringBuilder();
    YamlWriter.write(a, out).value();
    assertEquals("a: 1\n", out.toString());
  }

  @Test
  void blockLayout() {
    ObjectNode root = F.objectNode();
    ObjectNode spec = root.putObject("spec");
    ArrayNode containers = spec.putArray("containers");
    ObjectNode c = containers.addObject();
    c.put("name", "app").put("image", "nginx:1.25");
    c.putArray("args").add("-v").add("--x");
    ArrayNode nested = spec.putArray("nested");
    nested.addArray().add("a").add("b");
    nested.addArray();
    nested.addObject();
    nested.addNull();
    spec.putObject("empty");
    spec.putArray("none");
    spec.putNull("nothing");
    assertEquals(
        "spec:\n"
            + "  containers:\n"
            + "  - args:\n"
            + "    - -v\n"
            + "    - --x\n"
            + "    image: nginx:1.25\n"
            + "    name: app\n"
            + "  empty: {}\n"
            + "  nested:\n"
            + "  - - a\n"
            + "    - b\n"
            + "  - []\n"
            + "  - {}\n"
            + "  - null\n"
            + "  none: []\n"
            + "  nothing: null\n",
        YamlWriter.write(List.of(root)).value());
  }

  @Test
  void rootCollectionsAndScalars() {
    assertEquals("{}\n", YamlWriter.write(List.of(F.objectNode())).value());
    assertEquals("[]\n", YamlWriter.write(List.of(F.arrayNode())).value());
    assertEquals("- a\n- 1\n", YamlWriter.write(List.of(F.arrayNode().add("a").add(1))).value());
    assertEquals("null\n", YamlWriter.write(List.of(F.nullNode())).value());
    assertEquals("abc\n", YamlWriter.write(List.of(F.stringNode("abc"))).value());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // rule 2: would read back as something else under YAML 1.1 → double quotes
        "1|k: \"1\"",
        "1.5|k: \"1.5\"",
        "1e3|k: \"1e3\"",
        "0x1F|k: \"0x1F\"",
        "0755|k: \"0755\"",
        "+1|k: \"+1\"",
        ".5|k: \".5\"",
        ".inf|k: \".inf\"",
        "true|k: \"true\"",
        "yes|k: \"yes\"",
        "no|k: \"no\"",
        "on|k: \"on\"",
        "OFF|k: \"OFF\"",
        "y|k: \"y\"",
        "n|k: \"n\"",
        "Y|k: \"Y\"",
        "null|k: \"null\"",
        "~|k: \"~\"",
        "2024-01-01|k: \"2024-01-01\"",
        "2024-01-01T00:00:00Z|k: \"2024-01-01T00:00:00Z\"",
        "12:30|k: \"12:30\"",
        "1:20:30|k: \"1:20:30\"",
        "08|k: \"08\"",
        "1_000|k: \"1_000\"",
        "0b101|k: \"0b101\"",
        "0o17|k: \"0o17\"",
        // ... but not these
        "2024-13-01|k: 2024-13-01",
        "2024-01-01T10:20:30|k: 2024-01-01T10:20:30",
        "1:60|k: 1:60",
        "nan|k: nan",
        "Yes please|k: Yes please",
        "0x|k: 0x",
        "1.2.3|k: 1.2.3",
        "v1.2.3|k: v1.2.3",
        // rule 3: the emitter's analysis forbids plain → single quotes
        "*x|k: '*x'",
        "a: b|k: 'a: b'",
        "a #b|k: 'a #b'",
        "@daily|k: '@daily'",
        "#checkout-oncall|k: '#checkout-oncall'",
        "- x|k: '- x'",
        "a:|k: 'a:'",
        "---|k: '---'",
        "...|k: '...'",
        "!x|k: '!x'",
        "&x|k: '&x'",
        "%x|k: '%x'",
        "`x|k: '`x'",
        "[x|k: '[x'",
        "{x|k: '{x'",
        ">x|k: '>x'",
        "\"x|k: '\"x'",
        // plain is fine
        "a:b|k: a:b",
        "a#b|k: a#b",
        "-x|k: -x",
        "?x|k: ?x",
        ":x|k: :x",
        ":|k: ':'",
        "-|k: '-'",
        "a,b|k: a,b",
        "=|k: =",
        "<<|k: <<",
        "C:\\path|k: C:\\path",
        "it's \"quoted\"|k: it's \"quoted\"",
        "a[b]{c}|k: a[b]{c}",
        "café|k: café",
        "日本|k: 日本",
      })
  void quoting(String input, String expectedLine) {
    assertEquals(expectedLine + "\n", value(input));
  }

  @Test
  void quotingOfSpacesAndQuotes() {
    assertEquals("k: ' x'\n", value(" x"));
    assertEquals("k: 'x '\n", value("x "));
    assertEquals("k: ' '\n", value(" "));
    assertEquals("k: '''x'''\n", value("'x'"));
    assertEquals("k: \"\"\n", value(""));
    assertEquals("k: \"\\t\"\n", value("\t"));
  }

  @Test
  void specialCharactersAreEscapedInDoubleQuotes() {
    assertEquals("k: \"smile \\U0001F600\"\n", value("smile \uD83D\uDE00"));
    assertEquals("k: \"a\\x01b\"\n", value("a\u0001b"));
    assertEquals("k: \"a\\0b\"\n", value("a\u0000b"));
    assertEquals("k: \"a\\eb\"\n", value("a\u001Bb"));
    assertEquals("k: \"x\\uFEFFy\"\n", value("x\uFEFFy"));
    // go-yaml checks for a BOM at the start of the value, not at each position
    assertEquals("k: \"\\uFEFF\\x62\\x6F\\x6D\"\n", value("\uFEFFbom"));
    assertEquals("k: a\u00A0b\n", value("a\u00A0b"));
  }

  @Test
  void lineSeparatorIsWrittenRawInSingleQuotes() {
    // case 145: the break is written raw and the next line indented
    assertEquals("k: 'a\u2028  b'\n", value("a\u2028b"));
  }

  @Test
  void rawNextLineIsFoldedByTheJsonHop() {
    assertEquals("k: a b\n", value("a\u0085b"));
    assertEquals("k: |-\n  a\n  b\n", value("a\u0085\u0085b"));
    assertEquals("k: 'a '\n", value("a\u0085"));
    assertEquals("k: a b\n", value("a  \u0085  b"));
  }

  @Test
  void controlCharactersGoYamlRejectsFailTheBuild() {
    for (String s : new String[] {"a\u007Fb", "a\u0080b", "a\u009Fb", "\uFFFE", "\uFFFF"}) {
      assertEquals("yaml: control characters are not allowed", written(s).problem().message());
    }
  }

  @Test
  void keysThatCannotBeSimpleKeysInTheJsonHopFailTheBuild() {
    ObjectNode nel = F.objectNode().put("a\u0085b", 1);
    assertEquals(
        "yaml: did not find expected ',' or '}'",
        YamlWriter.write(List.of(nel)).problem().message());
    // JSON-escaped length limit: 1022 characters pass, 1023 fail; '<' counts 6 (Go writes \u003c)
    ObjectNode fits = F.objectNode().put("k".repeat(1022), 1);
    assertEquals("? " + "k".repeat(1022) + "\n: 1\n", YamlWriter.write(List.of(fits)).value());
    ObjectNode tooLong = F.objectNode().put("k".repeat(1023), 1);
    assertFalse(YamlWriter.write(List.of(tooLong)).ok());
    ObjectNode escaped = F.objectNode().put("a".repeat(1020) + "<", 1);
    assertFalse(YamlWriter.write(List.of(escaped)).ok());
  }

  @Test
  void nextLineBeforeADocumentMarkerFailsTheBuild() {
    assertEquals(
        "yaml: found unexpected document indicator", written("a\u0085--- b").problem().message());
    assertFalse(written("\u0085--- x").ok());
    assertFalse(written("a\u0085...\u0085b").ok());
    // all checked with kubectl: no blank after the marker, or the string ends there
    assertEquals("k: a ---b\n", value("a\u0085---b"));
    assertEquals("k: a ---\n", value("a\u0085---"));
    assertEquals("k: ' ---'\n", value("\u0085---"));
  }

  @Test
  void loneSurrogatesBecomeReplacementCharacters() {
    assertEquals("k: a\uFFFDb\n", value("a\uD800b"));
  }

  @Test
  void literalBlocks() {
    assertEquals("k: |\n  a\n  b\n", value("a\nb\n"));
    assertEquals("k: |-\n  a\n  b\n", value("a\nb"));
    assertEquals("k: |+\n  a\n  b\n\n", value("a\nb\n\n"));
    assertEquals("k: |2\n    x\n  y\n", value("  x\ny\n"));
    assertEquals("k: |2\n\n  abc\n", value("\nabc\n"));
    assertEquals("k: |2+\n\n", value("\n"));
    assertEquals("k: |-\n  a\n\n  b\n", value("a\n\nb"));
    // not representable as a literal block → double quotes
    assertEquals("k: \"line \\nnext\\n\"\n", value("line \nnext\n"));
    assertEquals("k: \"a\\tb\\nc\\n\"\n", value("a\tb\nc\n"));
    assertEquals("k: \"a\\r\\nb\\r\\n\"\n", value("a\r\nb\r\n"));
  }

  @Test
  void literalBlocksAreNeverFolded() {
    String line = "word ".repeat(30).trim();
    assertEquals("k: |\n  " + line + "\n", value(line + "\n"));
  }

  @Test
  void multilineKeys() {
    ObjectNode o = F.objectNode();
    o.put("a\nb", "v");
    assertEquals("? |-\n  a\n  b\n: v\n", YamlWriter.write(List.of(o)).value());
  }

  @Test
  void keysAreQuotedByTheSameRules() {
    ObjectNode o = F.objectNode();
    o.put("y", 1).put("on", 2).put("1", 3).put("", 4).put("a: b", 5).put("a b", 6);
    assertEquals(
        "\"\": 4\n\"1\": 3\na b: 6\n'a: b': 5\n\"on\": 2\n\"y\": 1\n",
        YamlWriter.write(List.of(o)).value());
  }

  @Test
  void keysLongerThan128BytesAreComplexKeys() {
    ObjectNode o = F.objectNode();
    o.put("k".repeat(128), "fits");
    o.put("l".repeat(129), "long");
    o.putObject("m".repeat(129)).put("x", 1);
    assertEquals(
        "k".repeat(128)
            + ": fits\n? "
            + "l".repeat(129)
            + "\n: long\n? "
            + "m".repeat(129)
            + "\n: x: 1\n",
        YamlWriter.write(List.of(o)).value());
    ObjectNode u = F.objectNode();
    u.put("é".repeat(65), "two-byte characters count twice");
    assertEquals(
        "? " + "é".repeat(65) + "\n: two-byte characters count twice\n",
        YamlWriter.write(List.of(u)).value());
  }

  @Test
  void foldingAtEightyColumns() {
    String words =
        "lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor"
            + " incididunt ut labore et dolore magna aliqua.";
    assertEquals(
        "k: lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n"
            + "  incididunt ut labore et dolore magna aliqua.\n",
        value(words));
    assertEquals(
        "k: '#lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n"
            + "  incididunt ut labore et dolore magna aliqua.'\n",
        value("#" + words));
    assertEquals(
        "k: \"\\tlorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n"
            + "  incididunt ut labore et dolore magna aliqua.\"\n",
        value("\t" + words));
    // a double-quoted break before a second space: the first becomes the break, the second is
    // escaped so that it is not taken for indentation
    assertEquals(
        "k: \"\\t" + "x".repeat(80) + "\n  \\ y\"\n", value("\t" + "x".repeat(80) + "  y"));
    // no spaces: never folded
    String long1 = "x".repeat(200);
    assertEquals("k: " + long1 + "\n", value(long1));
    // keys are never folded
    ObjectNode o = F.objectNode();
    o.put(words.substring(0, 99), "v");
    assertEquals(words.substring(0, 99) + ": v\n", YamlWriter.write(List.of(o)).value());
  }

  @Test
  void foldingInsideSequencesIndentsUnderTheItem() {
    String words = "aaaa ".repeat(25).trim();
    ArrayNode a = F.arrayNode().add(words);
    ObjectNode root = F.objectNode();
    root.set("list", a);
    String out = YamlWriter.write(List.of(root)).value();
    assertEquals(
        "list:\n- " + "aaaa ".repeat(16).trim() + "\n  " + "aaaa ".repeat(9).trim() + "\n", out);
  }

  @Test
  void numbersBooleansNulls() {
    assertEquals("k: 420\n", value(F.numberNode(420)));
    assertEquals("k: -9223372036854775808\n", value(F.numberNode(Long.MIN_VALUE)));
    assertEquals(
        "k: 18446744073709551615\n", value(F.numberNode(new BigInteger("18446744073709551615"))));
    assertEquals(
        "k: 1.2345678901234568e+29\n",
        value(F.numberNode(new BigInteger("123456789012345678901234567890"))));
    assertEquals("k: 1.1\n", value(F.numberNode(1.10)));
    assertEquals("k: 1\n", value(F.numberNode(1.0)));
    assertEquals("k: 1e+20\n", value(F.numberNode(1e20)));
    assertEquals("k: 1e-07\n", value(F.numberNode(1e-7)));
    assertEquals("k: 0.5\n", value(F.numberNode(new java.math.BigDecimal("0.5"))));
    assertEquals("k: true\n", value(F.booleanNode(true)));
    assertEquals("k: false\n", value(F.booleanNode(false)));
    assertEquals("k: null\n", value(F.nullNode()));
  }

  @Test
  void failuresSayWhere() {
    ObjectNode ok = F.objectNode().put("a", 1);
    ObjectNode bad = F.objectNode();
    bad.putObject("spec").putArray("values").add(1).add(Double.NaN);
    Problem.InDocument e =
        assertInstanceOf(Problem.InDocument.class, YamlWriter.write(List.of(ok, bad)).problem());
    assertEquals("json: unsupported value: NaN", e.message());
    assertEquals(1, e.document());
    assertEquals("/spec/values/1", e.pointer());
    ObjectNode key = F.objectNode();
    key.putObject("data").put("a/\u0085b", "v");
    Problem.InDocument k =
        assertInstanceOf(Problem.InDocument.class, YamlWriter.write(List.of(key)).problem());
    assertEquals(0, k.document());
    assertEquals("/data/a~1\u0085b", k.pointer());
    StringBuilder out = new StringBuilder();
    ObjectNode del = F.objectNode().put("x", "\u007F");
    assertEquals(
        -1,
        assertInstanceOf(Problem.InDocument.class, YamlWriter.write(del, out).problem())
            .document());
  }

  @Test
  void deepNestingDoesNotOverflow() {
    ObjectNode root = F.objectNode();
    ObjectNode o = root;
    for (int i = 0; i < 1000; i++) {
      o = i % 2 == 0 ? o.putObject("k") : o.putArray("l").addObject();
    }
    String out = YamlWriter.write(List.of(root)).value();
    assertEquals(true, out.endsWith("{}\n"));
  }

  @Test
  void nonFiniteFloatsFail() {
    assertEquals(
        "json: unsupported value: +Inf",
        written(F.numberNode(Double.POSITIVE_INFINITY)).problem().message());
  }
}
