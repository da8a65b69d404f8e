package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.stonegarden.render.diag.DiagnosticPrinter;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden cases of {@code test-fixtures/schema}: every {@code valid/*.yaml} reads without
 * errors; every {@code invalid/*.yaml} fails with exactly the stderr of its {@code *.stderr}. The
 * file name's prefix (service-, values-, platform-) picks the reader. {@code -Dupdate} rewrites the
 * goldens and aborts, so an update run never counts as a pass.
 */
class SchemaFixturesTest {
  static final Path FIXTURES =
      Path.of(System.getProperty("fixtures.dir", "test-fixtures")).resolve("schema");
  static final boolean UPDATE = Boolean.getBoolean("update");

  @TestFactory
  Stream<DynamicTest> valid() throws IOException {
    return yamlFiles(FIXTURES.resolve("valid")).stream()
        .map(
            f ->
                dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      Problems warnings = new Problems();
                      read(f, warnings);
                      assertTrue(
                          warnings.all().stream().noneMatch(d -> d.isError()),
                          () -> warnings.all().toString());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> invalid() throws IOException {
    Path dir = FIXTURES.resolve("invalid");
    return yamlFiles(dir).stream()
        .map(
            f ->
                dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      InputException e =
                          assertThrows(InputException.class, () -> read(f, new Problems()));
                      StringWriter err = new StringWriter();
                      new DiagnosticPrinter(dir, DiagnosticPrinter.Style.EXCERPTS)
                          .print(e.diagnostics(), new PrintWriter(err));
                      Path golden =
                          dir.resolve(f.getFileName().toString().replaceAll("\\.yaml$", ".stderr"));
                      if (UPDATE) {
                        Assumptions.assumeTrue(
                            System.getenv("CI") == null, "-Dupdate is not allowed in CI");
                        Files.writeString(golden, err.toString(), StandardCharsets.UTF_8);
                        Assumptions.abort("updated " + golden.getFileName());
                      }
                      assertTrue(
                          Files.exists(golden),
                          "missing golden "
                              + golden.getFileName()
                              + " (write it, or run with -Dupdate and read it line by line)");
                      assertEquals(
                          Files.readString(golden, StandardCharsets.UTF_8),
                          err.toString(),
                          f.getFileName() + ": stderr");
                    }));
  }

  /** Reads a fixture with the reader its name prefix selects. */
  static void read(Path f, Problems warnings) {
    String name = f.getFileName().toString();
    if (name.startsWith("service-")) {
      ServiceReader.read(f, PlatformReader.defaults(), warnings);
    } else if (name.startsWith("values-")) {
      ValuesReader.read(f);
    } else if (name.startsWith("platform-")) {
      PlatformReader.read(f);
    } else {
      throw new AssertionError(
          "fixture name must start with service-, values- or platform-: " + name);
    }
  }

  static List<Path> yamlFiles(Path dir) throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(dir), "no fixtures at " + dir);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
