package dev.stonegarden.render.kustomize.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * The strategic-merge scenario tables, one per concern. Every resource is named after its case so
 * that all success cases can run through kubectl in a single build. Expected outputs follow
 * docs/kustomize.md#strategic-merge and were confirmed with kubectl kustomize 5.5.0 (the oracle
 * test re-checks them whenever kubectl is installed).
 */
final class SmCases {
  private SmCases() {}

  static String head(String apiVersion, String kind, String name) {
    return "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n";
  }

  static String top(String apiVersion, String kind) {
    return "apiVersion: " + apiVersion + "\nkind: " + kind + "\n";
  }

  /** A Deployment; {@code rest} may bring its own metadata (then with the name). */
  static String deploy(String name, String rest) {
    return (rest.startsWith("metadata:")
            ? top("apps/v1", "Deployment")
            : head("apps/v1", "Deployment", name))
        + rest;
  }

  /** A Deployment whose pod spec is {@code podSpec} (indented for spec.template.spec). */
  static String pod(String name, String podSpec) {
    return deploy(name, "spec:\n  template:\n    spec:\n" + indent(podSpec, 6));
  }

  static String indent(String text, int n) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        sb.append(" ".repeat(n)).append(line);
      }
      sb.append('\n');
    }
    return sb.toString().replaceAll("\n+$", "\n");
  }

  static List<SmCase> maps() {
    List<SmCase> c = new ArrayList<>();
    c.add(
        SmCase.ok(
            "map-scalar-replaced-and-added",
            deploy("map-scalar-replaced-and-added", "spec:\n  replicas: 1\n  paused: false\n"),
            deploy("map-scalar-replaced-and-added", "spec:\n  replicas: 3\n  minReadySeconds: 5\n"),
            deploy(
                "map-scalar-replaced-and-added",
                "spec:\n  replicas: 3\n  paused: false\n  minReadySeconds: 5\n")));
    c.add(
        SmCase.ok(
            "map-null-deletes",
            deploy(
                "map-null-deletes",
                "metadata:\n  name: map-null-deletes\n  labels: {a: x, b: y}\nspec:\n  replicas: 1\n"),
            deploy(
                "map-null-deletes",
                "metadata:\n  name: map-null-deletes\n  labels: {a: null, c: ~}\nspec:\n  replicas: null\n"),
            deploy(
                "map-null-deletes",
                "metadata:\n  name: map-null-deletes\n  labels: {b: y}\nspec: {}\n")));
    c.add(
        SmCase.ok(
            "map-delete-every-key-leaves-empty",
            deploy(
                "map-delete-every-key-leaves-empty",
                "metadata:\n  name: map-delete-every-key-leaves-empty\n  labels: {a: x}\n"),
            deploy(
                "map-delete-every-key-leaves-empty",
                "metadata:\n  name: map-delete-every-key-leaves-empty\n  labels: {a: null}\n"),
            deploy(
                "map-delete-every-key-leaves-empty",
                "metadata:\n  name: map-delete-every-key-leaves-empty\n  labels: {}\n")));
    c.add(
        SmCase.ok(
            "map-new-nested-map-added",
            deploy("map-new-nested-map-added", "spec:\n  replicas: 1\n"),
            deploy("map-new-nested-map-added", "spec:\n  strategy:\n    type: Recreate\n"),
            deploy(
                "map-new-nested-map-added",
                "spec:\n  replicas: 1\n  strategy:\n    type: Recreate\n")));
    c.add(
        SmCase.ok(
            "map-null-for-missing-key-not-added",
            deploy("map-null-for-missing-key-not-added", "spec:\n  replicas: 1\n"),
            deploy(
                "map-null-for-missing-key-not-added", "spec:\n  paused: null\n  selector: null\n"),
            deploy("map-null-for-missing-key-not-added", "spec:\n  replicas: 1\n")));
    c.add(
        SmCase.ok(
            "map-null-in-resource-kept",
            deploy("map-null-in-resource-kept", "spec:\n  replicas: null\n  paused: true\n"),
            deploy("map-null-in-resource-kept", "spec:\n  paused: false\n"),
            deploy("map-null-in-resource-kept", "spec:\n  replicas: null\n  paused: false\n")));
    c.add(
        SmCase.ok(
            "map-empty-value-in-resource-dropped",
            pod(
                "map-empty-value-in-resource-dropped",
                "affinity:\n  nodeAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution:\n"
                    + "    requiredDuringSchedulingIgnoredDuringExecution: ~\n"),
            pod("map-empty-value-in-resource-dropped", "securityContext: {runAsNonRoot: true}\n"),
            pod(
                "map-empty-value-in-resource-dropped",
                "affinity:\n  nodeAffinity:\n"
                    + "    requiredDuringSchedulingIgnoredDuringExecution: null\nsecurityContext: {runAsNonRoot: true}\n")));
    c.add(
        SmCase.ok(
            "map-null-replaces-a-map-and-a-list",
            pod(
                "map-null-replaces-a-map-and-a-list",
                "nodeSelector: {a: b}\ntolerations: [{key: k}]\ncontainers: [{name: c}]\n"),
            pod("map-null-replaces-a-map-and-a-list", "nodeSelector: null\ntolerations: null\n"),
            pod("map-null-replaces-a-map-and-a-list", "containers: [{name: c}]\n")));
    c.add(
        SmCase.ok(
            "map-value-into-null",
            deploy(
                "map-value-into-null", "metadata:\n  name: map-value-into-null\n  labels: null\n"),
            deploy(
                "map-value-into-null",
                "metadata:\n  name: map-value-into-null\n  labels: {a: b}\n"),
            deploy(
                "map-value-into-null",
                "metadata:\n  name: map-value-into-null\n  labels: {a: b}\n")));
    c.add(
        SmCase.ok(
            "map-crd-maps-merge",
            head("example.com/v1", "Widget", "map-crd-maps-merge")
                + "spec:\n  a: 1\n  nested: {x: 1, y: 2}\n",
            head("example.com/v1", "Widget", "map-crd-maps-merge")
                + "spec:\n  nested: {y: 3, z: 4}\n",
            head("example.com/v1", "Widget", "map-crd-maps-merge")
                + "spec:\n  a: 1\n  nested: {x: 1, y: 3, z: 4}\n"));
    return c;
  }

  static List<SmCase> directives() {
    List<SmCase> c = new ArrayList<>();
    c.add(
        SmCase.ok(
            "dir-map-delete",
            pod("dir-map-delete", "securityContext: {runAsUser: 1}\ncontainers: [{name: c}]\n"),
            pod("dir-map-delete", "securityContext:\n  $patch: delete\n"),
            pod("dir-map-delete", "containers: [{name: c}]\n")));
    c.add(
        SmCase.ok(
            "dir-map-delete-of-missing-map",
            pod("dir-map-delete-of-missing-map", "containers: [{name: c}]\n"),
            pod(
                "dir-map-delete-of-missing-map",
                "securityContext:\n  $patch: delete\n  runAsUser: 5\n"),
            pod("dir-map-delete-of-missing-map", "containers: [{name: c}]\n")));
    c.add(
        SmCase.ok(
            "dir-map-replace",
            pod("dir-map-replace", "nodeSelector: {a: b, c: d}\ncontainers: [{name: c}]\n"),
            pod("dir-map-replace", "nodeSelector:\n  $patch: replace\n  e: f\n"),
            pod("dir-map-replace", "nodeSelector: {e: f}\ncontainers: [{name: c}]\n")));
    c.add(
        SmCase.ok(
            "dir-map-merge",
            pod("dir-map-merge", "nodeSelector: {a: b}\n"),
            pod("dir-map-merge", "nodeSelector:\n  $patch: merge\n  e: f\n"),
            pod("dir-map-merge", "nodeSelector: {a: b, e: f}\n")));
    c.add(
        SmCase.ok(
            "dir-top-level-delete",
            deploy("dir-top-level-delete", "spec:\n  replicas: 1\n"),
            deploy("dir-top-level-delete", "$patch: delete\n"),
            SmCase.DELETED));
    c.add(
        SmCase.ok(
            "dir-top-level-replace-is-a-no-op",
            deploy("dir-top-level-replace-is-a-no-op", "spec:\n  replicas: 1\n"),
            deploy("dir-top-level-replace-is-a-no-op", "$patch: replace\nspec:\n  paused: true\n"),
            deploy("dir-top-level-replace-is-a-no-op", "spec:\n  replicas: 1\n")));
    c.add(
        SmCase.ok(
            "dir-element-delete",
            pod(
                "dir-element-delete",
                "containers:\n- name: a\n  image: a\n  env: [{name: X, value: '1'}, {name: Y, value: '2'}]\n- name: b\n  image: b\n"),
            pod(
                "dir-element-delete",
                "containers:\n- name: b\n  $patch: delete\n- name: a\n  env:\n  - name: X\n    $patch: delete\n"),
            pod(
                "dir-element-delete",
                "containers:\n- name: a\n  image: a\n  env: [{name: Y, value: '2'}]\n")));
    c.add(
        SmCase.ok(
            "dir-element-delete-all-leaves-empty-list",
            pod(
                "dir-element-delete-all-leaves-empty-list",
                "containers:\n- name: a\n  env: [{name: X, value: '1'}]\n"),
            pod(
                "dir-element-delete-all-leaves-empty-list",
                "containers:\n- name: a\n  env:\n  - name: X\n    $patch: delete\n"),
            pod(
                "dir-element-delete-all-leaves-empty-list",
                "containers:\n- name: a\n  env: []\n")));
    c.add(
        SmCase.ok(
            "dir-element-replace-keeps-original",
            pod(
                "dir-element-replace-keeps-original",
                "containers:\n- name: web\n  image: web:1\n  args: [a]\n- name: side\n  image: side:1\n"),
            pod(
                "dir-element-replace-keeps-original",
                "containers:\n- name: web\n  $patch: replace\n  image: web:2\n"),
            pod(
                "dir-element-replace-keeps-original",
                "containers:\n- name: web\n  image: web:1\n  args: [a]\n- name: side\n  image: side:1\n")));
    c.add(
        SmCase.ok(
            "dir-list-replace",
            pod(
                "dir-list-replace",
                "containers:\n- name: a\n  env: [{name: X, value: '1'}, {name: Y, value: '2'}]\n"),
            pod(
                "dir-list-replace",
                "containers:\n- name: a\n  env:\n  - $patch: replace\n  - name: Z\n    value: '3'\n"),
            pod("dir-list-replace", "containers:\n- name: a\n  env: [{name: Z, value: '3'}]\n")));
    c.add(
        SmCase.ok(
            "dir-list-delete",
            pod("dir-list-delete", "containers:\n- name: a\n  env: [{name: X, value: '1'}]\n"),
            pod("dir-list-delete", "containers:\n- name: a\n  env:\n  - $patch: delete\n"),
            pod("dir-list-delete", "containers:\n- name: a\n")));
    c.add(
        SmCase.ok(
            "dir-list-merge",
            pod("dir-list-merge", "containers:\n- name: a\n  env: [{name: X, value: '1'}]\n"),
            pod(
                "dir-list-merge",
                "containers:\n- name: a\n  env:\n  - $patch: merge\n  - name: Y\n    value: '2'\n"),
            pod(
                "dir-list-merge",
                "containers:\n- name: a\n  env: [{name: Y, value: '2'}, {name: X, value: '1'}]\n")));
    c.add(
        SmCase.ok(
            "dir-unsupported-directives-copied",
            pod("dir-unsupported-directives-copied", "containers: [{name: a}, {name: b}]\n"),
            pod(
                "dir-unsupported-directives-copied",
                "$setElementOrder/containers: [{name: b}, {name: a}]\n$retainKeys: [containers]\n"),
            pod(
                "dir-unsupported-directives-copied",
                "containers: [{name: a}, {name: b}]\n$setElementOrder/containers: [{name: b}, {name: a}]\n$retainKeys: [containers]\n")));
    return c;
  }

  static List<SmCase> lists() {
    List<SmCase> c = new ArrayList<>();
    c.add(
        SmCase.ok(
            "list-containers-patch-first",
            pod(
                "list-containers-patch-first",
                "containers:\n- name: web\n  image: web:1\n- name: sidecar\n  image: s:1\n"),
            pod(
                "list-containers-patch-first",
                "containers:\n- name: new-first\n  image: n:1\n- name: web\n  image: web:2\n"),
            pod(
                "list-containers-patch-first",
                "containers:\n- name: new-first\n  image: n:1\n- name: web\n  image: web:2\n- name: sidecar\n  image: s:1\n")));
    c.add(
        SmCase.ok(
            "list-env-patch-first",
            pod(
                "list-env-patch-first",
                "containers:\n- name: a\n  env: [{name: A, value: '1'}, {name: B, value: '2'}]\n"),
            pod(
                "list-env-patch-first",
                "containers:\n- name: a\n  env: [{name: C, value: '3'}, {name: A, value: '9'}]\n"),
            pod(
                "list-env-patch-first",
                "containers:\n- name: a\n  env: [{name: C, value: '3'}, {name: A, value: '9'}, {name: B, value: '2'}]\n")));
    c.add(
        SmCase.ok(
            "list-volumes-and-mounts-merge",
            pod(
                "list-volumes-and-mounts-merge",
                "containers:\n- name: a\n  volumeMounts: [{name: v, mountPath: /a}]\nvolumes:\n- name: v\n  emptyDir: {}\n"),
            pod(
                "list-volumes-and-mounts-merge",
                "containers:\n- name: a\n  volumeMounts: [{name: w, mountPath: /b}]\nvolumes:\n- name: w\n  configMap: {name: cm}\n"),
            pod(
                "list-volumes-and-mounts-merge",
                "containers:\n- name: a\n  volumeMounts: [{name: w, mountPath: /b}, {name: v, mountPath: /a}]\nvolumes:\n- name: w\n  configMap: {name: cm}\n- name: v\n  emptyDir: {}\n")));
    c.add(
        SmCase.ok(
            "list-non-merging-replaced",
            pod(
                "list-non-merging-replaced",
                "tolerations: [{key: a}]\ncontainers:\n- name: a\n  args: [x, y]\n  command: [c]\n  envFrom: [{configMapRef: {name: a}}]\n"),
            pod(
                "list-non-merging-replaced",
                "tolerations: [{key: b}]\ncontainers:\n- name: a\n  args: [z]\n  envFrom: [{secretRef: {name: s}}]\n"),
            pod(
                "list-non-merging-replaced",
                "tolerations: [{key: b}]\ncontainers:\n- name: a\n  args: [z]\n  command: [c]\n  envFrom: [{secretRef: {name: s}}]\n")));
    c.add(
        SmCase.ok(
            "list-finalizers-set",
            deploy(
                "list-finalizers-set",
                "metadata:\n  name: list-finalizers-set\n  finalizers: [a, b]\n"),
            deploy(
                "list-finalizers-set",
                "metadata:\n  name: list-finalizers-set\n  finalizers: [c, a]\n"),
            deploy(
                "list-finalizers-set",
                "metadata:\n  name: list-finalizers-set\n  finalizers: [c, a, b]\n")));
    c.add(
        SmCase.ok(
            "list-crd-lists-replaced",
            head("argoproj.io/v1alpha1", "Rollout", "list-crd-lists-replaced")
                + "spec:\n  template:\n    spec:\n      containers: [{name: web, image: w:1}, {name: side, image: s:1}]\n",
            head("argoproj.io/v1alpha1", "Rollout", "list-crd-lists-replaced")
                + "spec:\n  template:\n    spec:\n      containers: [{name: web, image: w:2}]\n",
            head("argoproj.io/v1alpha1", "Rollout", "list-crd-lists-replaced")
                + "spec:\n  template:\n    spec:\n      containers: [{name: web, image: w:2}]\n"));
    c.add(
        SmCase.ok(
            "list-hpa-v2-has-no-schema",
            top("autoscaling/v2", "HorizontalPodAutoscaler")
                + "metadata:\n  name: list-hpa-v2-has-no-schema\n  finalizers: [a]\nspec:\n  maxReplicas: 3\n",
            top("autoscaling/v2", "HorizontalPodAutoscaler")
                + "metadata:\n  name: list-hpa-v2-has-no-schema\n  finalizers: [b]\n",
            top("autoscaling/v2", "HorizontalPodAutoscaler")
                + "metadata:\n  name: list-hpa-v2-has-no-schema\n  finalizers: [b]\nspec:\n  maxReplicas: 3\n"));
    c.add(
        SmCase.ok(
            "list-cronjob-containers-merge",
            head("batch/v1", "CronJob", "list-cronjob-containers-merge")
                + "spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: a, image: a:1}, {name: b, image: b:1}]\n",
            head("batch/v1", "CronJob", "list-cronjob-containers-merge")
                + "spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: b, image: b:2}]\n",
            head("batch/v1", "CronJob", "list-cronjob-containers-merge")
                + "spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: b, image: b:2}, {name: a, image: a:1}]\n"));
    c.add(
        SmCase.ok(
            "list-service-ports-merge",
            head("v1", "Service", "list-service-ports-merge")
                + "spec:\n  ports: [{name: http, port: 80, targetPort: 8080}]\n",
            head("v1", "Service", "list-service-ports-merge")
                + "spec:\n  ports: [{port: 80, targetPort: 9090}, {name: https, port: 443}]\n",
            head("v1", "Service", "list-service-ports-merge")
                + "spec:\n  ports: [{name: http, port: 80, targetPort: 9090}, {name: https, port: 443}]\n"));
    c.add(
        SmCase.ok(
            "list-new-list-added",
            pod("list-new-list-added", "containers: [{name: a}]\n"),
            pod("list-new-list-added", "containers:\n- name: a\n  env: [{name: X, value: '1'}]\n"),
            pod(
                "list-new-list-added",
                "containers:\n- name: a\n  env: [{name: X, value: '1'}]\n")));
    c.add(
        SmCase.ok(
            "list-element-without-key-wipes-earlier",
            pod(
                "list-element-without-key-wipes-earlier",
                "containers:\n- name: a\n  image: a\n- image: nameless\n"),
            pod("list-element-without-key-wipes-earlier", "containers:\n- name: a\n  image: a2\n"),
            pod("list-element-without-key-wipes-earlier", "containers:\n- image: nameless\n")));
    c.add(
        SmCase.ok(
            "list-scalar-patch-element-in-keyed-list",
            pod("list-scalar-patch-element-in-keyed-list", "containers: [{name: a}]\n"),
            pod("list-scalar-patch-element-in-keyed-list", "containers: [b]\n"),
            pod("list-scalar-patch-element-in-keyed-list", "containers: []\n")));
    return c;
  }

  static List<SmCase> quirks() {
    List<SmCase> c = new ArrayList<>();
    c.add(
        SmCase.ok(
            "quirk-container-ports-original-wins",
            pod(
                "quirk-container-ports-original-wins",
                "containers:\n- name: web\n  ports:\n  - containerPort: 8080\n    name: http\n"),
            pod(
                "quirk-container-ports-original-wins",
                "containers:\n- name: web\n  ports:\n  - containerPort: 8080\n    protocol: TCP\n    hostPort: 18080\n  - containerPort: 9090\n    name: metrics\n"),
            pod(
                "quirk-container-ports-original-wins",
                "containers:\n- name: web\n  ports:\n  - containerPort: 9090\n    name: metrics\n  - containerPort: 8080\n    name: http\n")));
    c.add(
        SmCase.ok(
            "quirk-service-ports-same-keys-merge",
            head("v1", "Service", "quirk-service-ports-same-keys-merge")
                + "spec:\n  ports:\n  - {name: http, port: 80, targetPort: 8080}\n  - {name: https, port: 443, targetPort: 8443, protocol: TCP}\n",
            head("v1", "Service", "quirk-service-ports-same-keys-merge")
                + "spec:\n  ports:\n  - {port: 80, targetPort: 9999}\n  - {port: 443, protocol: TCP, name: https, targetPort: 8444}\n",
            head("v1", "Service", "quirk-service-ports-same-keys-merge")
                + "spec:\n  ports:\n  - {name: http, port: 80, targetPort: 9999}\n  - {name: https, port: 443, targetPort: 8444, protocol: TCP}\n"));
    c.add(
        SmCase.ok(
            "quirk-service-port-protocol-dropped",
            head("v1", "Service", "quirk-service-port-protocol-dropped")
                + "spec:\n  ports:\n  - {name: http, port: 80, targetPort: 8080}\n",
            head("v1", "Service", "quirk-service-port-protocol-dropped")
                + "spec:\n  ports:\n  - {port: 80, protocol: TCP, targetPort: 9090}\n",
            head("v1", "Service", "quirk-service-port-protocol-dropped")
                + "spec:\n  ports:\n  - {name: http, port: 80, targetPort: 8080}\n"));
    c.add(
        SmCase.ok(
            "quirk-retain-keys-ignored",
            deploy(
                "quirk-retain-keys-ignored",
                "spec:\n  strategy:\n    type: RollingUpdate\n    rollingUpdate: {maxSurge: 1}\n"),
            deploy("quirk-retain-keys-ignored", "spec:\n  strategy:\n    type: Recreate\n"),
            deploy(
                "quirk-retain-keys-ignored",
                "spec:\n  strategy:\n    type: Recreate\n    rollingUpdate: {maxSurge: 1}\n")));
    c.add(
        SmCase.ok(
            "quirk-pdb-selector-merged",
            head("policy/v1", "PodDisruptionBudget", "quirk-pdb-selector-merged")
                + "spec:\n  selector:\n    matchLabels: {app: a}\n",
            head("policy/v1", "PodDisruptionBudget", "quirk-pdb-selector-merged")
                + "spec:\n  selector:\n    matchLabels: {tier: b}\n",
            head("policy/v1", "PodDisruptionBudget", "quirk-pdb-selector-merged")
                + "spec:\n  selector:\n    matchLabels: {app: a, tier: b}\n"));
    c.add(
        SmCase.ok(
            "quirk-topology-spread-multi-key",
            pod(
                "quirk-topology-spread-multi-key",
                "topologySpreadConstraints:\n- {topologyKey: zone, whenUnsatisfiable: DoNotSchedule, maxSkew: 1}\n"),
            pod(
                "quirk-topology-spread-multi-key",
                "topologySpreadConstraints:\n- {topologyKey: zone, whenUnsatisfiable: DoNotSchedule, maxSkew: 2}\n- {topologyKey: host, whenUnsatisfiable: ScheduleAnyway, maxSkew: 1}\n"),
            // multi-key lists: the matched element is re-added after the other patch elements
            pod(
                "quirk-topology-spread-multi-key",
                "topologySpreadConstraints:\n- {topologyKey: host, whenUnsatisfiable: ScheduleAnyway, maxSkew: 1}\n- {topologyKey: zone, whenUnsatisfiable: DoNotSchedule, maxSkew: 2}\n")));
    c.add(
        SmCase.ok(
            "quirk-duplicate-keys-in-new-list-collapse",
            pod("quirk-duplicate-keys-in-new-list-collapse", "containers: [{name: a}]\n"),
            pod(
                "quirk-duplicate-keys-in-new-list-collapse",
                "containers:\n- name: a\n  env: [{name: X, value: '1'}, {name: X, value: '2'}]\n"),
            pod(
                "quirk-duplicate-keys-in-new-list-collapse",
                "containers:\n- name: a\n  env: [{name: X, value: '2'}]\n")));
    return c;
  }

  static List<SmCase> errors() {
    List<SmCase> c = new ArrayList<>();
    c.add(
        SmCase.fails(
            "err-scalar-to-map",
            deploy("err-scalar-to-map", "spec:\n  replicas: 1\n"),
            deploy("err-scalar-to-map", "spec:\n  replicas: {a: b}\n"),
            "wrong node kind"));
    c.add(
        SmCase.fails(
            "err-map-to-list",
            deploy("err-map-to-list", "spec:\n  template: {}\n"),
            deploy("err-map-to-list", "spec:\n  template: [a]\n"),
            "wrong node kind"));
    c.add(
        SmCase.fails(
            "err-list-to-scalar",
            pod("err-list-to-scalar", "containers: [{name: a}]\n"),
            pod("err-list-to-scalar", "containers: none\n"),
            "wrong node kind"));
    c.add(
        SmCase.fails(
            "err-unknown-directive",
            pod("err-unknown-directive", "nodeSelector: {a: b}\n"),
            pod("err-unknown-directive", "nodeSelector:\n  $patch: remove\n"),
            "unknown patch strategy"));
    return c;
  }

  static List<SmCase> all() {
    List<SmCase> all = new ArrayList<>();
    all.addAll(maps());
    all.addAll(directives());
    all.addAll(lists());
    all.addAll(quirks());
    all.addAll(errors());
    return all;
  }
}
