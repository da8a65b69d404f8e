package dev.stonegarden.render.diff;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Takes out of one environment's render what is expected to differ between environments, so a
 * {@code diff --env A --env B} shows the real differences (docs/ci.md, "Normalisation"): the
 * environment's namespace where a field names a namespace ({@code metadata.namespace}, any {@code
 * namespace} field, the Namespace object's name, the {@code kubernetes.io/metadata.name} label, and
 * {@code .<namespace>.svc} in DNS names), and the platform's {@code <labelDomain>/environment}
 * label. Both sides then read {@code <namespace>} and {@code <environment>}. Names are not touched:
 * a namespace equal to the service's name must not turn every name into a placeholder.
 */
final class EnvironmentNormalizer {
  static final String NAMESPACE = "<namespace>";
  static final String ENVIRONMENT = "<environment>";

  private final String namespace;
  private final String environment;
  private final String environmentLabel;

  /**
   * @param namespace the environment's namespace (service.yaml)
   * @param environment the environment's name
   * @param labelDomain platform.yaml's label domain
   */
  EnvironmentNormalizer(String namespace, String environment, String labelDomain) {
    this.namespace = namespace;
    this.environment = environment;
    this.environmentLabel = labelDomain + "/environment";
  }

  /** Normalises {@code doc} in place. */
  void apply(JsonNode doc) {
    if (!(doc instanceof ObjectNode o)) {
      return;
    }
    JsonNode kind = o.get("kind");
    JsonNode meta = o.get("metadata");
    if (kind != null
        && kind.isString()
        && kind.asString().equals("Namespace")
        && meta instanceof ObjectNode m
        && isNamespace(m.get("name"))) {
      m.put("name", NAMESPACE);
    }
    walk(o);
  }

  private void walk(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> field : o.properties()) {
        JsonNode v = field.getValue();
        String key = field.getKey();
        if ((key.equals("namespace") || key.equals("kubernetes.io/metadata.name"))
            && isNamespace(v)) {
          field.setValue(StringNode.valueOf(NAMESPACE));
        } else if (key.equals(environmentLabel)
            && v.isString()
            && v.asString().equals(environment)) {
          field.setValue(StringNode.valueOf(ENVIRONMENT));
        } else if (v.isString() && v.asString().contains("." + namespace + ".svc")) {
          field.setValue(
              StringNode.valueOf(
                  v.asString().replace("." + namespace + ".svc", "." + NAMESPACE + ".svc")));
        } else {
          walk(v);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode v = a.get(i);
        if (v.isString() && v.asString().contains("." + namespace + ".svc")) {
          a.set(
              i,
              StringNode.valueOf(
                  v.asString().replace("." + namespace + ".svc", "." + NAMESPACE + ".svc")));
        } else {
          walk(v);
        }
      }
    }
  }

  private boolean isNamespace(JsonNode v) {
    return v != null && v.isString() && v.asString().equals(namespace);
  }
}
