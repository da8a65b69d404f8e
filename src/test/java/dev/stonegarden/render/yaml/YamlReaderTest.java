package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reader behaviour: streams, typing, aliases and merge keys, key checks, positions, errors. */
class YamlReaderTest {
  static final Path FILE = Path.of("test.yaml");

  static List<YamlDocument> read(String text) {
    return YamlReader.read(FILE, text, YamlReader.Options.resources());
  }

  static List<YamlDocument> read(String text, YamlReader.Options options) {
    return YamlReader.read(FILE, text, options);
  }

  static JsonNode one(String text) {
    List<YamlDocument> docs = read(text);
    assertEquals(1, docs.size(), "documents");
    return docs.get(0).root();
  }

  /** The diagnostics of a failing read, as {@code line:column: message}. */
  static List<String> errors(String text, YamlReader.Options options) {
    InputException e = assertThrows(InputException.class, () -> read(text, options));
    return e.diagnostics().stream().map(YamlReaderTest::format).collect(Collectors.toList());
  }

  static List<String> errors(String text) {
    return errors(text, YamlReader.Options.resources());
  }

  static String format(Diagnostic d) {
    SourcePosition at = d.at();
    return at.line() + ":" + at.column() + ": " + d.message();
  }

  static String pos(SourcePosition p) {
    return p.line() + ":" + p.column();
  }

  @Test
  void keepsTheTextOfPlainScalarsAndOfNothingElse() {
    SourceMap m =
        read("a: 0x1F # hex\nb: '0x1F'\nc: !!int 0x1F\nd: &x 1.10\ne: *x\n"
                + "f: {g: 2024-01-01, h: [true]}\n")
            .get(0)
            .sourceMap();
    assertEquals("0x1F", m.plainText("/a"));
    assertNull(m.plainText("/b"), "quoted");
    assertNull(m.plainText("/c"), "tagged");
    assertEquals("1.10", m.plainText("/d"));
    assertNull(m.plainText("/e"), "an alias");
    assertEquals("2024-01-01", m.plainText("/f/g"));
    assertEquals("true", m.plainText("/f/h/0"));
    assertNull(m.plainText("/f/x"), "nothing there: no ancestor's text");
    assertNull(m.plainText("/f"), "a mapping");
  }

  @Test
  void multiDocumentStream() {
    String text =
        "---\n# leading separator\n---\n# only a comment\n---\na: 1\n---\n\n---\nb: 2\n...\n";
    List<YamlDocument> docs = read(text);
    assertEquals(5, docs.size());
    assertTrue(docs.get(0).root().isNull());
    assertTrue(docs.get(1).root().isNull());
    assertEquals("{\"a\":1}", docs.get(2).root().toString());
    assertTrue(docs.get(3).root().isNull());
    assertEquals("{\"b\":2}", docs.get(4).root().toString());
    assertEquals(
        List.of(0, 1, 2, 3, 4),
        docs.stream().map(YamlDocument::index).collect(Collectors.toList()));
    assertEquals("6:1", pos(docs.get(2).start()));
    assertEquals("10:1", pos(docs.get(4).start()));
    assertEquals(FILE, docs.get(4).file());
  }

  @Test
  void emptyAndCommentOnlyFiles() {
    assertEquals(0, read("").size());
    assertEquals(0, read("# nothing here\n# at all\n").size());
  }

  @Test
  void jsonInput() {
    JsonNode n =
        one(
            "{\"kind\": \"List\", \"items\": [{\"n\": \"1\", \"f\": 1.5, \"b\": true, \"z\": null}],\n \"x\":{\"a\":1}}");
    assertEquals(
        "{\"kind\":\"List\",\"items\":[{\"n\":\"1\",\"f\":1.5,\"b\":true,\"z\":null}],\"x\":{\"a\":1}}",
        n.toString());
  }

  @Test
  void scalarsAreTypedByStyleTagAndVersion() {
    String text =
        "a: 0755\nb: '0755'\nc: \"true\"\nd: !!str 1\ne: !!int \"3\"\nf: yes\ng: |\n  x\nh: 2024-01-01\ni: ! 12\n";
    assertEquals(
        "{\"a\":493,\"b\":\"0755\",\"c\":\"true\",\"d\":\"1\",\"e\":3,\"f\":\"yes\",\"g\":\"x\\n\",\"h\":\"2024-01-01T00:00:00Z\",\"i\":12}",
        one(text).toString());
    JsonNode v11 = read(text, YamlReader.Options.kustomization()).get(0).root();
    assertEquals(true, v11.get("f").booleanValue());
    assertEquals("2024-01-01", v11.get("h").stringValue());
  }

