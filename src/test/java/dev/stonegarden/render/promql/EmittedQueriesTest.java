package dev.stonegarden.render.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every PromQL query the golden cases print (AnalysisTemplates' Prometheus queries,
 * PrometheusRules' expressions) parses in the render's own check, and under {@code promtool check
 * rules} (Debian's prometheus package; required under CI). Argo Rollouts' {@code {{args.*}}}
 * placeholders are replaced by a pod-template hash first, as Argo does before querying.
 */
class EmittedQueriesTest {
  static final ObjectMapper YAML = YAMLMapper.builder().build();

  record Query(String where, String text) {}

  static List<Query> emitted() throws IOException {
    Path root = Path.of(System.getProperty("project.dir", "."), "test-fixtures", "generate");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.getFileName().toString().equals("expected.stdout")).sorted().toList();
    }
    List<Query> out = new ArrayList<>();
    for (Path f : files) {
      Path caseFile = f.resolveSibling("case.yaml");
      if (Files.exists(caseFile)
          && !Files.readString(caseFile, StandardCharsets.UTF_8).contains("args: [generate")) {
        continue; // diff, appset and kargo cases print reports or other objects, not renders
      }
      String text = Files.readString(f, StandardCharsets.UTF_8);
      if (text.startsWith("{")) {
        continue; // --output json prints the same objects as the YAML case beside it
      }
      for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll()) {
        if (doc == null || !doc.isObject()) {
          continue;
        }
        String where =
            root.relativize(f)
                + " "
                + doc.path("kind").asString()
                + "/"
                + doc.at("/metadata/name").asString();
        String kind = doc.path("kind").asString();
        if (kind.equals("AnalysisTemplate")) {
          for (JsonNode m : doc.at("/spec/metrics")) {
            JsonNode q = m.at("/provider/prometheus/query");
            if (q.isString()) {
              out.add(new Query(where, q.stringValue().replace("{{args.canary-hash}}", "c4n4ry")));
            }
          }
        } else if (kind.equals("PrometheusRule")) {
          for (JsonNode g : doc.at("/spec/groups")) {
            for (JsonNode r : g.path("rules")) {
              if (r.path("expr").isString()) {
                out.add(new Query(where, r.path("expr").stringValue()));
              }
            }
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyEmittedQueryParses() throws IOException {
    List<Query> all = emitted();
    assertTrue(all.size() >= 20, "found only " + all.size() + " queries: is the scan right?");
    List<String> failures = new ArrayList<>();
    for (Query q : all) {
      for (var p : PromQl.parse(q.text()).problems()) {
        failures.add(q.where() + ": " + q.text() + ": " + p.message());
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void promtoolAcceptsEveryEmittedQuery(@TempDir Path dir) throws IOException {
    Path promtool = Prerequisites.promtool();
    List<Query> all = emitted();
    StringBuilder rules = new StringBuilder("{\"groups\": [{\"name\": \"emitted\", \"rules\": [");
    for (int i = 0; i < all.size(); i++) {
      rules
          .append(i == 0 ? "" : ", ")
          .append("{\"record\": \"emitted_")
          .append(i)
          .append("\", \"expr\": ")
          .append(PromQlTest.json(all.get(i).text()))
          .append('}');
    }
    rules.append("]}]}\n");
    Path file = dir.resolve("emitted.yaml");
    Files.writeString(file, rules, StandardCharsets.UTF_8);
    Prerequisites.Output out =
        Prerequisites.run(List.of(promtool.toString(), "check", "rules", file.toString()), dir);
    assertTrue(out.ok(), out.stdout() + out.stderr());
  }
}
