package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.Fixtures.assertResources;
import static dev.stonegarden.render.platform.Fixtures.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.Values;
import dev.stonegarden.render.testing.Positions;
import dev.stonegarden.render.yaml.SourceMap;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValuesTransformerTest {
  static final Path VALUES = Path.of("environments/dev/values.yaml");

  record Case(String name, Values values, String input, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Values.Settings settings(
      String tag, Integer replicas, String resourcesYaml, Map<String, String> env) {
    return new Values.Settings(
        tag, replicas, resourcesYaml == null ? null : Fixtures.tree(resourcesYaml), env);
  }

  static Values values(Values.Settings defaults, Map<String, Values.Settings> workloads) {
    return Fixtures.values(defaults, workloads, new SourceMap(VALUES));
  }

  static Stream<Case> cases() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LOG_LEVEL", "info");
    env.put("NEW", "x");
    Map<String, Values.Settings> worker = new LinkedHashMap<>();
    worker.put("worker", settings("1.0.0", 1, null, Map.of("ONLY", "worker")));
    return Stream.of(
        new Case(
            "every key on a Deployment; init containers get tag and env, not resources",
            values(settings("2.0.0", 3, "{requests: {cpu: 100m}}", env), Map.of()),
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 1
              template:
                spec:
                  initContainers:
                  - name: migrate
                    image: ghcr.io/acme/web:1.0.0
                  containers:
                  - name: web
                    image: ghcr.io/acme/web:1.0.0
                    resources: {limits: {memory: 1Gi}}
                    env:
                    - name: LOG_LEVEL
                      valueFrom: {configMapKeyRef: {name: c, key: k}}
                    - name: KEEP
                      value: "1"
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 3
              template:
                spec:
                  initContainers:
                  - name: migrate
                    image: ghcr.io/acme/web:2.0.0
                    env:
                    - {name: LOG_LEVEL, value: info}
                    - {name: NEW, value: x}
                  containers:
                  - name: web
                    image: ghcr.io/acme/web:2.0.0
                    resources: {requests: {cpu: 100m}}
                    env:
                    - name: LOG_LEVEL
                      value: info
                    - name: KEEP
                      value: "1"
                    - {name: NEW, value: x}
            """),
        new Case(
            "DaemonSet has no replicas; a digest is dropped, a registry port kept",
            values(settings("v2", 5, null, null), Map.of()),
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template:
                spec:
                  containers:
                  - {name: a, image: "registry:5000/team/agent:v1@sha256:abcd"}
                  - {name: b, image: "registry:5000/team/agent"}
            """,
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template:
                spec:
                  containers:
                  - {name: a, image: "registry:5000/team/agent:v2"}
                  - {name: b, image: "registry:5000/team/agent:v2"}
            """),
        new Case(
            "per-workload keys replace the top-level ones whole; other kinds are not workloads",
            values(settings("2.0.0", 3, null, Map.of("LOG_LEVEL", "info")), worker),
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: worker}
            spec:
              replicas: 2
              template:
                spec:
                  containers: [{name: w, image: "w:0.1"}]
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers: [{name: w, image: "web:0.1"}]
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: job}
            spec:
              jobTemplate: {spec: {template: {spec: {containers: [{name: j, image: "j:0.1"}]}}}}
            """,
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: worker}
            spec:
              replicas: 1
              template:
                spec:
                  containers: [{name: w, image: "w:1.0.0", env: [{name: ONLY, value: worker}]}]
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: web}
            spec:
              replicas: 3
              template:
                spec:
                  containers: [{name: w, image: "web:2.0.0", env: [{name: LOG_LEVEL, value: info}]}]
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: job}
            spec:
              jobTemplate: {spec: {template: {spec: {containers: [{name: j, image: "j:0.1"}]}}}}
            """),
        new Case(
            "no values.yaml changes nothing",
            Values.none(),
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec: {replicas: 1, template: {spec: {containers: [{name: w, image: "web:0.1"}]}}}
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec: {replicas: 1, template: {spec: {containers: [{name: w, image: "web:0.1"}]}}}
            """));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void table(Case c) {
    ResourceList list = resources(c.input());
    new ValuesTransformer(c.values()).transform(list);
    assertResources(c.expected(), list);
  }

  @Test
  void aWorkloadsEntryNamingNoWorkloadIsAnErrorAtItsKey() {
    SourceMap map = new Positions().key("/workloads/n8n-wrker", 7, 3).in(VALUES);
    Values.Settings none = settings(null, null, null, null);
    Map<String, Values.Settings> workloads = new LinkedHashMap<>();
    workloads.put("n8n-wrker", settings(null, 1, null, null));
    ResourceList list =
        resources(
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: n8n-worker}
        spec: {replicas: 2}
        """);
    List<Diagnostic> errors =
        Fixtures.errors(
            () -> new ValuesTransformer(Fixtures.values(none, workloads, map)).transform(list));
    assertEquals(1, errors.size());
    assertEquals("environments/dev/values.yaml:7:3", errors.get(0).at().toString());
    assertEquals(
        "workloads.n8n-wrker names no workload of this environment: expected the name of a Deployment, StatefulSet,"
            + " DaemonSet or Rollout, found n8n-worker",
        errors.get(0).message());
  }

  @Test
  void imageTags() {
    assertEquals("nginx:1.27", ValuesTransformer.withTag("nginx", "1.27"));
    assertEquals("nginx:1.27", ValuesTransformer.withTag("nginx:1.25", "1.27"));
    assertEquals("ghcr.io/a/b:1.27", ValuesTransformer.withTag("ghcr.io/a/b@sha256:00", "1.27"));
    assertEquals("localhost:5000/b:1.27", ValuesTransformer.withTag("localhost:5000/b:1", "1.27"));
    // A digest, alone or after a tag, pins the image (what promote copies from a stage that runs
    // a digest).
    String digest = "sha256:" + "ab".repeat(32);
    assertEquals("nginx@" + digest, ValuesTransformer.withTag("nginx:1.25", digest));
    assertEquals(
        "nginx:1.27@" + digest, ValuesTransformer.withTag("nginx@sha256:00", "1.27@" + digest));
    assertEquals(
        "localhost:5000/b@" + digest, ValuesTransformer.withTag("localhost:5000/b:1", digest));
  }
}