  @Test
  void anchorsAliasesAndMergeKeys() {
    String text =
        "base: &base {a: 1, b: 2}\n"
            + "other: &other {b: 20, c: 30, d: 40}\n"
            + "m1:\n  <<: *base\n  b: 3\n"
            + "m2:\n  b: 3\n  <<: [*base, *other]\n"
            + "m3:\n  <<: {x: 1}\n"
            + "m4:\n  \"<<\": 1\n"
            + "list: &l [1, 2]\n"
            + "again: *l\n";
    JsonNode n = one(text);
    assertEquals("{\"b\":3,\"a\":1}", n.get("m1").toString());
    assertEquals("{\"b\":3,\"a\":1,\"c\":30,\"d\":40}", n.get("m2").toString());
    assertEquals("{\"x\":1}", n.get("m3").toString());
    assertEquals("{\"<<\":1}", n.get("m4").toString()); // our own files keep a quoted "<<"
    assertEquals("[1,2]", n.get("again").toString());
  }

  @Test
  void badMergeValues() {
    assertEquals(
        List.of(
            "2:7: expected a mapping or a sequence of mappings as the value of a merge key (<<), found a scalar"),
        errors("m:\n  <<: 1\n"));
    assertEquals(
        List.of("2:8: expected a mapping in the sequence of a merge key (<<), found a sequence"),
        errors("m:\n  <<: [[a]]\n"));
    assertEquals(
        List.of("3:3: mapping key \"<<\" already defined at line 2"),
        errors("m:\n  <<: {a: 1}\n  <<: {b: 1}\n"));
  }

