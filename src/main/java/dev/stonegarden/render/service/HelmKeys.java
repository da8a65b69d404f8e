package dev.stonegarden.render.service;

import java.util.Map;
import java.util.Set;

/**
 * values.yaml looks like a Helm chart's values file, and Helm habits are the commonest unknown
 * keys: {@code replicaCount}, {@code image.repository}, {@code podAnnotations}. For those the
 * unknown-key error says what to write instead (docs/values-yaml.md) rather than the nearest
 * spelling.
 */
final class HelmKeys {
  private HelmKeys() {}

  /** Keys that have a values.yaml equivalent, where a settings map is (top level, a workload). */
  private static final Map<String, String> RENAMED =
      Map.ofEntries(
          Map.entry("replicaCount", "replicas"),
          Map.entry("imageTag", "image.tag"),
          Map.entry("tag", "image.tag"),
          Map.entry("extraEnv", "env"),
          Map.entry("extraEnvs", "env"),
          Map.entry("extraEnvVars", "env"),
          Map.entry("envVars", "env"),
          Map.entry("environment", "env"));

  /** Inside {@code image:}. */
  private static final Map<String, String> IMAGE_RENAMED =
      Map.of("version", "tag", "newTag", "tag", "imageTag", "tag");

  /** Helm chart keys with no values.yaml equivalent: they belong in the kustomize overlay. */
  private static final Set<String> OVERLAY_ONLY =
      Set.of(
          "affinity",
          "autoscaling",
          "fullnameOverride",
          "imagePullSecrets",
          "ingress",
          "livenessProbe",
          "nameOverride",
          "nodeSelector",
          "podAnnotations",
          "podLabels",
          "podSecurityContext",
          "readinessProbe",
          "securityContext",
          "service",
          "serviceAccount",
          "tolerations",
          "volumeMounts",
          "volumes");

  /** Inside {@code image:}: what kustomize's {@code images:} or the manifest sets. */
  private static final Set<String> IMAGE_OVERLAY_ONLY =
      Set.of("repository", "registry", "name", "pullPolicy", "digest");

  /**
   * The hint for an unknown key of values.yaml (starting with "; "), or null when the key is not a
   * Helm habit.
   *
   * @param pointer the JSON pointer of the map that holds the key ("" for the top level, {@code
   *     /workloads/NAME}, {@code /image}, {@code /workloads/NAME/image})
   */
  static String hint(String pointer, String key) {
    boolean image = pointer.endsWith("/image");
    if (image) {
      if (IMAGE_RENAMED.containsKey(key)) {
        return "; did you mean \"" + IMAGE_RENAMED.get(key) + "\"?";
      }
      if (IMAGE_OVERLAY_ONLY.contains(key)) {
        return "; values.yaml sets only image.tag: set the image's "
            + key
            + " in the overlay (kustomize images: or the manifest)";
      }
      return null;
    }
    if (RENAMED.containsKey(key)) {
      return "; did you mean \"" + RENAMED.get(key) + "\"?";
    }
    if (OVERLAY_ONLY.contains(key)) {
      return "; values.yaml is not a Helm chart's values file: it sets image.tag, replicas,"
          + " resources, env and workloads; set "
          + key
          + " in the environment's kustomize overlay";
    }
    return null;
  }
}
