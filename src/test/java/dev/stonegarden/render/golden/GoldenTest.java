package dev.stonegarden.render.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case under {@code test-fixtures/generate/} in process and compares stdout, stderr and the exit
 * code byte for byte. Each case is rendered twice, the second time under another locale and time
 * zone: the two runs must be identical (hidden state, locale-sensitive formatting).
 *
 * <p>{@code ./mvnw test -Dtest=GoldenTest -Dupdate} rewrites the expectations (refused when {@code
 * CI} is set); read every changed file before committing it.
 */
class GoldenTest {
  /** The end-to-end cases; other folders of test-fixtures/ belong to focused tests. */
  static final Path FIXTURES = Path.of(System.getProperty("fixtures.dir", "test-fixtures")).resolve("generate");
  static final boolean UPDATE = System.getProperty("update") != null;

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    if (UPDATE && System.getenv("CI") != null) {
      throw new IllegalStateException("-Dupdate is refused when CI is set: expectations are written by people");
    }
    String only = System.getProperty("case");
    List<GoldenCase> cases = GoldenCase.discover(FIXTURES);
    assertFalse(cases.isEmpty(), "no golden cases under " + FIXTURES.toAbsolutePath());
    return cases.stream()
        .filter(c -> only == null || c.name().contains(only))
        .map(c -> dynamicTest(c.name(), c.dir().toUri(), () -> check(c)));
  }

  static void check(GoldenCase c) throws IOException {
    assertTrue(Files.isDirectory(c.workingDirectory()), c.name() + ": no directory " + c.workingDirectory());
    GoldenCase.Run first = c.run();
    GoldenCase.Run second = underOtherLocale(c);
    assertEquals(first, second, c.name() + ": two renders differ (hidden state, locale or time zone?)");
    if (UPDATE) {
      c.update(first);
      Assumptions.abort("updated " + c.name() + ": read the changed files before committing");
    }
    assertEquals(c.expected(GoldenCase.EXPECTED_STDOUT), first.stdout(),
        c.name() + ": stdout (accept a change with: ./mvnw test -Dtest=GoldenTest -Dupdate -Dcase=" + c.name() + ")");
    assertEquals(c.expected(GoldenCase.EXPECTED_STDERR), first.stderr(), c.name() + ": stderr");
    assertEquals(c.exit(), first.exit(), c.name() + ": exit code");
    if (first.exit() != 0) {
      assertEquals("", first.stdout(), c.name() + ": a failed run must print nothing on stdout");
    }
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
