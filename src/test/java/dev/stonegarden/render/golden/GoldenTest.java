package dev.stonegarden.render.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.stonegarden.render.testing.Prerequisites;
import dev.stonegarden.render.testing.UpstreamSchemas;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every case under {@code test-fixtures/generate/} in process and compares stdout, stderr and
 * the exit code byte for byte. Each case is rendered twice, the second time under another locale
 * and time zone: the two runs must be identical (hidden state, locale-sensitive formatting).
 *
 * <p>{@code ./mvnw test -Dtest=GoldenTest -Dupdate} rewrites the expectations (refused when {@code
 * CI} is set); read every changed file before committing it.
 */
class GoldenTest {
  /** The end-to-end cases; other folders of test-fixtures/ belong to focused tests. */
  static final Path FIXTURES =
      Path.of(System.getProperty("fixtures.dir", "test-fixtures")).resolve("generate");

  static final boolean UPDATE = System.getProperty("update") != null;
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    if (UPDATE && Prerequisites.underCi()) {
      throw new IllegalStateException(
          "-Dupdate is refused when CI is set: expectations are written by people");
    }
    String only = System.getProperty("case");
    List<GoldenCase> cases = GoldenCase.discover(FIXTURES);
    assertFalse(cases.isEmpty(), "no golden cases under " + FIXTURES.toAbsolutePath());
    return cases.stream()
        .filter(c -> only == null || c.name().contains(only))
        .map(c -> dynamicTest(c.name(), c.dir().toUri(), () -> check(c)));
  }

  static void check(GoldenCase c) throws IOException {
    assertTrue(
        Files.isDirectory(c.workingDirectory()),
        c.name() + ": no directory " + c.workingDirectory());
    GoldenCase.Run first = c.run();
    GoldenCase.Run second = underOtherLocale(c);
    assertEquals(
        first, second, c.name() + ": two renders differ (hidden state, locale or time zone?)");
    if (UPDATE) {
      c.update(first);
      Assumptions.abort("updated " + c.name() + ": read the changed files before committing");
    }
    assertEquals(
        c.expected(GoldenCase.EXPECTED_STDOUT),
        first.stdout(),
        c.name()
            + ": stdout (accept a change with: ./mvnw test -Dtest=GoldenTest -Dupdate -Dcase="
            + c.name()
            + ")");
    assertEquals(c.expected(GoldenCase.EXPECTED_STDERR), first.stderr(), c.name() + ": stderr");
    assertEquals(c.exit(), first.exit(), c.name() + ": exit code");
    // diff prints its report with differences (exit 1) and beside failed renders (exit 3).
    if (first.exit() != 0 && !c.args().get(0).equals("diff")) {
      assertEquals("", first.stdout(), c.name() + ": a failed run must print nothing on stdout");
    }
  }

  /**
   * Every object a case is expected to print must be valid for the cluster (the render's output
   * equals it, by {@link #cases}): checked against the upstream Kubernetes OpenAPI and CRD schemas,
   * unknown fields included. A separate test, so the byte comparison above needs no shared data.
   */
  @TestFactory
  Stream<DynamicTest> expectedOutputsValidateUpstream() throws IOException {
    return GoldenCase.discover(FIXTURES).stream()
        .map(
            c ->
                dynamicTest(
                    c.name(),
                    c.dir().toUri(),
                    () ->
                        validateAgainstUpstreamSchemas(c, c.expected(GoldenCase.EXPECTED_STDOUT))));
  }

  static void validateAgainstUpstreamSchemas(GoldenCase c, String stdout) {
    if (stdout.isEmpty() || c.args().get(0).equals("diff")) {
      return; // nothing printed, or a diff report (not manifests)
    }
    UpstreamSchemas schemas = UpstreamSchemas.require();
    List<JsonNode> objects = new ArrayList<>();
    if (stdout.startsWith("{")) {
      for (String line : stdout.split("\n")) {
        objects.add(JSON.readTree(line));
      }
    } else {
      for (YamlDocument d :
          YamlReader.read(Path.of(c.name()), stdout, YamlReader.Options.resources())) {
        objects.add(d.root());
      }
    }
    List<String> problems = new ArrayList<>();
    for (JsonNode o : objects) {
      String apiVersion = o.path("apiVersion").asString("");
      String kind = o.path("kind").asString("");
      assertTrue(
          schemas.knows(apiVersion, kind),
          c.name() + ": no upstream schema for " + apiVersion + " " + kind);
      for (String problem : schemas.validate(o)) {
        problems.add(kind + " " + o.path("metadata").path("name").asString("") + ": " + problem);
      }
    }
    assertEquals(List.of(), problems, c.name() + ": objects the upstream schemas reject");
  }

  private static GoldenCase.Run underOtherLocale(GoldenCase c) {
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
      return c.run();
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }
}
