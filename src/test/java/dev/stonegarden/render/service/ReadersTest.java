package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.service.ServiceSpec.Custom;
import dev.stonegarden.render.service.ServiceSpec.Environment;
import dev.stonegarden.render.service.ServiceSpec.Latency;
import dev.stonegarden.render.service.ServiceSpec.Metric;
import dev.stonegarden.render.service.ServiceSpec.Pause;
import dev.stonegarden.render.service.ServiceSpec.SetWeight;
import dev.stonegarden.render.service.ServiceSpec.SuccessRate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers on the spec's own examples and on our valid fixtures: what they bind, exactly. */
class ReadersTest {
  @TempDir Path tmp;

  @Test
  void productServiceExampleBinds() throws Exception {
    Path f = SharedExamples.write(tmp, "service.yaml", SharedExamples.productService());
    Problems warnings = new Problems();
    ServiceSpec s = ServiceReader.read(f, PlatformReader.defaults(), warnings);
    assertEquals(List.of(), warnings.all());
    assertEquals("audiobookshelf", s.name());
    assertEquals("services", s.namespace());
    assertEquals("media", s.labels().get("category"));
    assertEquals("Media platform", s.description());
    assertEquals(
        new ServiceSpec.Owner("product", "#audiobookshelf", "product@stonegarden.dev"), s.owner());
    assertEquals(
        List.of("dev", "canary"), s.environments().stream().map(Environment::name).toList());
    Environment dev = s.environments().get(0);
    assertEquals("homelab", dev.cluster());
    assertTrue(dev.autoSync());
    assertNull(dev.rollout());
    Environment canary = s.environments().get(1);
    assertEquals("in-cluster", canary.cluster());
    assertEquals(1, canary.index());
    assertEquals(
        List.of(
            new SetWeight(10),
            new Pause("10m"),
            new SetWeight(50),
            new Pause("10m"),
            new SetWeight(100)),
        canary.rollout().steps());
    List<Metric> metrics = canary.rollout().metrics();
    assertEquals("0.95", ((SuccessRate) metrics.get(0)).ratio().toString());
    assertEquals(
        new Custom(
            "checkout-errors", "sum(rate(checkout_errors_total[2m]))", "result[0] < 1", null, 1),
        metrics.get(1));
    assertEquals(List.of("kafka", "postgres"), s.dependencies());
    assertEquals("99.9", s.sla().availabilityPercent().toString());
    assertEquals("0.001", s.sla().errorBudget().toString());
    assertEquals("0.1", s.sla().latencySeconds().toString());
    assertEquals(List.of("grafana/audiobookshelf.json"), s.monitoring().dashboards());
    assertEquals(List.of("prometheus/audiobookshelf.yaml"), s.monitoring().alerts());
    assertEquals(f, s.file());
    // "    - name: dev" is line 14 of the example; the value starts in column 13.
    assertEquals(14, s.sourceMap().positionOf("/spec/environments/0/name").line());
    assertEquals(13, s.sourceMap().positionOf("/spec/environments/0/name").column());
  }

  @Test
  void seedServiceBinds() throws Exception {
    Path f = SharedExamples.write(tmp, "service.yaml", SharedExamples.seedService());
    ServiceSpec s = ServiceReader.read(f, PlatformReader.defaults());
    assertEquals(
        List.of("dev", "staging", "canary", "production"),
        s.environments().stream().map(Environment::name).toList());
    assertEquals(
        "0.95",
        ((SuccessRate) s.environments().get(2).rollout().metrics().get(0)).ratio().toPlainString());
  }

  @Test
  void productValuesExampleBinds() throws Exception {
    Path f = SharedExamples.write(tmp, "values.yaml", SharedExamples.productValues());
    Values v = ValuesReader.read(f);
    assertEquals("2.28.0", v.defaults().imageTag());
    assertEquals(2, v.defaults().replicas());
    assertEquals("100m", v.defaults().resources().at("/requests/cpu").stringValue());
    assertEquals("1Gi", v.defaults().resources().at("/limits/memory").stringValue());
    assertEquals("info", v.defaults().env().get("LOG_LEVEL"));
    Values.Settings worker = v.workloads().get("n8n-worker");
    assertEquals(1, worker.replicas());
    assertEquals("2.20.9", worker.imageTag());
    assertNull(worker.env());
    assertEquals(f, v.file());
  }

