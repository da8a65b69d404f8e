package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.Severity;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.testing.Prerequisites;
import dev.stonegarden.render.testing.UpstreamSchemas;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link TypoCheck}: unknown fields of built-in kinds, as warnings at the key's line and column.
 */
class TypoCheckTest {
  private static final Path FILE = Path.of("base/deployment.yaml");

  private static Resource resource(String yaml) {
    YamlDocument d = YamlReader.read(FILE, yaml, YamlReader.Options.resources()).get(0);
    return new Resource((ObjectNode) d.root(), d.start(), d.sourceMap());
  }

  /**
   * The fields {@link TypoCheck#check} reports unknown, as its messages name them ({@code
   * spec.ports[0].targetport}), in the order it reports them.
   */
  private static List<String> unknownFields(Resource r) {
    String before = "unknown field ";
    String after = " in " + r.kind() + " " + r.name() + " (not a field of ";
    List<String> fields = new ArrayList<>();
    for (Diagnostic d : TypoCheck.check(r)) {
      assertEquals(Severity.WARNING, d.severity(), d.message());
      assertTrue(d.message().startsWith(before) && d.message().contains(after), d.message());
      fields.add(d.message().substring(before.length(), d.message().lastIndexOf(after)));
    }
    return fields;
  }

  /**
   * Whether the model knows a kind, seen from outside: a field no kind has, at the top of an object
   * of that kind, is reported (kinds the model does not know are not checked).
   */
  private static boolean knows(String apiVersion, String kind) {
    ObjectNode probe = JsonNodeFactory.instance.objectNode();
    probe.put("apiVersion", apiVersion).put("kind", kind).put("notAFieldOfAnyKind", 1);
    probe.putObject("metadata").put("name", "probe");
    return !TypoCheck.check(new Resource(probe, SourcePosition.of(FILE), SourceMap.empty(FILE)))
        .isEmpty();
  }

  @Test
  void misspeltContainerField() {
    Resource r =
        resource(
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  imagePullPolcy: Always
        """);
    assertEquals(
        List.of(
            new Diagnostic(
                Severity.WARNING,
                new SourcePosition(FILE, 13, 11),
                "unknown field spec.template.spec.containers[0].imagePullPolcy in Deployment web"
                    + " (not a field of apps/v1 Deployment); did you mean \"imagePullPolicy\"?")),
        TypoCheck.check(r));
  }

  @Test
  void typosAtEveryDepthOfEveryModule() {
    assertEquals(
        List.of("spec.jobTemplate.spec.template.spec.containers[0].env[0].valueFrm"),
        unknownFields(
            resource(
                """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          schedule: "* * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: c
                      env:
                        - name: A
                          valueFrm: {secretKeyRef: {name: s, key: k}}
        """)));
    assertEquals(
        List.of("spec.metrics[0].resource.targt"),
        unknownFields(
            resource(
                """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: h}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 3
          metrics:
            - type: Resource
              resource: {name: cpu, targt: {type: Utilization, averageUtilization: 80}}
        """)));
    assertEquals(
        List.of("spec.rules[0].http.paths[0].backend.service.prot"),
        unknownFields(
            resource(
                """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: i}
        spec:
          rules:
            - host: example.org
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: web, prot: {number: 80}}}
        """)));
    assertEquals(
        List.of("spec.minAvailabel"),
        unknownFields(
            resource(
                """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: p}
        spec: {minAvailabel: 1, selector: {matchLabels: {app: web}}}
        """)));
    assertEquals(
        List.of("rules[0].verb"),
        unknownFields(
            resource(
                """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r}
        rules: [{apiGroups: [""], resources: [pods], verb: [get]}]
        """)));
    assertEquals(
        List.of("spec.ports[0].targetport", "metadata.label"),
        unknownFields(
            resource(
                """
        apiVersion: v1
        kind: Service
        spec:
          ports: [{port: 80, targetport: 8080}]
        metadata: {name: s, label: {app: web}}
        """)));
  }

  @Test
  void freeFormPartsAreNotChecked() {
    Resource r =
        resource(
            """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          labels: {anything: goes, app.kubernetes.io/name: db}
          annotations: {example.org/whatever: "1"}
        spec:
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              nodeSelector: {disktype: ssd}
              containers:
                - name: db
                  ports: [{containerPort: 5432}]
                  resources: {limits: {nvidia.com/gpu: 1, cpu: 500m}, requests: {memory: 1Gi}}
                  livenessProbe: {httpGet: {port: http, path: /}}
          volumeClaimTemplates:
            - metadata: {name: data}
              spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        """);
    assertEquals(List.of(), TypoCheck.check(r));
    assertEquals(
        List.of(),
        TypoCheck.check(
            resource(
                """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        data: {any.key: value, another: "x"}
        """)));
  }

  @Test
  void kindsTheModelDoesNotKnowAreSkipped() {
    assertFalse(knows("argoproj.io/v1alpha1", "Rollout"));
    assertTrue(knows("apps/v1", "Deployment"));
    assertTrue(knows("v1", "Service"));
    assertEquals(
        List.of(),
        TypoCheck.check(
            resource(
                """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: r}
        spec: {anything: goes}
        """)));
  }

  @Test
  void withoutSourcePositionsTheOriginIsUsed() {
    Resource r = resource("apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n");
    r.body().putObject("spec").put("finalizer", "x");
    Resource generated =
        new Resource(
            r.body(), new SourcePosition(Path.of("service.yaml"), 3, 1), SourceMap.empty(null));
    List<Diagnostic> d = TypoCheck.check(generated);
    assertEquals(1, d.size());
    assertEquals(new SourcePosition(Path.of("service.yaml"), 3, 1), d.get(0).at());
    assertTrue(d.get(0).message().endsWith("did you mean \"finalizers\"?"), d.get(0).message());
  }

  /**
   * The check against an independent oracle: the Kubernetes 1.33 OpenAPI (unknown fields are errors
   * there) over every 4th real-world build of the kustomize-wild corpus; both must name exactly the
   * same unknown fields of every object both know.
   */
  @Test
  void agreesWithTheKubernetesOpenApiOnRealWorldBuilds() throws Exception {
    UpstreamSchemas upstream = UpstreamSchemas.require();
    Path expected = Prerequisites.shared("conformance/kustomize-wild/expected");
    Pattern unknown = Pattern.compile("^(\\S*): property '([^']*)' is not defined in the schema");
    List<Path> files;
    try (Stream<Path> s = Files.list(expected)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    int compared = 0;
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < files.size(); i += 4) {
      for (YamlDocument d : YamlReader.readFile(files.get(i), YamlReader.Options.resources())) {
        if (!(d.root() instanceof ObjectNode o)) {
          continue;
        }
        Resource r = new Resource(o, d.start(), d.sourceMap());
        if (!knows(r.apiVersion(), r.kind()) || !upstream.knows(r.apiVersion(), r.kind())) {
          continue;
        }
        compared++;
        List<String> oracle = new ArrayList<>();
        for (String problem : upstream.validate(o)) {
          Matcher m = unknown.matcher(problem);
          if (m.find()) {
            oracle.add(Trees.path(m.group(1) + "/" + SourceMap.escape(m.group(2))));
          }
        }
        List<String> ours = unknownFields(r);
        if (!ours.equals(oracle)) {
          disagreements.add(
              files.get(i).getFileName() + " " + r + ": ours " + ours + ", OpenAPI " + oracle);
        }
      }
    }
    assertTrue(compared > 500, "too few objects compared: " + compared);
    assertEquals(List.of(), disagreements);
  }
}
