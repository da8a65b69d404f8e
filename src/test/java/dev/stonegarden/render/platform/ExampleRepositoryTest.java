package dev.stonegarden.render.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.kustomize.Kustomizer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.ValuesReader;
import dev.stonegarden.render.testing.Prerequisites;
import dev.stonegarden.render.testing.UpstreamSchemas;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every environment of every service in {@code examples/} through the real kustomize ({@code
 * kubectl kustomize}, the oracle) and then the platform stage: the same manifests and warnings as
 * {@code generate} gives over our own overlay engine, and every object valid upstream (unknown
 * fields are errors).
 */
class ExampleRepositoryTest {

  @TestFactory
  Stream<DynamicTest> examples() throws IOException {
    Path root = Path.of(System.getProperty("project.dir", "."), "examples", "kubernetes");
    assertTrue(Files.isDirectory(root.resolve("services")), "no example repository at " + root);
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> services;
    try (Stream<Path> dirs = Files.list(root.resolve("services"))) {
      services = dirs.filter(d -> Files.isRegularFile(d.resolve("service.yaml"))).sorted().toList();
    }
    assertFalse(services.isEmpty(), "no services in " + root);
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

  /**
   * The platform stage over kubectl's build must give what {@code generate} gives over ours: the
   * same objects, byte for byte, and the same platform warnings; and every object must be valid
   * upstream.
   */
  static void check(
      Path root,
      Path dir,
      PlatformSettings platform,
      ServiceSpec service,
      ServiceSpec.Environment env) {
    Path overlay = dir.resolve("environments").resolve(env.name());
    Prerequisites.Output kubectl = Prerequisites.kustomize(overlay);
    assertEquals(0, kubectl.exitCode(), "kubectl kustomize failed: " + kubectl.stderr());
    ResourceList list = new ResourceList();
    for (YamlDocument d :
        YamlReader.read(
            overlay.resolve("kustomization.yaml"),
            kubectl.stdout(),
            YamlReader.Options.resources())) {
      if (d.root() instanceof ObjectNode o) {
        list.add(new Resource(o, d.start(), d.sourceMap()));
      }
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

    EnvironmentRenderer.Built ours =
        new EnvironmentRenderer(null).build(service, env, platform, root, ArgoEnvironment.none());
    assertEquals(
        Kustomizer.output(ours.resources().asList(), ours.sortOptions()).yaml(),
        Kustomizer.output(list.asList(), ours.sortOptions()).yaml(),
        "the platform stage over kubectl's build differs from generate");
    List<String> ourPlatformWarnings =
        ours.warnings().stream()
            .map(Diagnostic::message)
            .filter(m -> warnings.stream().anyMatch(w -> w.message().equals(m)))
            .toList();
    assertEquals(
        warnings.stream().map(Diagnostic::message).toList(),
        ourPlatformWarnings,
        "the platform stage warns differently over kubectl's build");

    UpstreamSchemas schemas = UpstreamSchemas.require();
    List<String> problems = new ArrayList<>();
    for (Resource r : list) {
      if (schemas.knows(r.apiVersion(), r.kind())) {
        schemas.validate(r.body()).forEach(msg -> problems.add(Nodes.describe(r) + " " + msg));
      }
    }
    assertEquals(List.of(), problems);
  }
}