  @Test
  void productPlatformExampleIsTheDefaults() throws Exception {
    Path f = SharedExamples.write(tmp, "platform.yaml", SharedExamples.productPlatform());
    PlatformSettings read = PlatformReader.read(f);
    PlatformSettings d = PlatformReader.defaults();
    assertEquals("homelab", read.name());
    assertEquals(f, read.file());
    // Every key of the example shows its default: reading it must give exactly the defaults.
    assertEquals(
        new PlatformSettings(
            "homelab",
            d.pipeline(),
            d.labelDomain(),
            d.clusters(),
            d.argocd(),
            d.prometheus(),
            d.sli(),
            d.monitoring(),
            d.dependencies(),
            d.networkPolicy(),
            f,
            PlatformSettings.Canary.DEFAULTS,
            PlatformSettings.Kargo.DEFAULTS,
            PlatformSettings.TrafficRouting.NONE),
        read);
  }

  @Test
  void fullServiceFixture() {
    Problems warnings = new Problems();
    ServiceSpec s =
        ServiceReader.read(
            SchemaFixturesTest.FIXTURES.resolve("valid/service-full.yaml"),
            PlatformReader.defaults(),
            warnings);
    assertEquals(1, warnings.all().size());
    Diagnostic w = warnings.all().get(0);
    assertEquals("unknown key \"pager\" in spec.owner is ignored", w.message());
    assertEquals(17, w.at().line());
    assertEquals(5, w.at().column());
    Environment canary = s.environments().get(2);
    assertEquals(
        List.of(
            new SetWeight(20),
            new Pause("300"),
            new SetWeight(60),
            new Pause(null),
            new SetWeight(100)),
        canary.rollout().steps());
    assertEquals(List.of(), canary.rollout().metrics());
    List<Metric> m = s.environments().get(3).rollout().metrics();
    assertEquals("0.995", ((SuccessRate) m.get(0)).ratio().toString());
    assertEquals("0.25", ((Latency) m.get(1)).seconds().toString());
    assertEquals("result[0] > 10", ((Custom) m.get(2)).failureCondition());
    assertEquals("0.0005", s.sla().errorBudget().toString());
    assertEquals("0.5", s.sla().latencySeconds().toString());
    assertEquals("https://wiki.example.org/checkout", s.annotations().get("docs"));
  }

  @Test
  void fullPlatformFixture() {
    PlatformSettings p =
        PlatformReader.read(SchemaFixturesTest.FIXTURES.resolve("valid/platform-full.yaml"));
    assertEquals(List.of("dev", "qa", "production"), p.pipeline());
    assertEquals("https://edge.example.org:6443", p.clusters().get("edge"));
    assertEquals("{{team}}-{{service}}", p.argocd().project());
    assertEquals(PlatformSettings.DashboardMode.GRAFANA_OPERATOR, p.monitoring().dashboards());
    assertEquals(List.of("nats"), List.copyOf(p.dependencies().keySet()));
    assertEquals(List.of(4222), p.dependencies().get("nats").ports());
    assertTrue(p.networkPolicy());
  }

  @Test
  void partialPlatformKeepsOtherDefaults() {
    PlatformSettings p =
        PlatformReader.read(SchemaFixturesTest.FIXTURES.resolve("valid/platform-minimal.yaml"));
    PlatformSettings d = PlatformReader.defaults();
    assertEquals("https://git.example.org/lab.git", p.argocd().repoURL());
    assertEquals(d.argocd().namespace(), p.argocd().namespace());
    assertEquals(d.pipeline(), p.pipeline());
    assertEquals(d.dependencies(), p.dependencies());
    assertNull(p.name());
  }

  @Test
  void valuesFixtureTypesEnvValuesAsText() {
    Values v = ValuesReader.read(SchemaFixturesTest.FIXTURES.resolve("valid/values-full.yaml"));
    assertEquals("1.10", v.defaults().imageTag());
    assertEquals("8080", v.defaults().env().get("PORT"));
    assertEquals("false", v.defaults().env().get("DEBUG"));
    assertEquals(List.of("LOG_LEVEL", "PORT", "DEBUG"), List.copyOf(v.defaults().env().keySet()));
    assertEquals("1", v.defaults().resources().at("/limits/cpu").stringValue());
  }

  @Test
  void missingValuesIsNone() {
    Values v = ValuesReader.read(tmp.resolve("values.yaml"));
    assertNull(v.file());
    assertNull(v.defaults().imageTag());
    assertTrue(v.workloads().isEmpty());
  }

