package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.Values;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies values.yaml to the workloads of the environment (docs/rendering.md#values): image tag,
 * replicas, resources and env. values win over the overlay because they are applied after it.
 *
 * <p>The effective value of key K for workload W is {@code workloads.W.K}, else the top-level K,
 * else unchanged; keys are replaced whole. The image tag goes into every container and init
 * container (like kustomize's {@code images:}); resources only into regular containers (init
 * containers run once and are sized on their own); env into both, so that a migration init
 * container sees the same settings as the application.
 */
public record ValuesTransformer(Values values) implements Transformer {

  @Override
  public void transform(ResourceList resources) {
    Problems problems = new Problems();
    List<String> names = new ArrayList<>();
    for (Resource r : resources) {
      KindTables.Workload w = KindTables.workload(r);
      if (w == null) {
        continue;
      }
      names.add(r.name());
      apply(r, w, effective(r.name()));
    }
    for (String named : values.workloads().keySet()) {
      if (!names.contains(named)) {
        problems.error(
            values.sourceMap().keyPosition(Nodes.pointer("workloads", named)),
            "workloads."
                + named
                + " names no workload of this environment: expected the name of a Deployment,"
                + " StatefulSet, DaemonSet or Rollout, found "
                + (names.isEmpty() ? "none" : String.join(", ", new TreeSet<>(names))));
      }
    }
    problems.throwIfErrors();
  }

  /** The settings for one workload: its own keys, else the top-level ones. */
  Values.Settings effective(String workload) {
    Values.Settings top = values.defaults();
    Values.Settings own = values.workloads().get(workload);
    if (own == null) {
      return top;
    }
    return new Values.Settings(
        own.imageTag() != null ? own.imageTag() : top.imageTag(),
        own.replicas() != null ? own.replicas() : top.replicas(),
        own.resources() != null ? own.resources() : top.resources(),
        own.env() != null ? own.env() : top.env());
  }

  private static void apply(Resource r, KindTables.Workload w, Values.Settings s) {
    ObjectNode spec = Nodes.objectAt(r.body(), List.of("spec"));
    if (s.replicas() != null && w.hasReplicas()) {
      Nodes.child(r.body(), "spec").put("replicas", s.replicas().intValue());
    }
    ObjectNode podSpec = Nodes.objectAt(spec, List.of("template", "spec"));
    if (podSpec == null) {
      return;
    }
    List<ObjectNode> containers = Nodes.objects(podSpec, "containers");
    List<ObjectNode> all = new ArrayList<>(Nodes.objects(podSpec, "initContainers"));
    all.addAll(containers);
    for (ObjectNode c : all) {
      if (s.imageTag() != null && c.get("image") != null && c.get("image").isString()) {
        c.put("image", withTag(c.get("image").stringValue(), s.imageTag()));
      }
      if (s.env() != null && !s.env().isEmpty()) {
        upsertEnv(c, s.env());
      }
    }
    if (s.resources() != null) {
      for (ObjectNode c : containers) {
        c.set("resources", s.resources().deepCopy());
      }
    }
  }

  /**
   * {@code image} with its tag replaced: the repository is kept, a digest dropped. A tag that is a
   * digest ({@code sha256:…}) or ends in one ({@code 1.2.0@sha256:…}) pins the image by digest
   * (docs/promotion.md: promote copies what the earlier stage runs, digest included).
   */
  static String withTag(String image, String tag) {
    String repo = image;
    int at = repo.indexOf('@');
    if (at >= 0) {
      repo = repo.substring(0, at);
    }
    int colon = repo.lastIndexOf(':');
    // A colon before the last '/' belongs to a registry port (registry:5000/app), not to a tag.
    if (colon > repo.lastIndexOf('/')) {
      repo = repo.substring(0, colon);
    }
    if (tag.indexOf('@') < 0 && DIGEST.matcher(tag).matches()) {
      return repo + "@" + tag;
    }
    return repo + ":" + tag;
  }

  /** An OCI digest: {@code algorithm:hex}. */
  private static final java.util.regex.Pattern DIGEST =
      java.util.regex.Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}");

  private static void upsertEnv(ObjectNode container, Map<String, String> env) {
    ArrayNode list = container.get("env") instanceof ArrayNode a ? a : container.putArray("env");
    for (Map.Entry<String, String> e : env.entrySet()) {
      ObjectNode existing = null;
      for (ObjectNode item : Nodes.objects(container, "env")) {
        if (e.getKey().equals(Trees.string(item, "name"))) {
          existing = item;
          break;
        }
      }
      if (existing == null) {
        existing = list.addObject();
        existing.put("name", e.getKey());
      }
      existing.remove("valueFrom");
      existing.put("value", e.getValue());
    }
  }

  /** The JSON pointer of one key of a {@code workloads} entry in values.yaml. */
  static String workloadPointer(String workload, String key) {
    return "/workloads/" + SourceMap.escape(workload) + "/" + key;
  }

  /** For {@code --verbose}: the settings, never the file's absolute path. */
  /** What {@code --verbose} prints: the settings, never the env values (they may be secrets). */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>(describe(values.defaults()));
    values
        .workloads()
        .forEach(
            (name, settings) ->
                parts.add(
                    "workload "
                        + name
                        + " ("
                        + (describe(settings).isEmpty()
                            ? "nothing"
                            : String.join(", ", describe(settings)))
                        + ")"));
    return "values.yaml: " + (parts.isEmpty() ? "nothing to apply" : String.join(", ", parts));
  }

  private static List<String> describe(Values.Settings s) {
    List<String> parts = new ArrayList<>();
    if (s.imageTag() != null) {
      parts.add("image.tag " + s.imageTag());
    }
    if (s.replicas() != null) {
      parts.add("replicas " + s.replicas());
    }
    if (s.resources() != null) {
      parts.add("resources");
    }
    if (s.env() != null && !s.env().isEmpty()) {
      parts.add("env " + String.join(" ", s.env().keySet()));
    }
    return parts;
  }
}
