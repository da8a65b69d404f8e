package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.pipeline.Generator;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.yaml.JsonErrors;
import dev.stonegarden.render.yaml.JsonTrees;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Grafana dashboards of a monitored environment (docs/rendering.md#dashboards-and-alert-files):
 * each file of {@code spec.monitoring.dashboards} must be a JSON object and becomes a ConfigMap
 * {@code <service>-dashboard-<base>} for Grafana's sidecar (label {@code grafana_dashboard: "1"},
 * annotation {@code grafana_folder: <team>}, data key {@code <base>.json}, the file's text
 * unchanged), or a grafana-operator {@code GrafanaDashboard} of the same name.
 *
 * <p>Above 256 KiB the object gets {@code argocd.argoproj.io/sync-options: ServerSideApply=true}:
 * client-side apply would store it again in the last-applied annotation, which is limited to 256
 * KiB (argo-cd #820). Above 1 MiB (the ConfigMap limit) it is an error, as is a name above 63
 * characters.
 */
public record DashboardGenerator(
    ServiceSpec service,
    ServiceSpec.Environment environment,
    PlatformSettings platform,
    SourceFiles files)
    implements Generator {

  static final int SSA_ABOVE = 256 * 1024;
  static final int MAX_BYTES = 1024 * 1024;

  /**
   * Dashboards checked to be a JSON object, once per run (nothing of the tree is used: the text
   * goes into the object as written).
   */
  static final ParsedFiles.Kind<Boolean> DASHBOARDS = new ParsedFiles.Kind<>("dashboards", b -> b);

  @Override
  public List<Resource> generate(ResourceList current) {
    if (service.monitoring() == null
        || !platform.monitoring().environments().contains(environment.name())) {
      return List.of();
    }
    return MonitoringFile.readEach(
        service,
        files,
        "dashboards",
        service.monitoring().dashboards(),
        "dashboard",
        f -> List.of(dashboard(f)));
  }

  private Resource dashboard(MonitoringFile f) {
    String name = service.name() + "-dashboard-" + f.baseName();
    if (name.length() > 63 || !PlatformChecks.DNS_SUBDOMAIN.matcher(name).matches()) {
      throw new InputException(
          f.namedAt(),
          "dashboard "
              + f.relative()
              + " would become "
              + name
              + " ("
              + name.length()
              + " characters): expected a name of at most 63 lower-case letters, digits, '-' and '.'; rename the file");
    }
    if (f.bytes().length > MAX_BYTES) {
      throw new InputException(
          f.namedAt(),
          "dashboard "
              + f.relative()
              + " has "
              + f.bytes().length
              + " bytes: expected at most 1 MiB (1048576 bytes), the limit of a ConfigMap");
    }
    String text = f.text("dashboard");
    f.parse(DASHBOARDS, bytes -> checkJson(f, text));
    ObjectNode body;
    if (platform.monitoring().dashboards() == PlatformSettings.DashboardMode.GRAFANA_OPERATOR) {
      body =
          Nodes.newObject(
              "grafana.integreatly.org/v1beta1", "GrafanaDashboard", name, environment.namespace());
      ObjectNode spec = body.putObject("spec");
      spec.put("folder", service.owner().team());
      spec.put("allowCrossNamespaceImport", true);
      ObjectNode matchLabels = spec.putObject("instanceSelector").putObject("matchLabels");
      new TreeMap<>(platform.monitoring().grafanaInstanceSelector()).forEach(matchLabels::put);
      spec.put("json", text);
    } else {
      body = Nodes.newObject("v1", "ConfigMap", name, environment.namespace());
      Nodes.child(Nodes.child(body, "metadata"), "labels").put("grafana_dashboard", "1");
      Nodes.child(Nodes.child(body, "metadata"), "annotations")
          .put("grafana_folder", service.owner().team());
      body.putObject("data").put(f.baseName() + ".json", text);
    }
    if (f.bytes().length > SSA_ABOVE) {
      Nodes.child(Nodes.child(body, "metadata"), "annotations")
          .put("argocd.argoproj.io/sync-options", "ServerSideApply=true");
    }
    return Nodes.generated(body, f.namedAt());
  }

  private static Boolean checkJson(MonitoringFile f, String text) {
    JsonNode tree;
    try {
      tree = JsonTrees.DASHBOARD.read(text);
    } catch (JacksonException e) {
      throw new InputException(
          JsonErrors.position(f.file(), text, e),
          "dashboard " + f.relative() + " is not valid JSON: " + JsonErrors.message(e));
    }
    if (tree == null || !tree.isObject()) {
      throw new InputException(
          SourcePosition.of(f.file()),
          "dashboard "
              + f.relative()
              + " is not a Grafana dashboard: expected a JSON object, found "
              + (tree == null
                  ? "nothing"
                  : tree.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }
    return Boolean.TRUE;
  }

  /** What {@code --verbose} prints. */
  @Override
  public String toString() {
    List<String> files =
        service.monitoring() == null ? List.of() : service.monitoring().dashboards();
    return "dashboards: "
        + (files.isEmpty()
            ? "none"
            : String.join(", ", files)
                + (platform.monitoring().dashboards() == PlatformSettings.DashboardMode.CONFIGMAP
                    ? " as ConfigMaps"
                    : " as GrafanaDashboards"));
  }
}