  @Test
  void commentOnlyValuesChangeNothing() throws Exception {
    Path f = SharedExamples.write(tmp, "values.yaml", "# promoted values arrive here\n");
    Values v = ValuesReader.read(f);
    assertEquals(f, v.file());
    assertNull(v.defaults().imageTag());
    assertNull(v.defaults().replicas());
    assertTrue(v.workloads().isEmpty());
  }

  @Test
  void platformFoundByWalkingUp() throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Path svc = repo.resolve("kubernetes/services/shop");
    Files.createDirectories(svc);
    SharedExamples.write(
        repo,
        "kubernetes/platform.yaml",
        "apiVersion: platform.stonegarden.dev/v1alpha1\nkind: Platform\nspec: {pipeline: [dev, prod]}\n");
    // Nearer, but not kind: Platform: passed over.
    SharedExamples.write(repo, "kubernetes/services/platform.yaml", "kind: Something\n");
    // Above the repository root: never read.
    SharedExamples.write(
        tmp,
        "platform.yaml",
        "apiVersion: platform.stonegarden.dev/v1alpha1\nkind: Platform\nspec: {pipeline: [outside]}\n");
    PlatformSettings p = PlatformReader.find(svc, repo);
    assertEquals(List.of("dev", "prod"), p.pipeline());
    assertEquals(repo.resolve("kubernetes/platform.yaml").toAbsolutePath(), p.file());

    Path other = tmp.resolve("other/services/x");
    Files.createDirectories(other);
    assertEquals(PlatformReader.defaults(), PlatformReader.find(other, tmp.resolve("other")));
  }

  @Test
  void invalidPlatformOnTheWayIsAnError() throws Exception {
    Path repo = tmp.resolve("repo");
    Path svc = repo.resolve("services/x");
    Files.createDirectories(svc);
    SharedExamples.write(
        repo,
        "platform.yaml",
        "apiVersion: platform.stonegarden.dev/v1alpha1\nkind: Platform\nspec: {pipelin: [dev]}\n");
    InputException e = assertThrows(InputException.class, () -> PlatformReader.find(svc, repo));
    assertEquals(
        "unknown key \"pipelin\" in spec; did you mean \"pipeline\"?",
        e.diagnostics().get(0).message());
    assertEquals(3, e.diagnostics().get(0).at().line());
  }

  @Test
  void environmentsMustBeStagesOfTheConfiguredPipeline() throws Exception {
    PlatformSettings p =
        PlatformReader.read(SchemaFixturesTest.FIXTURES.resolve("valid/platform-full.yaml"));
    Path f =
        SharedExamples.write(
            tmp,
            "service.yaml",
            Files.readString(SchemaFixturesTest.FIXTURES.resolve("valid/service-minimal.yaml"))
                .replace("name: dev", "name: staging"));
    InputException e = assertThrows(InputException.class, () -> ServiceReader.read(f, p));
    assertEquals(1, e.diagnostics().size());
    assertEquals(
        "environment \"staging\" is not a stage of the platform pipeline (platform.yaml spec.pipeline: dev, qa, production)",
        e.diagnostics().get(0).message());
    assertEquals(9, e.diagnostics().get(0).at().line());
    // The same file is fine with the default pipeline.
    assertEquals(
        "staging", ServiceReader.read(f, PlatformReader.defaults()).environments().get(0).name());
  }

  @Test
  void anUnknownDependencyIsAnErrorListingTheCatalogWithTheClosestName() throws Exception {
    // The one check of spec.dependencies: the platform stage only records the names it is given.
    Path f =
        SharedExamples.write(
            tmp,
            "service.yaml",
            Files.readString(SchemaFixturesTest.FIXTURES.resolve("valid/service-minimal.yaml"))
                + "  dependencies: [kafka, postgress]\n");
    InputException e =
        assertThrows(InputException.class, () -> ServiceReader.read(f, PlatformReader.defaults()));
    assertEquals(1, e.diagnostics().size());
    assertEquals(
        "unknown dependency \"postgress\": the platform catalog has kafka, postgres, redis;"
            + " did you mean \"postgres\"?",
        e.diagnostics().get(0).message());
    assertEquals(11, e.diagnostics().get(0).at().line());
    assertEquals(25, e.diagnostics().get(0).at().column());
  }

  @Test
  void missingServiceYaml() {
    InputException e =
        assertThrows(
            InputException.class,
            () -> ServiceReader.read(tmp.resolve("service.yaml"), PlatformReader.defaults()));
    assertEquals("service.yaml not found", e.diagnostics().get(0).message());
  }
}
