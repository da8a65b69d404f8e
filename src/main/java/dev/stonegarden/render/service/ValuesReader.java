package dev.stonegarden.render.service;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.service.Values.Settings;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code environments/<env>/values.yaml} (docs/values-yaml.md): checked against the values
 * schema (unknown keys are errors), then bound to {@link Values}. Whether each {@code workloads}
 * entry names a workload is known only after rendering; the platform stage checks that.
 */
public final class ValuesReader {
  /** The file name in an environment's directory. */
  public static final String FILE_NAME = "values.yaml";

  private ValuesReader() {}

  /**
   * The values of {@code valuesYaml}; {@link Values#none()} when the file does not exist, and no
   * values (but the file) when it holds no document (empty, or only comments).
   */
  public static Values read(Path valuesYaml) {
    return read(YamlFiles.ownDirectory(valuesYaml), valuesYaml);
  }

  /**
   * Like {@link #read(Path)}, through the repository's loader: a values.yaml that is a link out of
   * the repository, a FIFO or a device is refused, never read (docs/robustness.md#file-access).
   */
  public static Values read(RootedFiles files, Path valuesYaml) {
    if (!Files.exists(valuesYaml, LinkOption.NOFOLLOW_LINKS)) {
      return Values.none();
    }
    YamlDocument doc = YamlFiles.readOptional(files, valuesYaml, FILE_NAME);
    if (doc == null) {
      Values none = Values.none();
      return new Values(none.defaults(), none.workloads(), valuesYaml, SourceMap.empty(valuesYaml));
    }
    return read(doc);
  }

  /**
   * The values of {@code text}, as if it were the content of {@code valuesYaml} (promote renders an
   * edit before it writes it).
   */
  public static Values read(Path valuesYaml, String text) {
    List<YamlDocument> docs = YamlReader.read(valuesYaml, text, YamlReader.Options.resources());
    if (docs.stream().allMatch(d -> d.root().isNull() || d.root().isMissingNode())) {
      Values none = Values.none();
      return new Values(none.defaults(), none.workloads(), valuesYaml, SourceMap.empty(valuesYaml));
    }
    return read(YamlFiles.parseSingle(valuesYaml, FILE_NAME, text));
  }

  static Values read(YamlDocument doc) {
    Problems problems = new Problems();
    // env values may be secrets: their diagnostics say what kind of value was found, never the
    // value.
    problems.addAll(SchemaCheck.check(Schemas.VALUES, doc, p -> false, p -> p.contains("/env/")));
    List<Diagnostic> all = ServiceReader.sorted(problems.all());
    if (!all.isEmpty()) {
      throw new InputException(all);
    }
    JsonNode root = doc.root();
    Map<String, Settings> workloads = new LinkedHashMap<>();
    JsonNode w = root.path("workloads");
    for (Map.Entry<String, JsonNode> e : w.properties()) {
      workloads.put(e.getKey(), settings(e.getValue()));
    }
    return new Values(
        settings(root), Collections.unmodifiableMap(workloads), doc.file(), doc.sourceMap());
  }

  private static Settings settings(JsonNode n) {
    JsonNode tag = n.path("image").get("tag");
    JsonNode replicas = n.get("replicas");
    JsonNode resources = n.get("resources");
    JsonNode env = n.get("env");
    return new Settings(
        tag == null ? null : tag.stringValue(),
        replicas == null ? null : replicas.intValue(),
        resources == null ? null : ((ObjectNode) resources).deepCopy(),
        env == null ? null : Trees.stringMap(env));
  }
}
