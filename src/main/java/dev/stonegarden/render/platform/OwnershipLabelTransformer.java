package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ownership labels and annotations on every emitted object and pod template
 * (docs/rendering.md#ownership-labels); runs last so generated objects are labelled too.
 *
 * <ul>
 *   <li>{@code <labelDomain>/service|team|environment}: always set, they are the platform's;
 *   <li>{@code app.kubernetes.io/managed-by: platform-render} only where the key is absent, with no
 *       version (a version would resync every application on every upgrade);
 *   <li>never {@code app.kubernetes.io/instance} (Argo CD's tracking label) or {@code part-of}
 *       (teams use it for their own grouping);
 *   <li>never selectors (immutable): a selector that uses one of the platform's labels with another
 *       value than the platform sets on the pod template is an error;
 *   <li>annotations {@code <labelDomain>/owner-slack} and {@code owner-email} when given.
 * </ul>
 */
public record OwnershipLabelTransformer(
    String labelDomain, String service, String team, String environment, String slack, String email)
    implements Transformer {

  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String TOOL = "platform-render";

  /** The labels the platform always sets, in a fixed order. */
  Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(labelDomain + "/service", service);
    labels.put(labelDomain + "/team", team);
    labels.put(labelDomain + "/environment", environment);
    return labels;
  }

  /** The owner annotations, those given. */
  Map<String, String> annotations() {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (slack != null && !slack.isEmpty()) {
      annotations.put(labelDomain + "/owner-slack", slack);
    }
    if (email != null && !email.isEmpty()) {
      annotations.put(labelDomain + "/owner-email", email);
    }
    return annotations;
  }

  @Override
  public void transform(ResourceList resources) {
    Problems problems = new Problems();
    Map<String, String> labels = labels();
    Map<String, String> annotations = annotations();
    for (Resource r : resources) {
      label(r.metadata(), labels);
      if (!annotations.isEmpty()) {
        ObjectNode a = Nodes.child(r.metadata(), "annotations");
        annotations.forEach(a::put);
      }
      KindTables.PodTemplate pt = KindTables.podTemplate(r);
      if (pt == null) {
        continue;
      }
      ObjectNode template = Nodes.objectAt(r.body(), pt.template());
      if (template == null) {
        continue;
      }
      ObjectNode selector =
          pt.selector().isEmpty() ? null : Nodes.objectAt(r.body(), pt.selector());
      if (selector != null) {
        for (Map.Entry<String, String> e : labels.entrySet()) {
          JsonNode used = selector.get(e.getKey());
          if (used != null && !e.getValue().equals(Trees.jsonText(used))) {
            List<String> path = new ArrayList<>(pt.selector());
            path.add(e.getKey());
            problems.error(
                r.positionOf(Nodes.pointer(path.toArray())),
                Nodes.describe(r)
                    + " selects pods with "
                    + e.getKey()
                    + ": "
                    + Trees.jsonText(used)
                    + ", but the platform"
                    + " labels its pods "
                    + e.getKey()
                    + ": "
                    + e.getValue()
                    + ": remove the label from the selector"
                    + " (selectors are immutable; the platform sets this label)");
          }
        }
      }
      label(Nodes.child(template, "metadata"), labels);
    }
    problems.throwIfErrors();
  }

  private static void label(ObjectNode metadata, Map<String, String> labels) {
    ObjectNode l = Nodes.child(metadata, "labels");
    labels.forEach(l::put);
    if (!l.has(MANAGED_BY)) {
      l.put(MANAGED_BY, TOOL);
    }
  }

  /** What {@code --verbose} prints. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    parts.add("service " + service);
    parts.add("team " + team);
    parts.add("environment " + environment);
    if (slack != null) {
      parts.add("slack " + slack);
    }
    if (email != null) {
      parts.add("email " + email);
    }
    return "ownership labels " + labelDomain + "/*: " + String.join(", ", parts);
  }
}
