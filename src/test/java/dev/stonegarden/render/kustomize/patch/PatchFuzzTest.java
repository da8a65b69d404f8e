package dev.stonegarden.render.kustomize.patch;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlLimits;
import dev.stonegarden.render.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzes the patch engines: whatever the input, they either succeed or throw an {@link
 * InputException}; any other exception, a stack overflow or a hang is a bug. The input is a YAML
 * stream: the first document is the object, the second the patch.
 *
 * <p>In a normal {@code mvn test} this runs as a regression test over the seeds in {@code
 * PatchFuzzTestInputs/<method>}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class PatchFuzzTest {
  private static final Path FILE = Path.of("fuzz.yaml");
  private static final YamlReader.Options OPTIONS =
      YamlReader.Options.resources().withLimits(new YamlLimits(1 << 16, 20, 60, 50, 3));

  private static List<JsonNode> docs(byte[] data) {
    try {
      return YamlReader.read(FILE, new String(data, StandardCharsets.UTF_8), OPTIONS).stream()
          .map(YamlDocument::root)
          .toList();
    } catch (InputException e) {
      return List.of();
    }
  }

  @FuzzTest(maxDuration = "30s")
  void strategicMergeNeverFailsUnexpectedly(byte[] data) {
    List<JsonNode> docs = docs(data);
    if (docs.size() < 2
        || !(docs.get(0) instanceof ObjectNode original)
        || !(docs.get(1) instanceof ObjectNode patch)) {
      return;
    }
    for (MergeSchema schema : new MergeSchema[] {MergeSchema.builtin(), MergeSchema.empty()}) {
      ObjectNode copy = original.deepCopy();
      try {
        MergeResult r = StrategicMerge.merge(copy, patch, schema, null);
        r.body().toString();
      } catch (InputException expected) {
        requireDiagnostics(expected);
      }
    }
  }

  @FuzzTest(maxDuration = "30s")
  void jsonPatchNeverFailsUnexpectedly(byte[] data) {
    List<JsonNode> docs = docs(data);
    if (docs.size() < 2 || !(docs.get(1) instanceof ArrayNode ops) || !JsonPatch.shape(ops).ok()) {
      return;
    }
    try {
      JsonPatch.apply(docs.get(0), ops).toString();
    } catch (InputException expected) {
      requireDiagnostics(expected);
    }
  }

  /**
   * The whole path of a {@code patches:} entry: text → parser → transformer, on fixed resources.
   */
  @FuzzTest(maxDuration = "30s")
  void patchTransformerNeverFailsUnexpectedly(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    ResourceList resources = new ResourceList();
    for (JsonNode d :
        PatchDocuments.trees(
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          template:
            spec:
              containers: [{name: web, image: web:1, ports: [{containerPort: 80}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: prod}
        spec: {ports: [{port: 80}]}
        """)) {
      resources.add(new Resource((ObjectNode) d, SourcePosition.none(), null));
    }
    int newline = text.indexOf('\n');
    String selector = newline < 0 ? text : text.substring(0, newline);
    PatchTarget[] targets = {
      null,
      new PatchTarget(null, null, selector, null, null, null, null),
      new PatchTarget(null, null, null, null, null, selector, null),
    };
    for (PatchTarget target : targets) {
      for (PatchOptions options :
          new PatchOptions[] {PatchOptions.NONE, new PatchOptions(true, true)}) {
        ResourceList copy = new ResourceList();
        resources.forEach(r -> copy.add(r.copy()));
        try {
          new PatchTransformer(
                  text, SourcePosition.of(FILE), target, options, MergeSchema.builtin())
              .transform(copy);
          copy.forEach(r -> r.body().toString());
        } catch (InputException expected) {
          requireDiagnostics(expected);
        }
      }
    }
  }

  private static void requireDiagnostics(InputException e) {
    if (e.diagnostics().isEmpty() || e.diagnostics().get(0).message().isEmpty()) {
      throw new AssertionError("an InputException without a message");
    }
  }
}
