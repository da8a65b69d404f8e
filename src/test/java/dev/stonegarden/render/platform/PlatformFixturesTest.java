package dev.stonegarden.render.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.DiagnosticPrinter;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.ValuesReader;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import dev.stonegarden.render.yaml.YamlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Focused golden cases of the platform stage alone, in {@code test-fixtures/platform/<case>/}: the
 * case directory is the service directory ({@code service.yaml}, optional {@code platform.yaml},
 * monitoring files), {@code values.yaml} is the environment's, {@code overlay.yaml} stands for the
 * kustomize build of the environment, and {@code case.yaml} says {@code env:} and optionally {@code
 * argoAppNamespace:} / {@code kubeApiVersions:}.
 *
 * <p>{@code expected.yaml} is the stage's output in list order (the lead's renderer sorts
 * afterwards; this test does not), {@code expected.stderr} the diagnostics, one line each, paths
 * relative to the case. {@code -Dupdate -Dtest=PlatformFixturesTest} rewrites them; read every line
 * before committing.
 */
class PlatformFixturesTest {
  static final boolean UPDATE = Boolean.getBoolean("update");

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    Path root = Path.of(System.getProperty("fixtures.dir", "test-fixtures"), "platform");
    Assumptions.assumeTrue(Files.isDirectory(root), "no platform fixtures");
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(root)) {
      cases = dirs.filter(d -> Files.isRegularFile(d.resolve("case.yaml"))).sorted().toList();
    }
    return cases.stream().map(c -> dynamicTest(c.getFileName().toString(), () -> check(c)));
  }

  static void check(Path dir) throws IOException {
    String[] first = run(dir);
    String[] second = run(dir);
    assertEquals(first[0], second[0], "two runs differ");
    assertEquals(first[1], second[1], "two runs differ");
    Path stdout = dir.resolve("expected.yaml");
    Path stderr = dir.resolve("expected.stderr");
    if (UPDATE) {
      write(stdout, first[0]);
      write(stderr, first[1]);
      Assumptions.abort("updated " + dir);
    }
    assertEquals(read(stdout), first[0], dir + ": output");
    assertEquals(read(stderr), first[1], dir + ": diagnostics");
  }

  /** stdout and stderr of the platform stage over the case. */
  static String[] run(Path dir) throws IOException {
    JsonNode spec = Fixtures.YAML.readTree(dir.resolve("case.yaml").toFile());
    DiagnosticPrinter printer = new DiagnosticPrinter(dir, DiagnosticPrinter.Style.COMPACT);
    List<Diagnostic> diagnostics;
    String out = "";
    try {
      PlatformSettings platform =
          Files.exists(dir.resolve("platform.yaml"))
              ? PlatformReader.read(dir.resolve("platform.yaml"))
              : PlatformReader.defaults();
      ServiceSpec service = ServiceReader.read(dir.resolve("service.yaml"), platform);
      ServiceSpec.Environment env = service.environment(spec.get("env").asString()).orElseThrow();
      ResourceList list = new ResourceList();
      for (YamlDocument d :
          YamlReader.readFile(dir.resolve("overlay.yaml"), YamlReader.Options.resources())) {
        if (d.root() instanceof tools.jackson.databind.node.ObjectNode o) {
          list.add(new Resource(o, d.start(), d.sourceMap()));
        }
      }
      PlatformContext ctx =
          new PlatformContext(
              service,
              env,
              platform,
              ValuesReader.read(dir.resolve("values.yaml")),
              text(spec, "argoAppNamespace"),
              text(spec, "kubeApiVersions"),
              dir.resolve("environments").resolve(env.name()),
              SourceFiles.within(dir));
      diagnostics = PlatformStage.apply(ctx, list);
      List<JsonNode> bodies = new ArrayList<>();
      list.forEach(r -> bodies.add(r.body()));
      out = YamlWriter.write(bodies).value();
    } catch (InputException e) {
      diagnostics = e.diagnostics();
    }
    StringBuilder err = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      err.append(printer.format(d)).append('\n');
    }
    return new String[] {out, err.toString()};
  }

  private static String text(JsonNode spec, String key) {
    return spec.get(key) == null ? null : spec.get(key).asString();
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private static void write(Path file, String text) throws IOException {
    if (text.isEmpty()) {
      Files.deleteIfExists(file);
    } else {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
  }
}
