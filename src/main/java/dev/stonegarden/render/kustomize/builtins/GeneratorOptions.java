package dev.stonegarden.render.kustomize.builtins;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code generatorOptions} or a generator's own {@code options} (kustomize's {@code
 * types.GeneratorOptions}). {@code labels}/{@code annotations} are null when not given.
 */
public record GeneratorOptions(
    Map<String, String> labels,
    Map<String, String> annotations,
    boolean disableNameSuffixHash,
    boolean immutable) {

  /**
   * kustomize's {@code MergeGlobalOptionsIntoLocal}
   * (docs/kustomize.md#configmap-and-secret-generators): local keys win, flags are OR-ed.
   */
  public static GeneratorOptions merge(GeneratorOptions local, GeneratorOptions global) {
    if (global == null) {
      return local;
    }
    GeneratorOptions l = local == null ? new GeneratorOptions(null, null, false, false) : local;
    return new GeneratorOptions(
        override(l.labels, global.labels),
        override(l.annotations, global.annotations),
        l.disableNameSuffixHash || global.disableNameSuffixHash,
        l.immutable || global.immutable);
  }

  private static Map<String, String> override(
      Map<String, String> local, Map<String, String> global) {
    if (local == null) {
      return global == null ? null : new LinkedHashMap<>(global);
    }
    Map<String, String> out = new LinkedHashMap<>(local);
    if (global != null) {
      global.forEach(out::putIfAbsent);
    }
    return out;
  }
}
