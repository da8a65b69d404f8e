package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.Fixtures.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.Severity;
import dev.stonegarden.render.service.Values;
import dev.stonegarden.render.testing.Positions;
import dev.stonegarden.render.yaml.SourceMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformChecksTest {
  static final PlatformChecks CHECKS =
      new PlatformChecks(Values.none(), Path.of("environments/dev"), 1);

  static List<String> messages(List<Diagnostic> ds) {
    return ds.stream().map(d -> d.severity().label() + ": " + d.message()).toList();
  }

  @Test
  void aCleanOutputHasNoProblems() {
    assertEquals(
        List.of(),
        CHECKS.check(
            resources(
                """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: ns}
        spec: {selector: {app: web}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web, namespace: ns}
        spec: {template: {metadata: {labels: {app: web, other: x}}}}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: r, namespace: ns}
        spec: {strategy: {canary: {analysis: {templates: [{templateName: t}]}}}}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: t, namespace: ns}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: "system:reader"}
        """)));
  }

  @Test
  void identityNamesAndDuplicates() {
    List<Diagnostic> ds =
        CHECKS.check(
            resources(
                """
        apiVersion: v1
        kind: ConfigMap
        metadata: {}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: Upper_Case, namespace: ns}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: 1web, namespace: ns}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: a.b}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: dup}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: dup, namespace: default}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: labelled, labels: {ok: a-b_c.d, empty: ""}}
        spec: {template: {metadata: {labels: {team: "-bad"}}}}
        """));
    assertEquals(
        List.of(
            "error: object without metadata.name: every object needs apiVersion, kind and metadata.name",
            "error: ConfigMap name Upper_Case (10 characters) is not valid: expected a DNS-1123 subdomain (lower-case letters,"
                + " digits, '-' and '.', at most 253 characters)",
            "error: Service name 1web (4 characters) is not valid: expected a DNS-1035 label (lower-case letters, digits and '-',"
                + " starting with a letter, at most 63 characters)",
            "error: Namespace name a.b (3 characters) is not valid: expected a DNS-1123 label (lower-case letters, digits and '-',"
                + " at most 63 characters)",
            "error: two objects are ConfigMap.core dup in namespace default: expected group, kind, namespace and name to be unique",
            "error: Deployment/labelled label team has the value -bad (4 characters): expected at most 63 letters, digits, '-', '_'"
                + " and '.', starting and ending with a letter or digit"),
        messages(ds));
  }

  @Test
  void servicesMustSelectAPodTemplateOfTheirNamespace() {
    List<Diagnostic> ds =
        CHECKS.check(
            resources(
                """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: ns}
        spec: {selector: {app: web, tier: front}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: ext, namespace: ns}
        spec: {type: ExternalName, selector: {app: none}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: other}
        spec: {template: {metadata: {labels: {app: web, tier: front}}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: ns}
        spec: {template: {metadata: {labels: {app: web}}}}
        """));
    assertEquals(
        List.of(
            "error: Service/web selects pods with app=web, tier=front, but no pod template of this environment has"
                + " those labels: expected a workload whose template labels match"),
        messages(ds));
  }

  @Test
  void rolloutAnalysisReferencesMustResolve() {
    List<Diagnostic> ds =
        CHECKS.check(
            resources(
                """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: r, namespace: ns}
        spec:
          strategy:
            canary:
              analysis: {templates: [{templateName: present}, {templateName: gone}]}
              steps: [{analysis: {templates: [{templateName: global, clusterScope: true}]}}]
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: present, namespace: ns}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: global, namespace: ns}
        """));
    assertEquals(
        List.of(
            "error: Rollout/r uses analysis template gone, but the output has no AnalysisTemplate gone: add it to the overlay (e.g."
                + " analysis.yaml) or fix the name",
            "error: Rollout/r uses analysis template global, but the output has no ClusterAnalysisTemplate global: add it to the"
                + " overlay (e.g. analysis.yaml) or fix the name"),
        messages(ds));
  }

  @Test
  void anHpaOverAWorkloadWhoseReplicasValuesSetsIsAWarningAtTheValue() {
    SourceMap map =
        new Positions().value("/replicas", 3, 11).in(Path.of("environments/dev/values.yaml"));
    Values values = Fixtures.values(new Values.Settings(null, 2, null, null), Map.of(), map);
    List<Diagnostic> ds =
        new PlatformChecks(values, Path.of("environments/dev"), 1)
            .check(
                resources(
                    """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web, namespace: ns}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: ns}
        spec: {scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}}
        """));
    assertEquals(1, ds.size());
    assertEquals(Severity.WARNING, ds.get(0).severity());
    assertEquals("environments/dev/values.yaml:3:11", ds.get(0).at().toString());
    assertEquals(
        "HorizontalPodAutoscaler/web scales Rollout/web, whose replicas values.yaml also sets: the autoscaler overrides"
            + " them at run time; remove replicas from values.yaml for this workload",
        ds.get(0).message());
  }
}
