package dev.stonegarden.render.argocd;

import dev.stonegarden.render.yaml.JsonWriters;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON array the dynamic parameters command prints (Argo CD's ParameterAnnouncement,
 * docs/argocd.md#parameters): every {@link KnownParameter}, with the service's environments named
 * in the tooltip of {@code environment} (the same name as the static announcement; the dynamic list
 * comes first, so it wins in the UI).
 */
public final class ParameterAnnouncement {
  private ParameterAnnouncement() {}

  /**
   * The announcement.
   *
   * @param environments the service's environments in pipeline order; null when they could not be
   *     read (the announcement is then the static one, so the UI still works)
   */
  public static String json(List<String> environments) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (KnownParameter p : KnownParameter.ALL) {
      ObjectNode o = list.addObject();
      o.put("name", p.name());
      o.put("title", p.title());
      String tooltip = p.tooltip();
      if (p == KnownParameter.ENVIRONMENT) {
        tooltip =
            environments == null
                ? tooltip
                    + " The environments of this service could not be read from service.yaml;"
                    + " run `platform-render validate` in the service directory to see why."
                : environments.isEmpty()
                    ? tooltip + " This service lists no environments."
                    : tooltip + " This service: " + String.join(", ", environments) + ".";
      }
      o.put("tooltip", tooltip);
      o.put("required", p.required());
      o.put("itemType", "string");
      o.put("collectionType", p.form().key());
      if (p.defaultValue() != null) {
        o.put("string", p.defaultValue());
      }
    }
    return JsonWriters.ARGO_CD_VALUE.write(list);
  }
}
