package dev.stonegarden.render.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.ValuesReader;
import dev.stonegarden.render.testing.UpstreamSchemas;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every environment of every service in {@code examples/} through the real kustomize ({@code
 * kubectl kustomize}, the oracle; skipped when absent) and then the platform stage: no errors, and
 * every object validates against the upstream schemas (unknown fields are errors).
 */
class ExampleRepositoryTest {

  @TestFactory
  Stream<DynamicTest> examples() throws IOException {
    Path root = Path.of(System.getProperty("project.dir", "."), "examples", "kubernetes");
    Assumptions.assumeTrue(Files.isDirectory(root.resolve("services")), "no example repository");
    Assumptions.assumeTrue(kubectl(), "kubectl is not installed");
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> services;
    try (Stream<Path> dirs = Files.list(root.resolve("services"))) {
      services = dirs.filter(d -> Files.isRegularFile(d.resolve("service.yaml"))).sorted().toList();
    }
    for (Path dir : services) {
      PlatformSettings platform = PlatformReader.find(dir, root);
      ServiceSpec service = ServiceReader.read(dir.resolve("service.yaml"), platform);
      for (ServiceSpec.Environment env : service.environments()) {
        tests.add(
            dynamicTest(
                service.name() + "/" + env.name(), () -> check(root, dir, platform, service, env)));
      }
    }
    return tests.stream();
  }

  static void check(
      Path root,
      Path dir,
      PlatformSettings platform,
      ServiceSpec service,
      ServiceSpec.Environment env)
      throws IOException, InterruptedException {
    Path overlay = dir.resolve("environments").resolve(env.name());
    ResourceList list = new ResourceList();
    Path built = Files.createTempFile("kustomize-", ".yaml");
    try {
      Process p =
          new ProcessBuilder("kubectl", "kustomize", overlay.toString())
              .redirectOutput(built.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      Assumptions.assumeTrue(
          p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "kubectl kustomize failed");
      for (YamlDocument d :
          YamlReader.read(
              overlay.resolve("kustomization.yaml"),
              Files.readString(built, StandardCharsets.UTF_8),
              YamlReader.Options.resources())) {
        if (d.root() instanceof ObjectNode o) {
          list.add(new Resource(o, d.start(), d.sourceMap()));
        }
      }
    } finally {
      Files.deleteIfExists(built);
    }
    List<Diagnostic> warnings;
    try {
      warnings =
          PlatformStage.apply(
              new PlatformContext(
                  service,
                  env,
                  platform,
                  ValuesReader.read(overlay.resolve("values.yaml")),
                  null,
                  null,
                  overlay,
                  SourceFiles.bounded(dir, root)),
              list);
    } catch (InputException e) {
      throw new AssertionError("platform stage failed: " + e.diagnostics(), e);
    }
    List<String> problems = new ArrayList<>();
    UpstreamSchemas.get()
        .ifPresent(
            schemas -> {
              for (Resource r : list) {
                if (schemas.knows(r.apiVersion(), r.kind())) {
                  schemas
                      .validate(r.body())
                      .forEach(msg -> problems.add(Nodes.describe(r) + " " + msg));
                }
              }
            });
    assertEquals(List.of(), problems);
    // The seed's canary gate (99.5 %) is looser than its SLO (99.9 %): warned, never an error.
    warnings.forEach(w -> assertEquals(false, w.isError()));
  }

  static boolean kubectl() {
    try {
      Process p =
          new ProcessBuilder("kubectl", "version", "--client")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
