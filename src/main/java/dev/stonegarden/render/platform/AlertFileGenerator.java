package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.pipeline.Generator;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The team's alert files of a monitored environment (docs/rendering.md#dashboards-and-alert-files):
 * each document is a PrometheusRule, kept with the environment's namespace and {@code
 * prometheus.ruleLabels} set, or a bare {@code groups:} document (the Prometheus rule-file form),
 * wrapped into a PrometheusRule {@code <service>-<file base name>}.
 *
 * <p>Alert files are read like resources (YAML 1.2 typing, positions kept), so a kept
 * PrometheusRule points back at its own lines in diagnostics.
 */
public record AlertFileGenerator(
    ServiceSpec service,
    ServiceSpec.Environment environment,
    PlatformSettings platform,
    SourceFiles files)
    implements Generator {

  static final String API_VERSION = "monitoring.coreos.com/v1";

  /** Alert files, parsed once per run (the trees are changed here: each render gets a copy). */
  static final ParsedFiles.Kind<List<YamlDocument>> ALERT_FILES =
      ParsedFiles.Kind.documents("alert files");

  @Override
  public List<Resource> generate(ResourceList current) {
    if (service.monitoring() == null
        || !platform.monitoring().environments().contains(environment.name())) {
      return List.of();
    }
    return MonitoringFile.readEach(
        service, files, "alerts", service.monitoring().alerts(), "alert file", this::rules);
  }

  private List<Resource> rules(MonitoringFile f) {
    List<YamlDocument> documents =
        f.parse(
            ALERT_FILES,
            bytes ->
                YamlReader.read(f.file(), f.text("alert file"), YamlReader.Options.resources()));
    List<Resource> out = new ArrayList<>();
    int bare = 0;
    for (YamlDocument d : documents) {
      JsonNode doc = d.root();
      if (doc == null || doc.isNull() || doc.isMissingNode()) {
        continue;
      }
      ObjectNode body;
      if (doc instanceof ObjectNode o
          && "PrometheusRule".equals(Trees.string(o, "kind"))
          && API_VERSION.equals(Trees.string(o, "apiVersion"))) {
        body = o;
      } else if (doc instanceof ObjectNode o
          && !o.has("kind")
          && !o.has("apiVersion")
          && o.get("groups") != null
          && o.get("groups").isArray()) {
        if (++bare > 1) {
          throw new InputException(
              SourcePosition.of(f.file()),
              "alert file "
                  + f.relative()
                  + " has more than one groups: document: expected one, as each becomes PrometheusRule "
                  + name(f));
        }
        body = Nodes.newObject(API_VERSION, "PrometheusRule", name(f), null);
        body.putObject("spec").set("groups", o.get("groups"));
      } else {
        String found =
            doc instanceof ObjectNode o && o.has("kind")
                ? "kind " + Trees.string(o, "kind")
                : "a document without groups";
        throw new InputException(
            d.start(),
            "alert file "
                + f.relative()
                + ": expected a "
                + API_VERSION
                + " PrometheusRule or a document with groups:, found "
                + found);
      }
      Nodes.child(body, "metadata").put("namespace", environment.namespace());
      ObjectNode labels = Nodes.child(Nodes.child(body, "metadata"), "labels");
      new TreeMap<>(platform.prometheus().ruleLabels()).forEach(labels::put);
      out.add(new Resource(body, d.start(), d.sourceMap()));
    }
    return out;
  }

  private String name(MonitoringFile f) {
    return service.name() + "-" + f.baseName();
  }

  /** What {@code --verbose} prints. */
  @Override
  public String toString() {
    List<String> files = service.monitoring() == null ? List.of() : service.monitoring().alerts();
    return "alert files: " + (files.isEmpty() ? "none" : String.join(", ", files));
  }
}
