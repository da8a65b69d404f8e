package dev.stonegarden.render.kargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.cli.Cli;
import dev.stonegarden.render.cli.Invocation;
import dev.stonegarden.render.testing.UpstreamSchemas;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code kargo} on the example repository (its bytes are pinned by the golden case {@code
 * kargo-example}): every object validates against the upstream Kargo and Argo Rollouts CRDs with
 * unknown fields as errors, and, since a promotion step's {@code config} is free-form in the Stage
 * CRD (and a Warehouse subscription too), each one is checked against the fields Kargo documents
 * for it.
 */
class KargoPipelineTest {
  static final Path EXAMPLE =
      Path.of(System.getProperty("project.dir", "."), "examples", "kubernetes");

  /**
   * A promotion step's documented config: required and allowed fields, and the same for the objects
   * of its list fields. Written from Kargo v1.11.2's reference (docs/docs/50-user-guide/
   * 60-reference-docs/30-promotion-steps/*.md, and the JSON schemas the controller checks configs
   * with, pkg/promotion/runner/builtin/schemas/*-config.json).
   */
  record Fields(Set<String> required, Set<String> allowed, Map<String, Fields> items) {
    Fields(Set<String> required, Set<String> allowed) {
      this(required, allowed, Map.of());
    }
  }

  static final Map<String, Fields> STEPS =
      Map.of(
          "git-clone",
          new Fields(
              Set.of("repoURL", "checkout"),
              Set.of(
                  "repoURL",
                  "insecureSkipTLSVerify",
                  "recurseSubmodules",
                  "blobless",
                  "author",
                  "checkout"),
              Map.of(
                  "checkout",
                  new Fields(
                      Set.of("path"),
                      Set.of("as", "branch", "commit", "create", "path", "tag", "sparse")))),
          "yaml-update",
          new Fields(
              Set.of("path", "updates"),
              Set.of("path", "updates"),
              Map.of("updates", new Fields(Set.of("key", "value"), Set.of("key", "value")))),
          "git-commit",
          new Fields(Set.of("path", "message"), Set.of("path", "message", "author")),
          "git-push",
          new Fields(
              Set.of("path"),
              Set.of(
                  "path",
                  "targetBranch",
                  "generateTargetBranch",
                  "maxAttempts",
                  "provider",
                  "force",
                  "tag")),
          "git-open-pr",
          new Fields(
              Set.of("repoURL", "sourceBranch", "targetBranch"),
              Set.of(
                  "repoURL",
                  "sourceBranch",
                  "targetBranch",
                  "createTargetBranch",
                  "insecureSkipTLSVerify",
                  "provider",
                  "title",
                  "description",
                  "labels")),
          "git-wait-for-pr",
          new Fields(
              Set.of("repoURL", "prNumber"),
              Set.of("repoURL", "prNumber", "insecureSkipTLSVerify", "provider", "pollInterval")),
          "argocd-update",
          new Fields(
              Set.of("apps"),
              Set.of("apps"),
              Map.of(
                  "apps",
                  new Fields(
                      Set.of(),
                      Set.of("name", "namespace", "selector", "sources"),
                      Map.of(
                          "sources",
                          new Fields(
                              Set.of("repoURL"),
                              Set.of(
                                  "repoURL",
                                  "desiredRevision",
                                  "updateTargetRevision",
                                  "chart",
                                  "helm",
                                  "kustomize")))))));

  /**
   * A Warehouse image subscription
   * (docs/docs/50-user-guide/20-how-to-guides/30-working-with-warehouses.md).
   */
  static final Fields IMAGE_SUBSCRIPTION =
      new Fields(
          Set.of("repoURL"),
          Set.of(
              "repoURL",
              "imageSelectionStrategy",
              "constraint",
              "allowTagsRegexes",
              "ignoreTagsRegexes",
              "platform",
              "discoveryLimit",
              "strictSemvers"));

