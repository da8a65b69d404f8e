package dev.stonegarden.render.service;

import dev.stonegarden.render.yaml.SourceMap;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bound {@code environments/<env>/values.yaml} (docs/values-yaml.md): what changes between
 * environments and what promotion edits. Applied to the kustomize output, so values win.
 *
 * @param defaults the top-level keys, for every workload
 * @param workloads per workload name ({@code metadata.name}), overriding the top-level keys whole
 * @param file the file, or null when the environment has none
 */
public record Values(
    Settings defaults, Map<String, Settings> workloads, Path file, SourceMap sourceMap) {

  /** No values.yaml: nothing changes. */
  public static Values none() {
    return new Values(new Settings(null, null, null, null), Map.of(), null, SourceMap.empty(null));
  }

  /**
   * One set of keys; each is null when not given (then the level above applies, else nothing
   * changes).
   *
   * @param imageTag {@code image.tag}
   * @param replicas {@code replicas}
   * @param resources {@code resources}, the whole container {@code resources} block
   * @param env {@code env}, name → value, upserted into every container's env
   */
  public record Settings(
      String imageTag, Integer replicas, ObjectNode resources, Map<String, String> env) {}
}
