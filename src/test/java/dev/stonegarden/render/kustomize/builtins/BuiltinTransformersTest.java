package dev.stonegarden.render.kustomize.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.Trees;
import dev.stonegarden.render.kustomize.config.TransformerConfig;
import dev.stonegarden.render.kustomize.config.TransformerConfigs;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.ResourceList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table tests of the builtin transformers, kustomize's {@code replicacount_test.go} style: input
 * YAML, one step, expected YAML (key order is the writer's, so expectations are written sorted).
 * Expected texts were checked against {@code kubectl kustomize} on equivalent kustomizations.
 */
class BuiltinTransformersTest {
  record Case(String name, String input, Transformer step, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final TransformerConfig TC = TransformerConfigs.builtin();

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "namespace: namespaced objects, Namespace renamed, cluster-scoped untouched, default subjects",
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: old}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: cr}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: rb, namespace: elsewhere}
            subjects:
            - {kind: ServiceAccount, name: default, namespace: kube-system}
            - {kind: ServiceAccount, name: other, namespace: kube-system}
            """,
            new NamespaceTransformer("team", TC.namespace()),
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: team
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: cr
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: rb
              namespace: team
            subjects:
            - kind: ServiceAccount
              name: default
              namespace: team
            - kind: ServiceAccount
              name: other
              namespace: kube-system
            """),
        new Case(
            "namePrefix: skips CRDs and Namespaces, renames cluster-scoped kinds",
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: foos.example.com}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: ns}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: cr}
            """,
            new NameAffixTransformer("p-", true, TC.namePrefix()),
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: foos.example.com
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: ns
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: p-cr
            """),
        new Case(
            "commonLabels: selectors created on Service, matchLabels and template on Deployment",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            spec: {type: ExternalName}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              template:
                spec: {}
            """,
            new MapEntriesTransformer("labels", Map.of("app", "x"), TC.commonLabels()),
            """
            apiVersion: v1
            kind: Service
            metadata:
              labels:
                app: x
              name: s
            spec:
              selector:
                app: x
              type: ExternalName
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              labels:
                app: x
              name: d
            spec:
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  labels:
                    app: x
                spec: {}
            """),
        new Case(
            "commonAnnotations: CronJob templates",
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: c}
            spec:
              jobTemplate:
                spec:
                  template: {}
            """,
            new MapEntriesTransformer("annotations", Map.of("a", "b"), TC.commonAnnotations()),
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              annotations:
                a: b
              name: c
            spec:
              jobTemplate:
                metadata:
                  annotations:
                    a: b
                spec:
                  template:
                    metadata:
                      annotations:
                        a: b
            """),
        new Case(
            "images: tagSuffix lands twice on Deployment containers, once on CR containers",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              template:
                spec:
                  containers:
                  - {name: a, image: alpine:3.19}
                  - {name: b, image: alpine-sidecar:1}
            ---
            apiVersion: example.com/v1
            kind: Pipeline
            metadata: {name: p}
            spec:
              stages:
              - containers:
                - {name: s, image: alpine:3.19}
            """,
            new ImageTagTransformer(
                new ImageTagTransformer.Image("alpine", "", "", "", "-debug"), TC.images()),
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - image: alpine:3.19-debug-debug
                    name: a
                  - image: alpine-sidecar:1
                    name: b
            ---
            apiVersion: example.com/v1
            kind: Pipeline
            metadata:
              name: p
            spec:
              stages:
              - containers:
                - image: alpine:3.19-debug
                  name: s
            """),
        new Case(
            "images: registry port is not a tag; newName keeps the tag; digest drops it",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - {name: a, image: "localhost:5000/team/tool:old"}
              initContainers:
              - {name: b, image: "localhost:5000/team/tool"}
            """,
            new ImageTagTransformer(
                new ImageTagTransformer.Image(
                    "localhost:5000/team/tool", "ghcr.io/t", "", "sha256:abc", ""),
                TC.images()),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - image: ghcr.io/t@sha256:abc
                name: a
              initContainers:
              - image: ghcr.io/t@sha256:abc
                name: b
            """),
        new Case(
            "replicas: Deployment by name, created when missing",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec: {}
            """,
            new ReplicaCountTransformer("web", 5, TC.replicas(), SourcePosition.none()),
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 5
            """),
        new Case(
            "replacements: one part of a delimited string into an existing field",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: src}
            data: {host: db.prod.svc}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: dst}
            data: {url: "http://x:5432"}
            """,
            configMapReplacement(
                "src",
                "data.host",
                new ReplacementTransformer.Options(".", 1, false),
                "dst",
                List.of("data.url"),
                new ReplacementTransformer.Options(":", 1, false)),
            """
            apiVersion: v1
            data:
              host: db.prod.svc
            kind: ConfigMap
            metadata:
              name: src
            ---
            apiVersion: v1
            data:
              url: http:prod:5432
            kind: ConfigMap
            metadata:
              name: dst
            """),
        new Case(
            "replacements: a created field with a delimiter starts from empty text",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: src}
            data: {host: db}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: dst}
            """,
            configMapReplacement(
                "src",
                "data.host",
                null,
                "dst",
                List.of("data.url", "data.first"),
                new ReplacementTransformer.Options(".", 1, true)),
            """
            apiVersion: v1
            data:
              host: db
            kind: ConfigMap
            metadata:
              name: src
            ---
            apiVersion: v1
            data:
              first: .db
              url: .db
            kind: ConfigMap
            metadata:
              name: dst
            """),
        new Case(
            "replacements: a source that is also a target is read again for every place",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cm}
            data: {a: "x:1", b: "y:2"}
            """,
            configMapReplacement(
                "cm",
                "data.a",
                null,
                "cm",
                List.of("data.a", "data.b"),
                new ReplacementTransformer.Options(":", 1, false)),
            """
            apiVersion: v1
            data:
              a: x:x:1
              b: y:x:x:1
            kind: ConfigMap
            metadata:
              name: cm
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void transforms(Case c) {
    ResourceList list = Trees.resources(c.input());
    c.step().transform(list);
    assertEquals(c.expected(), Trees.yaml(list));
  }

  /**
   * One replacement from a field of ConfigMap {@code source} to fields of ConfigMap {@code target}
   * (the replacement cases' shape).
   */
  private static ReplacementTransformer configMapReplacement(
      String source,
      String sourceField,
      ReplacementTransformer.Options sourceOptions,
      String target,
      List<String> targetFields,
      ReplacementTransformer.Options targetOptions) {
    return new ReplacementTransformer(
        List.of(
            new ReplacementTransformer.Replacement(
                new ReplacementTransformer.Select(new Gvk("", "", "ConfigMap"), source, "", "", ""),
                sourceField,
                sourceOptions,
                List.of(
                    new ReplacementTransformer.Target(
                        new ReplacementTransformer.Select(
                            new Gvk("", "", "ConfigMap"), target, "", "", ""),
                        List.of(),
                        targetFields,
                        targetOptions)),
                SourcePosition.none())));
  }
}
