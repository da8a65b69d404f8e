package dev.stonegarden.render.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.stonegarden.render.service.TestYaml;
import dev.stonegarden.render.testing.Prerequisites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code schema service|values|platform}: the output is the shipped file, byte for byte, and as a
 * schema (compiled afresh from the output, as an editor would) it accepts the seed's service.yaml
 * and rejects each mistake docs/service-yaml.md describes.
 */
class SchemaCommandTest {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Cli.run(
            args,
            new Invocation(
                Path.of("").toAbsolutePath(),
                Map.of(),
                new PrintWriter(out),
                new PrintWriter(err)));
    return new Run(exit, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"service", "values", "platform"})
  void printsTheShippedFileExactly(String kind) throws IOException {
    Path file =
        Path.of(System.getProperty("project.dir", "."))
            .resolve("src/main/resources/dev/stonegarden/render/schema/" + kind + "-v1alpha1.json");
    Run r = run("schema", kind);
    assertEquals(0, r.exit());
    assertEquals("", r.err());
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), r.out());
  }

  @Test
  void unknownKindIsAUsageError() {
    Run r = run("schema", "deployment");
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertTrue(
        r.err().contains("unknown schema \"deployment\": expected service, values or platform"),
        r.err());
  }

  private static Schema printedServiceSchema() {
    Run r = run("schema", "service");
    assertEquals(0, r.exit());
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(TestYaml.json(r.out()));
  }

  private static String seed() throws IOException {
    String text =
        Files.readString(Prerequisites.shared("seed/ENTERPRISE_DESIGN.md"), StandardCharsets.UTF_8);
    int h = text.indexOf("## 🔄 Service Definition Schema");
    assertTrue(h >= 0, "seed section not found");
    int start = text.indexOf("```yaml\n", h) + 8;
    return text.substring(start, text.indexOf("```", start));
  }

  private static List<Error> validate(String yaml) {
    JsonNode tree = TestYaml.tree(yaml);
    return printedServiceSchema().validate(tree);
  }

  /**
   * The seed with {@code from} replaced by {@code to} (which must occur, so a changed seed fails
   * loudly).
   */
  private static String seedWith(String from, String to) throws IOException {
    String seed = seed();
    assertTrue(seed.contains(from), "seed no longer contains: " + from);
    return seed.replace(from, to);
  }

  private static void assertRejectedAt(String yaml, String pointer) {
    List<Error> errors = validate(yaml);
    assertFalse(errors.isEmpty(), "the schema accepted the mistake");
    assertTrue(
        errors.stream().anyMatch(e -> e.getInstanceLocation().toString().equals(pointer)),
        () -> "no error at " + pointer + ": " + errors);
  }

  @Test
  void acceptsTheSeed() throws IOException {
    assertEquals(List.of(), validate(seed()));
  }

  @Test
  void rejectsEnvironmentsAsAMap() throws IOException {
    String yaml =
        seedWith(
            """
          environments:
            - name: dev
              cluster: homelab
              namespace: audiobookshelf-dev
              autoSync: true
        """,
            """
          environments:
            dev:
              cluster: homelab
              namespace: audiobookshelf-dev
              autoSync: true
        """);
    // Keep only the map entry: the rest of the list would no longer be YAML under a map.
    yaml = yaml.substring(0, yaml.indexOf("\n    - name: staging")) + "\n  dependencies: [kafka]\n";
    assertRejectedAt(yaml, "/spec/environments");
  }

  /**
   * One mistake each: the seed with {@code from} replaced by {@code to}, rejected at {@code at}.
   */
  static Stream<Arguments> mistakes() {
    String pause = "- pause: {duration: 10m}\n          - setWeight: 50";
    String threshold = "/spec/environments/2/rollout/analysis/metrics/0/threshold";
    String duration = "/spec/environments/2/rollout/steps/1/pause/duration";
    return Stream.of(
        arguments(
            "unknown key",
            "      autoSync: true\n",
            "      autosync: true\n",
            "/spec/environments/0"),
        arguments("success rate as a ratio", "threshold: 95", "threshold: 0.95", threshold),
        arguments("success rate of one", "threshold: 95", "threshold: 1", threshold),
        arguments("pause in days", pause, pause.replace("10m", "1d"), duration),
        arguments("pause in milliseconds", pause, pause.replace("10m", "500ms"), duration),
        arguments("negative pause", pause, pause.replace("10m", "-10"), duration),
        arguments(
            "availability of 100%",
            "availability: 99.9%", "availability: 100%", "/spec/sla/availability"),
        arguments(
            "availability of zero",
            "availability: 99.9%",
            "availability: 0",
            "/spec/sla/availability"),
        arguments("latency without unit", "latency: 100ms", "latency: 100", "/spec/sla/latency"),
        arguments("missing team", "    team: \"product\"\n", "", "/spec/owner"),
        arguments(
            "name not a DNS label",
            "name: audiobookshelf\n",
            "name: Audiobook_Shelf\n",
            "/metadata/name"),
        arguments(
            "name too long",
            "name: audiobookshelf\n",
            "name: " + "a".repeat(64) + "\n",
            "/metadata/name"),
        arguments(
            "custom metric without query",
            "name: success-rate",
            "name: error-budget",
            "/spec/environments/2/rollout/analysis/metrics/0"),
        arguments(
            "unknown strategy",
            "strategy: canary",
            "strategy: linear",
            "/spec/environments/2/rollout/strategy"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void rejectsTheMistake(String what, String from, String to, String at) throws IOException {
    assertRejectedAt(seedWith(from, to), at);
  }
}
