package dev.stonegarden.render.appset;

import java.util.List;

/**
 * One entry of an Application's {@code spec.ignoreDifferences}: fields Argo CD neither diffs nor
 * (with {@code RespectIgnoreDifferences=true}) overwrites on sync, because a controller owns them
 * (an HPA the replicas, a Rollout the route weights).
 *
 * @param group API group, empty for core
 * @param name the object's name, or null for every object of the kind
 * @param jsonPointers RFC 6901 pointers (may be empty)
 * @param jqPathExpressions jq paths (may be empty)
 */
public record IgnoreDifference(
    String group,
    String kind,
    String name,
    List<String> jsonPointers,
    List<String> jqPathExpressions) {

  public IgnoreDifference {
    jsonPointers = List.copyOf(jsonPointers);
    jqPathExpressions = List.copyOf(jqPathExpressions);
  }

  /** {@code jsonPointers} only. */
  public static IgnoreDifference pointers(
      String group, String kind, String name, String... pointers) {
    return new IgnoreDifference(group, kind, name, List.of(pointers), List.of());
  }
}