  static List<JsonNode> render(Map<String, String> env) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Cli.run(
            new String[] {"kargo", "--repo-root", ".."},
            new Invocation(EXAMPLE, env, new PrintWriter(out), new PrintWriter(err)));
    assertEquals(0, exit, err.toString());
    List<JsonNode> docs = new ArrayList<>();
    for (YamlDocument d :
        YamlReader.read(Path.of("kargo.yaml"), out.toString(), YamlReader.Options.resources())) {
      docs.add(d.root());
    }
    return docs;
  }

  @Test
  void everyObjectValidatesAgainstTheUpstreamCrds() {
    UpstreamSchemas schemas = UpstreamSchemas.require();
    List<JsonNode> docs = render(Map.of());
    Set<String> kinds = new TreeSet<>();
    for (JsonNode doc : docs) {
      String apiVersion = doc.get("apiVersion").stringValue();
      String kind = doc.get("kind").stringValue();
      kinds.add(kind);
      assertTrue(schemas.knows(apiVersion, kind), apiVersion + " " + kind);
      assertEquals(List.of(), schemas.validate(doc), kind + " " + doc.at("/metadata/name"));
    }
    assertEquals(Set.of("AnalysisTemplate", "Project", "Stage", "Warehouse"), kinds);

    // The check can fail: a misspelt Stage field is an error.
    JsonNode stage =
        docs.stream().filter(d -> d.get("kind").stringValue().equals("Stage")).findFirst().get();
    tools.jackson.databind.node.ObjectNode typo =
        (tools.jackson.databind.node.ObjectNode) stage.deepCopy();
    ((tools.jackson.databind.node.ObjectNode) typo.get("spec")).put("requestedFrieght", "x");
    assertFalse(schemas.validate(typo).isEmpty());
  }

  @Test
  void everyStepConfigUsesOnlyKargosDocumentedFields() {
    int steps = 0;
    for (JsonNode doc : render(Map.of())) {
      String name = doc.at("/metadata/namespace").asString("") + "/" + doc.at("/metadata/name");
      if (doc.get("kind").stringValue().equals("Stage")) {
        for (JsonNode step : doc.at("/spec/promotionTemplate/spec/steps")) {
          String uses = step.get("uses").stringValue();
          Fields fields = STEPS.get(uses);
          assertTrue(fields != null, name + ": step " + uses + " is not in the table");
          check(fields, step.get("config"), name + " " + uses);
          steps++;
        }
      }
      if (doc.get("kind").stringValue().equals("Warehouse")) {
        for (JsonNode sub : doc.at("/spec/subscriptions")) {
          assertEquals(List.of("image"), List.copyOf(sub.propertyNames()), name);
          check(IMAGE_SUBSCRIPTION, sub.get("image"), name + " image subscription");
          assertTrue(
              Set.of("SemVer", "Lexical", "Digest", "NewestBuild")
                  .contains(sub.at("/image/imageSelectionStrategy").stringValue()));
        }
      }
    }
    assertTrue(steps > 0, "no steps checked");
  }

  private static void check(Fields fields, JsonNode config, String where) {
    assertTrue(config != null && config.isObject(), where + ": config is not an object");
    Set<String> keys = new TreeSet<>(config.propertyNames());
    assertTrue(keys.containsAll(fields.required()), where + ": missing " + fields.required());
    Set<String> unknown = new TreeSet<>(keys);
    unknown.removeAll(fields.allowed());
    assertEquals(Set.of(), unknown, where + ": fields Kargo does not document");
    for (Map.Entry<String, Fields> list : fields.items().entrySet()) {
      JsonNode items = config.get(list.getKey());
      if (items == null) {
        continue;
      }
      assertTrue(items.isArray() && !items.isEmpty(), where + "." + list.getKey());
      for (JsonNode item : items) {
        check(list.getValue(), item, where + "." + list.getKey());
      }
    }
  }

  @Test
  void stagesAreChainedInPipelineOrderAndUpdateTheApplicationsAppsetGenerates() {
    List<JsonNode> stages =
        render(Map.of()).stream()
            .filter(d -> d.get("kind").stringValue().equals("Stage"))
            .filter(d -> d.at("/metadata/namespace").stringValue().equals("kargo-n8n"))
            .toList();
    assertEquals(
        List.of("dev", "staging", "production"),
        stages.stream().map(s -> s.at("/metadata/name").stringValue()).toList());
    assertTrue(stages.get(0).at("/spec/requestedFreight/0/sources/direct").booleanValue());
    assertEquals(
        "dev", stages.get(1).at("/spec/requestedFreight/0/sources/stages/0").stringValue());
    assertEquals(
        "staging", stages.get(2).at("/spec/requestedFreight/0/sources/stages/0").stringValue());
    for (JsonNode s : stages) {
      JsonNode steps = s.at("/spec/promotionTemplate/spec/steps");
      JsonNode last = steps.get(steps.size() - 1);
      assertEquals("argocd-update", last.get("uses").stringValue());
      assertEquals(
          "n8n-" + s.at("/metadata/name").stringValue(),
          last.at("/config/apps/0/name").stringValue());
      // n8n has no sla: nothing to verify.
      assertTrue(s.at("/spec/verification").isMissingNode());
    }
  }
}
