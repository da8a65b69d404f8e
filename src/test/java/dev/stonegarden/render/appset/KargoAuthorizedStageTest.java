package dev.stonegarden.render.appset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.argocd.ProcessRunner;
import dev.stonegarden.render.cli.Cli;
import dev.stonegarden.render.cli.Invocation;
import dev.stonegarden.render.service.ServiceFinder;
import dev.stonegarden.render.testing.UpstreamSchemas;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two halves of the Kargo hand-off agree: with {@code kargo.enabled}, every Application that
 * {@code appset} generates carries {@code kargo.akuity.io/authorized-stage}, and every Stage that
 * {@code kargo} prints updates, with {@code argocd-update}, exactly the Application that names it
 * there; without it, no Application carries the annotation.
 */
class KargoAuthorizedStageTest {
  @TempDir Path tmp;

  Map<String, ObjectNode> applications(Path repo) {
    ApplicationSetGenerator.Output output =
        new ApplicationSetGenerator()
            .generate(ServiceFinder.find(repo.resolve("kubernetes")), repo, null, null);
    Map<String, ObjectNode> apps = new TreeMap<>();
    for (ApplicationSetGenerator.ServiceOutput s : output.services()) {
      for (ObjectNode app : ApplicationSetExpansionTest.expand(s.applicationSet())) {
        apps.put(app.at("/metadata/name").stringValue(), app);
      }
    }
    return apps;
  }

  @Test
  void everyStageUpdatesTheApplicationThatAuthorizesIt() throws IOException {
    Path repo = tmp.resolve("repo");
    ProcessRunner.copyTree(ProcessRunner.project().resolve("examples"), repo);
    Path platform = repo.resolve("kubernetes/platform.yaml");
    Files.writeString(platform, Files.readString(platform) + "  kargo:\n    enabled: true\n");
    Map<String, ObjectNode> apps = applications(repo);
    UpstreamSchemas schemas = UpstreamSchemas.require();
    for (ObjectNode app : apps.values()) {
      assertEquals(List.of(), schemas.validate(app));
    }

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Cli.run(
            new String[] {"kargo", "--repo-root", ".."},
            new Invocation(
                repo.resolve("kubernetes"), Map.of(), new PrintWriter(out), new PrintWriter(err)));
    assertEquals(0, exit, err.toString());
    int stages = 0;
    for (YamlDocument d :
        YamlReader.read(Path.of("kargo.yaml"), out.toString(), YamlReader.Options.resources())) {
      JsonNode stage = d.root();
      if (!stage.get("kind").stringValue().equals("Stage")) {
        continue;
      }
      String authorized =
          stage.at("/metadata/namespace").stringValue()
              + ":"
              + stage.at("/metadata/name").stringValue();
      JsonNode steps = stage.at("/spec/promotionTemplate/spec/steps");
      JsonNode update = steps.get(steps.size() - 1);
      assertEquals("argocd-update", update.get("uses").stringValue());
      String name = update.at("/config/apps/0/name").stringValue();
      ObjectNode app = apps.get(name);
      assertTrue(app != null, "no Application " + name + " for Stage " + authorized);
      assertEquals(
          app.at("/metadata/namespace").stringValue(),
          update.at("/config/apps/0/namespace").stringValue());
      assertEquals(
          authorized,
          app.at("/metadata/annotations/kargo.akuity.io~1authorized-stage").stringValue());
      stages++;
    }
    assertEquals(apps.size(), stages, "one Stage per Application");
  }

  @Test
  void withoutKargoNoApplicationCarriesTheAnnotation() throws IOException {
    Path repo = tmp.resolve("plain");
    ProcessRunner.copyTree(ProcessRunner.project().resolve("examples"), repo);
    for (ObjectNode app : applications(repo).values()) {
      assertTrue(
          app.at("/metadata/annotations/kargo.akuity.io~1authorized-stage").isMissingNode(),
          app.toString());
    }
  }
}