  @Test
  void duplicateKeys() {
    assertEquals(
        List.of("7:3: mapping key \"a\" already defined at line 6"),
        errors(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup-keys\ndata:\n  a: first\n  a: second\n"));
    assertEquals(
        List.of("2:1: mapping key \"a\" already defined at line 1"), errors("a: 1\n\"a\": 2\n"));
    JsonNode last = read("a: 1\nb: 2\na: 3\n", YamlReader.Options.kustomization()).get(0).root();
    assertEquals("{\"a\":3,\"b\":2}", last.toString());
  }

  @Test
  void nonStringKeys() {
    assertEquals(
        List.of(
            "2:1: expected a string as mapping key, found the boolean true; quote the key (\"true\")"),
        errors("a: 1\ntrue: x\n"));
    assertEquals(
        List.of(
            "1:2: expected a string as mapping key, found the integer 1; quote the key (\"1\")",
            "1:8: expected a string as mapping key, found null ~; quote the key (\"~\")"),
        errors("{1: a, ~: b}"));
    JsonNode s =
        read(
                "1: a\ntrue: b\n1.5: c\nyes: d\n0x10: e\n2024-01-01: f\n",
                YamlReader.Options.kustomization())
            .get(0)
            .root();
    assertEquals(
        "{\"1\":\"a\",\"true\":\"d\",\"1.5\":\"c\",\"16\":\"e\",\"2024-01-01\":\"f\"}",
        s.toString());
    assertEquals("{\"1\":\"a\"}", one("\"1\": a\n").toString());
    assertEquals("{\"1\":\"a\"}", one("!!str 1: a\n").toString());
  }

  @Test
  void sourcePositions() {
    String text =
        "apiVersion: apps/v1\n"
            + "kind: Deployment\n"
            + "spec:\n"
            + "  template:\n"
            + "    spec:\n"
            + "      containers:\n"
            + "      - name: web\n"
            + "        image: web:1\n"
            + "metadata: {name: x, \"a/b~c\": y}\n";
    YamlDocument d = read(text).get(0);
    assertEquals("8:16", pos(d.positionOf("/spec/template/spec/containers/0/image")));
    assertEquals("8:9", pos(d.sourceMap().keyPosition("/spec/template/spec/containers/0/image")));
    assertEquals("7:9", pos(d.positionOf("/spec/template/spec/containers/0")));
    assertEquals("7:15", pos(d.positionOf("/spec/template/spec/containers/0/name")));
    assertEquals("1:13", pos(d.positionOf("/apiVersion")));
    assertEquals("9:30", pos(d.positionOf("/metadata/a~1b~0c")));
    assertEquals("9:21", pos(d.sourceMap().keyPosition("/metadata/a~1b~0c")));
    assertEquals("9:11", pos(d.positionOf("/metadata")));
    assertEquals("1:1", pos(d.positionOf("")));
  }

  @Test
  void malformedYaml() {
    assertEquals(
        List.of("6:6: the flow sequence is not closed: expected ',' or ']', but got end of file"),
        errors("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\ndata:\n  a: [unclosed\n"));
    List<String> e = errors("a: b\n c: d\n");
    assertEquals(1, e.size());
    assertTrue(e.get(0).startsWith("2:3: "), e.get(0));
    assertTrue(errors("a: *nope\n").get(0).startsWith("1:4: unknown anchor 'nope'"));
  }

  @Test
  void crlfAndBom() {
    YamlDocument d = read("\uFEFFa: 1\r\nb:\r\n  c: |\r\n    x\r\n    y\r\n").get(0);
    assertEquals("{\"a\":1,\"b\":{\"c\":\"x\\ny\\n\"}}", d.root().toString());
    assertEquals("3:6", pos(d.positionOf("/b/c")));
  }

  @Test
  void tabsAfterAColonAreSeparatorsAsInGoYaml() {
    // argo-cd's kustomize-guestbook has "metadata:<TAB>"; go-yaml accepts it, snakeyaml-engine not.
    assertEquals(
        "{\"metadata\":{\"name\":\"x\"},\"a\":\"b\"}",
        one("metadata:\t\n  name: x\t\na:\tb\n").toString());
    assertEquals("{\"a\":\"x\\ty\\n\"}", one("a: |\n  x\ty\n").toString());
    // Tab-indented JSON, and tabs inside flow collections (checked with kubectl kustomize).
    assertEquals(
        "{\"metadata\":{\"name\":\"t\"},\"a\":[1,\"q r\",{\"b\":2}]}",
        one("{\n\t\"metadata\": {\n\t\t\"name\": \"t\"\n\t},\n\t\"a\": [\n\t\t1,\n\t\t\"q\n\t\t\tr\",\n\t\t{\"b\":\t\t2}\n\t]\n}\n")
            .toString());
    assertEquals(
        "{\"k\":{\"x\":{\"a\":1},\"y\":[2]}}",
        one("k:\n  x: {\n\t\t\"a\": 1}\n  y: [\n\t\t2]\n").toString());
    // Tabs that indent stay errors, as in go-yaml.
    assertEquals(
        List.of(
            "2:1: found a tab character that cannot start any token (tabs cannot be used for indentation)"),
        errors("a:\n\t- b\n"));
    assertEquals(
        List.of(
            "2:2: found a tab character that cannot start any token (tabs cannot be used for indentation)"),
        errors("a:\n-\tx\n"));
  }

  @Test
  void syntaxErrorMessages() {
    assertEquals(
        List.of(
            "2:3: mapping values are not allowed here (check the indentation, or quote a value that contains ': ')"),
        errors("a: b\n c: d\n"));
    assertEquals(
        List.of("1:4: the quoted scalar is not closed: found unexpected end of file"),
        errors("a: \"x\n"));
    assertEquals(
        List.of("1:4: found character '@' that cannot start any token (quote the value)"),
        errors("a: @b\n"));
    assertEquals(
        List.of("1:5: found a character that YAML does not allow (U+0001)"),
        errors("a: b\u0001c\n"));
    assertEquals(List.of("1:4: cannot decode !!str scalar as !!int"), errors("a: !!int x\n"));
    assertEquals(
        List.of("0:0: unsupported YAML version in the %YAML directive, expected 1.1 or 1.2"),
        errors("%YAML 2.0\n---\na: 1\n"));
  }

  @Test
  void positionsThroughAliasesAndMergeKeys() {
    String text =
        "labels: &labels\n"
            + "  app: web\n"
            + "  tier: front\n"
            + "selector: *labels\n"
            + "pod:\n"
            + "  <<: *labels\n"
            + "  extra: x\n";
    YamlDocument d = read(text).get(0);
    assertEquals("4:11", pos(d.positionOf("/selector"))); // the alias itself
    assertEquals("2:8", pos(d.positionOf("/selector/app"))); // inside it: the anchored definition
    assertEquals("3:9", pos(d.positionOf("/pod/tier"))); // merged from the anchor
    assertEquals("3:3", pos(d.sourceMap().keyPosition("/pod/tier")));
    assertEquals("7:10", pos(d.positionOf("/pod/extra")));
    assertEquals("7:10", pos(d.positionOf("/pod/extra/not/there"))); // nearest recorded ancestor
    assertEquals(
        "6:3",
        pos(d.positionOf("/pod/missing"))); // falls back to /pod, whose mapping starts at 6:3
  }

  @Test
  void lastWinsWithMergeKeysAndStringifiedKeys() {
    YamlReader.Options k = YamlReader.Options.kustomization();
    JsonNode n =
        read("m: &m {a: 1}\nx:\n  <<: *m\n  b: 1\n  b: 2\n  1: one\n  \"1\": uno\n", k)
            .get(0)
            .root();
    assertEquals(one("{\"a\": 1, \"b\": 2, \"1\": \"uno\"}"), n.get("x"));
    YamlDocument d = read("a: 1\nb: 2\na: 3\n", k).get(0);
    assertEquals("3:4", pos(d.positionOf("/a")));
  }

  @Test
  void mergeKeysByVersion() {
    String text = "m: &m {a: merged, b: mb}\np: {a: explicit, <<: *m}\nq: {<<: *m, a: explicit}\n";
    JsonNode explicitWins = one("{\"a\": \"explicit\", \"b\": \"mb\"}");
    JsonNode v3 = one(text);
    assertEquals(explicitWins, v3.get("p"));
    assertEquals(explicitWins, v3.get("q"));
    JsonNode v2 = read(text, YamlReader.Options.kustomization()).get(0).root();
    assertEquals(
        one("{\"a\": \"merged\", \"b\": \"mb\"}"), v2.get("p")); // go-yaml v2 merges in place
    assertEquals(explicitWins, v2.get("q"));
  }

  @Test
  void directivesAtTheTopOfAResourceFileAreRefusedAsKustomizeDoes() {
    // kubectl kustomize: test-fixtures/yaml/differential/yaml-directive
    assertEquals(
        List.of(
            "1:1: did not find expected <document start> (kustomize reads each document of a"
                + " resource file without the directives before its '---')"),
        errors("%YAML 1.1\n---\na: 1\n", YamlReader.Options.kustomizeResources()));
    assertEquals(
        List.of("2:1: found incompatible YAML document (kustomize reads YAML 1.1 directives only)"),
        errors("# c\n%YAML 1.2\n---\na: 1\n", YamlReader.Options.kustomizeResources()));
    assertEquals(one("{\"a\": 1}"), one("%YAML 1.1\n---\na: 1\n")); // our own files may have one
  }

  @Test
  void lineAndParagraphSeparatorEscapesAreReadAsGoYamlReadsThem() {
    // kubectl kustomize: test-fixtures/yaml/differential/line-separator-escapes
    JsonNode n = one("a: \"x\\Ly\\Pz\"\nb: [\"\\L\", \"\\P\\P\"]\n");
    assertEquals("x\u2028y\u2029z", n.get("a").stringValue());
    assertEquals("[\"\u2028\",\"\u2029\u2029\"]", n.get("b").toString());
  }

  @Test
  void escapedSurrogatesAreRefusedAsGoYamlRefusesThem() {
    // kubectl kustomize: test-fixtures/yaml/differential/escaped-surrogates
    String message =
        "found invalid Unicode character escape code (an escaped UTF-16 surrogate; write the"
            + " character itself or its \\U escape)";
    assertEquals(
        List.of("1:4: " + message),
        errors("a: \"x \\ud83d\\ude00\"\n", YamlReader.Options.resources()));
    assertEquals(
        List.of("1:4: " + message), errors("a: \"\\U0000DC00\"\n", YamlReader.Options.resources()));
    assertEquals("\uD83D\uDE00", one("a: \"\\U0001F600\"\n").get("a").stringValue());
    assertEquals(
        "\\ud83d", one("a: \"\\\\ud83d\"\n").get("a").stringValue()); // an escaped backslash
  }

  @Test
  void anEmojiAtTheEngineBufferBoundaryIsRead() {
    // snakeyaml-engine 3.0.1 read past its buffer when a read ended with a high surrogate (here
    // at index 1024, the end of its first 1025-character read): an internal error, not a value.
    for (int pad = 1015; pad < 1030; pad++) {
      String value = "x".repeat(pad) + "\uD83D\uDE00";
      assertEquals(value, one("k: " + value + "\n").get("k").stringValue(), "pad " + pad);
    }
  }

  @Test
  void firstQuotedMergeTextKeyIsDroppedAsKyamlDeAnchorDoes() {
    // kubectl kustomize: test-fixtures/yaml/differential/quoted-merge-key
    String text = "m: &m {from: m}\ndropped: {\"<<\": q, kept: x}\nafter: {<<: *m, '<<': stays}\n";
    JsonNode v3 = read(text, YamlReader.Options.kustomizeResources()).get(0).root();
    assertEquals(one("{\"kept\": \"x\"}"), v3.get("dropped"));
    assertEquals("{\"<<\":\"stays\",\"from\":\"m\"}", v3.get("after").toString());
    JsonNode v2 = read(text, YamlReader.Options.kustomization()).get(0).root();
    assertEquals("{\"<<\":\"q\",\"kept\":\"x\"}", v2.get("dropped").toString()); // v2 keeps it
  }

  @Test
  void foldedScalarsAsKustomizeRoundTripsThem() {
    // Values confirmed with kubectl kustomize (see YamlReaderOracleTest).
    String text =
        "b: >\n  a\n\n    b\n  c\nc: >2\n    lead\n  x\n    y\ne: >\n  trailing \n    more\nf: >-\n  p\n    q\n"
            + "k: >+\n  a\n\n";
    JsonNode n = one(text);
    assertEquals("a\n\n\n  b\nc\n", n.get("b").stringValue());
    assertEquals("  lead\nx\n  y\n", n.get("c").stringValue());
    assertEquals("trailing \n  more\n", n.get("e").stringValue());
    assertEquals("p\n\n  q", n.get("f").stringValue());
    assertEquals("a\n\n\n", n.get("k").stringValue());
    JsonNode asWritten = read(text, YamlReader.Options.files()).get(0).root();
    assertEquals("p\n  q", asWritten.get("f").stringValue());
    assertEquals("a\n\n", asWritten.get("k").stringValue());
  }

  @Test
  void goYamlSyntaxRulesThatSnakeyamlDoesNotHave() {
    // All checked with kubectl kustomize.
    assertEquals(
        List.of(
            "1:4: expected only letters, digits, '-' and '_' in the anchor name 'a:b', found ':'"),
        errors("a: &a:b x\nb: *a:b\n"));
    assertEquals(
        List.of(
            "1:4: found unknown escape character '\\/' in a double-quoted scalar (write '/' alone)"),
        errors("a: \"http:\\/\\/x\"\n"));
    assertEquals(
        "{\"a\":\"x\\\\/y\"}",
        one("a: \"x\\\\/y\"\n").toString()); // an escaped backslash, then '/'
    assertEquals("{\"a\":\"x\\\\/y\"}", one("a: 'x\\/y'\n").toString());
    assertEquals(
        List.of("1:1: expected a string as mapping key, found an empty (null) key"),
        errors("!!null : x\n"));
  }

  @Test
  void emptyValuesInFlowCollectionsAreEmptyStringsAfterKustomizesRoundTrip() {
    JsonNode n = one("a: {b, c: , d: ~}\ne: [{f: }]\ng:\nh: {i: null}\n");
    assertEquals(
        "{\"a\":{\"b\":\"\",\"c\":\"\",\"d\":null},\"e\":[{\"f\":\"\"}],\"g\":null,\"h\":{\"i\":null}}",
        n.toString());
    JsonNode k = read("a: {b, c: }\n", YamlReader.Options.kustomization()).get(0).root();
    assertEquals("{\"a\":{\"b\":null,\"c\":null}}", k.toString());
  }
}
