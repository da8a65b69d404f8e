package dev.stonegarden.render.kustomize.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code mergekeys.txt} from the Kubernetes OpenAPI document in {@code shared/schemas}: the
 * kinds of Kubernetes 1.21.2 (the schema kustomize 5.5 compiles in) and, for each definition on a
 * path to an associative list, the fields leading there (docs/kustomize.md#merge-keys).
 *
 * <p>The shared document is Kubernetes 1.33, so three corrections make it 1.21.2: (1) only the
 * apiVersion/kind pairs that 1.21.2 serves are roots ({@link #KINDS_1_21}; {@code autoscaling/v2}
 * HPA is not one); (2) a 1.21 version that 1.33 no longer has takes the structure of the same group
 * and kind in the newest version 1.33 has (batch/v1beta1 CronJob → batch/v1), or just {@code
 * metadata} when the kind is gone (PodSecurityPolicy, extensions Ingress; none of their lists
 * merge); (3) merge strategies added after 1.21 are dropped ({@link #ADDED_AFTER_1_21}). {@link
 * MergeKeysTest} regenerates the table and compares, so the file cannot drift; run {@link #main} to
 * rewrite it.
 */
public final class MergeKeysGenerator {
  /** The built-in kinds of Kubernetes 1.21.2 as kustomize's compiled schema has them. */
  static final List<String> KINDS_1_21 =
      List.of(
          "admissionregistration.k8s.io/v1 MutatingWebhookConfiguration",
          "admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration",
          "admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration",
          "admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration",
          "apiextensions.k8s.io/v1 CustomResourceDefinition",
          "apiextensions.k8s.io/v1beta1 CustomResourceDefinition",
          "apiregistration.k8s.io/v1 APIService",
          "apiregistration.k8s.io/v1beta1 APIService",
          "apps/v1 ControllerRevision",
          "apps/v1 DaemonSet",
          "apps/v1 Deployment",
          "apps/v1 ReplicaSet",
          "apps/v1 StatefulSet",
          "autoscaling/v1 HorizontalPodAutoscaler",
          "autoscaling/v1 Scale",
          "autoscaling/v2beta1 HorizontalPodAutoscaler",
          "autoscaling/v2beta2 HorizontalPodAutoscaler",
          "batch/v1 CronJob",
          "batch/v1 Job",
          "batch/v1beta1 CronJob",
          "certificates.k8s.io/v1 CertificateSigningRequest",
          "certificates.k8s.io/v1beta1 CertificateSigningRequest",
          "coordination.k8s.io/v1 Lease",
          "coordination.k8s.io/v1beta1 Lease",
          "discovery.k8s.io/v1 EndpointSlice",
          "discovery.k8s.io/v1beta1 EndpointSlice",
          "events.k8s.io/v1 Event",
          "events.k8s.io/v1beta1 Event",
          "extensions/v1beta1 Ingress",
          "flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema",
          "flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration",
          "networking.k8s.io/v1 Ingress",
          "networking.k8s.io/v1 IngressClass",
          "networking.k8s.io/v1 NetworkPolicy",
          "networking.k8s.io/v1beta1 Ingress",
          "networking.k8s.io/v1beta1 IngressClass",
          "node.k8s.io/v1 RuntimeClass",
          "node.k8s.io/v1beta1 RuntimeClass",
          "policy/v1 PodDisruptionBudget",
          "policy/v1beta1 PodDisruptionBudget",
          "policy/v1beta1 PodSecurityPolicy",
          "rbac.authorization.k8s.io/v1 ClusterRole",
          "rbac.authorization.k8s.io/v1 ClusterRoleBinding",
          "rbac.authorization.k8s.io/v1 Role",
          "rbac.authorization.k8s.io/v1 RoleBinding",
          "rbac.authorization.k8s.io/v1beta1 ClusterRole",
          "rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding",
          "rbac.authorization.k8s.io/v1beta1 Role",
          "rbac.authorization.k8s.io/v1beta1 RoleBinding",
          "scheduling.k8s.io/v1 PriorityClass",
          "scheduling.k8s.io/v1beta1 PriorityClass",
          "storage.k8s.io/v1 CSIDriver",
          "storage.k8s.io/v1 CSINode",
          "storage.k8s.io/v1 StorageClass",
          "storage.k8s.io/v1 VolumeAttachment",
          "storage.k8s.io/v1beta1 CSIDriver",
          "storage.k8s.io/v1beta1 CSINode",
          "storage.k8s.io/v1beta1 CSIStorageCapacity",
          "storage.k8s.io/v1beta1 StorageClass",
          "storage.k8s.io/v1beta1 VolumeAttachment",
          "v1 Binding",
          "v1 ComponentStatus",
          "v1 ConfigMap",
          "v1 Endpoints",
          "v1 Event",
          "v1 LimitRange",
          "v1 Namespace",
          "v1 Node",
          "v1 PersistentVolume",
          "v1 PersistentVolumeClaim",
          "v1 Pod",
          "v1 PodTemplate",
          "v1 ReplicationController",
          "v1 ResourceQuota",
          "v1 Secret",
          "v1 Service",
          "v1 ServiceAccount");

  /** Definition + " " + field of merge strategies that Kubernetes added after 1.21. */
  static final Set<String> ADDED_AFTER_1_21 =
      Set.of(
          "io.k8s.api.core.v1.EphemeralContainer ports",
          "io.k8s.api.core.v1.PodSpec resourceClaims",
          "io.k8s.api.core.v1.PodSpec schedulingGates",
          "io.k8s.api.core.v1.ContainerStatus allocatedResourcesStatus",
          "io.k8s.api.core.v1.ContainerStatus volumeMounts",
          "io.k8s.api.core.v1.PodStatus hostIPs",
          "io.k8s.api.core.v1.PodStatus resourceClaimStatuses",
          "io.k8s.api.admissionregistration.v1.MutatingWebhook matchConditions",
          "io.k8s.api.admissionregistration.v1.ValidatingWebhook matchConditions",
          "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps x-kubernetes-validations");

  static final String METADATA_ONLY = "metadataOnly";
  static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

  private final JsonNode definitions;

  MergeKeysGenerator(JsonNode swagger) {
    this.definitions = swagger.get("definitions");
  }

  static Path sharedSchema() {
    String shared = System.getProperty("shared.dir");
    return shared == null ? null : Path.of(shared, "schemas", "kubernetes-1.33.0-openapi.json");
  }

  static Path resourceFile() {
    String project = System.getProperty("project.dir", ".");
    return Path.of(
        project,
        "src/main/resources/dev/stonegarden/render/kustomize/patch",
        MergeSchema.BUILTIN_RESOURCE);
  }

  public static void main(String[] args) throws IOException {
    Path schema = args.length > 0 ? Path.of(args[0]) : sharedSchema();
    Path out = args.length > 1 ? Path.of(args[1]) : resourceFile();
    JsonNode swagger = new JsonMapper().readTree(Files.readString(schema));
    Files.writeString(out, new MergeKeysGenerator(swagger).generate(), StandardCharsets.UTF_8);
  }

  String generate() {
    Map<String, String> byType = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : definitions.properties()) {
      JsonNode gvks = e.getValue().get("x-kubernetes-group-version-kind");
      if (gvks == null) {
        continue;
      }
      for (JsonNode g : gvks) {
        String group = g.get("group").stringValue();
        String apiVersion =
            group.isEmpty()
                ? g.get("version").stringValue()
                : group + "/" + g.get("version").stringValue();
        byType.putIfAbsent(apiVersion + " " + g.get("kind").stringValue(), e.getKey());
      }
    }
    Map<String, String> roots = new LinkedHashMap<>();
    for (String type : KINDS_1_21) {
      String def = byType.get(type);
      if (def == null) {
        def = sameGroupAndKind(type, byType);
      }
      roots.put(type, def == null ? METADATA_ONLY : def);
    }
    Set<String> relevant = relevantDefinitions();
    StringBuilder sb = new StringBuilder();
    sb.append(
        "# Merge keys of Kubernetes 1.21.2 for strategic merge (docs/kustomize.md#merge-keys).\n");
    sb.append(
        "# Generated by MergeKeysGenerator (src/test) from the Kubernetes 1.33.0 OpenAPI document;\n");
    sb.append("# MergeKeysTest regenerates and compares. Do not edit by hand.\n");
    sb.append("#\n");
    sb.append("# kind <apiVersion> <kind> <definition>       the root definition of a kind\n");
    sb.append(
        "# def <definition>                            then its fields on paths to associative lists:\n");
    sb.append("#   <field> obj <definition>                  an object\n");
    sb.append(
        "#   <field> map <definition>                  a map whose values are <definition>\n");
    sb.append(
        "#   <field> list <key,key|-> <definition|->   a list merged by these keys (- : a list of scalars)\n");
    sb.append(
        "#                                             whose elements are <definition> (- : nothing to walk)\n");
    for (Map.Entry<String, String> e : roots.entrySet()) {
      sb.append("kind ").append(e.getKey()).append(' ').append(e.getValue()).append('\n');
    }
    sb.append("def ").append(METADATA_ONLY).append('\n');
    sb.append("  metadata obj ").append(OBJECT_META).append('\n');
    // only what the roots reach: definitions of newer kinds stay out
    Set<String> reachable = new TreeSet<>();
    List<String> queue = new ArrayList<>(roots.values());
    queue.add(OBJECT_META);
    while (!queue.isEmpty()) {
      String def = queue.remove(queue.size() - 1);
      if (def.equals(METADATA_ONLY) || !relevant.contains(def) || !reachable.add(def)) {
        continue;
      }
      for (String l : fieldLines(def, relevant)) {
        String target = l.substring(l.lastIndexOf(' ') + 1);
        if (!target.equals("-")) {
          queue.add(target);
        }
      }
    }
    for (String def : reachable) {
      List<String> lines = fieldLines(def, relevant);
      if (lines.isEmpty()) {
        continue;
      }
      sb.append("def ").append(def).append('\n');
      for (String l : lines) {
        sb.append("  ").append(l).append('\n');
      }
    }
    return sb.toString();
  }

  /** The definition of the same group and kind in the newest version 1.33 has, or null. */
  private static String sameGroupAndKind(String type, Map<String, String> byType) {
    String[] tk = type.split(" ");
    String group = tk[0].contains("/") ? tk[0].substring(0, tk[0].indexOf('/')) : "";
    String best = null;
    String bestVersion = null;
    for (Map.Entry<String, String> e : byType.entrySet()) {
      String[] ek = e.getKey().split(" ");
      String g = ek[0].contains("/") ? ek[0].substring(0, ek[0].indexOf('/')) : "";
      String v = ek[0].substring(ek[0].indexOf('/') + 1);
      if (g.equals(group)
          && ek[1].equals(tk[1])
          && (bestVersion == null || newer(v, bestVersion))) {
        best = e.getValue();
        bestVersion = v;
      }
    }
    return best;
  }

  /** Kubernetes version priority: GA over beta over alpha, then the higher number. */
  private static boolean newer(String a, String b) {
    return rank(a) > rank(b);
  }

  private static int rank(String v) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?").matcher(v);
    if (!m.matches()) {
      return 0;
    }
    int major = Integer.parseInt(m.group(1));
    int stage = m.group(2) == null ? 3 : m.group(2).equals("beta") ? 2 : 1;
    int minor = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return stage * 1_000_000 + major * 1000 + minor;
  }

  private boolean associative(String def, String field, JsonNode prop) {
    if (ADDED_AFTER_1_21.contains(def + " " + field)) {
      return false;
    }
    JsonNode strategy = prop.get("x-kubernetes-patch-strategy");
    JsonNode type = prop.get("type");
    return strategy != null
        && List.of(strategy.stringValue().split(",")).contains("merge")
        && type != null
        && type.isString()
        && type.stringValue().equals("array");
  }

  private static String refName(JsonNode schema) {
    JsonNode ref = schema == null ? null : schema.get("$ref");
    return ref == null ? null : ref.stringValue().substring("#/definitions/".length());
  }

  /** Definitions from which an associative list can be reached by the merge walk. */
  private Set<String> relevantDefinitions() {
    Set<String> relevant = new TreeSet<>();
    relevant.add(OBJECT_META);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, JsonNode> e : definitions.properties()) {
        if (relevant.contains(e.getKey())) {
          continue;
        }
        JsonNode props = e.getValue().get("properties");
        if (props == null) {
          continue;
        }
        for (Map.Entry<String, JsonNode> p : props.properties()) {
          String target = reached(e.getKey(), p.getKey(), p.getValue(), relevant);
          if (target != null) {
            relevant.add(e.getKey());
            changed = true;
            break;
          }
        }
      }
    }
    return relevant;
  }

  /** A non-null marker when this property leads to an associative list (given what is known). */
  private String reached(String def, String field, JsonNode prop, Set<String> relevant) {
    if (associative(def, field, prop)) {
      return "list";
    }
    String ref = refName(prop);
    if (ref != null && relevant.contains(ref)) {
      return ref;
    }
    String map = refName(prop.get("additionalProperties"));
    if (map != null && relevant.contains(map)) {
      return map;
    }
    return null;
  }

  private List<String> fieldLines(String def, Set<String> relevant) {
    List<String> lines = new ArrayList<>();
    JsonNode props = definitions.get(def).get("properties");
    if (props == null) {
      return lines;
    }
    for (String field : new TreeSet<>(props.propertyNames())) {
      JsonNode prop = props.get(field);
      if (associative(def, field, prop)) {
        List<String> keys = new ArrayList<>();
        JsonNode lmk = prop.get("x-kubernetes-list-map-keys");
        if (lmk != null) {
          lmk.forEach(k -> keys.add(k.stringValue()));
        } else if (prop.get("x-kubernetes-patch-merge-key") != null) {
          keys.add(prop.get("x-kubernetes-patch-merge-key").stringValue());
        }
        String item = refName(prop.get("items"));
        lines.add(
            field
                + " list "
                + (keys.isEmpty() ? "-" : String.join(",", keys))
                + " "
                + (item != null && relevant.contains(item) ? item : "-"));
        continue;
      }
      String ref = refName(prop);
      if (ref != null && relevant.contains(ref)) {
        lines.add(field + " obj " + ref);
        continue;
      }
      String map = refName(prop.get("additionalProperties"));
      if (map != null && relevant.contains(map)) {
        lines.add(field + " map " + map);
      }
    }
    return lines;
  }
}
