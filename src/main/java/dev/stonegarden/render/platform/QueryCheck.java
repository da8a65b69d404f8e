package dev.stonegarden.render.platform;

import dev.stonegarden.render.analysis.ConditionCheck;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.Problem;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.promql.QueryTemplate;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.yaml.ScalarOffsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Parses every PromQL query and analysis condition of the output
 * (docs/canary.md#queries-checked-at-render-time): AnalysisTemplates' Prometheus queries and
 * conditions, PrometheusRules' expressions. What the render generated must parse (an error: a bug
 * of the render, since its inputs were checked when read). What the team wrote (the overlay's own
 * AnalysisTemplates, alert files) is kept as it is: a query the parser does not accept is a
 * warning, never an error, since a newer Prometheus function must not stop a render. {@code
 * {{...}}} placeholders (Argo Rollouts' arguments) are replaced by fillers before parsing.
 */
record QueryCheck(ServiceSpec service) implements Check {

  @Override
  public List<Diagnostic> check(ResourceList output) {
    List<Diagnostic> out = new ArrayList<>();
    for (Resource r : output) {
      boolean generated = Objects.equals(r.origin().file(), service.file());
      if (KindTables.is(r, KindTables.ANALYSIS_TEMPLATE)) {
        JsonNode metrics = r.body().at("/spec/metrics");
        for (int i = 0; i < metrics.size(); i++) {
          String base = "/spec/metrics/" + i;
          JsonNode m = metrics.get(i);
          query(
              out,
              r,
              generated,
              m.at("/provider/prometheus/query"),
              List.of(base + "/provider/prometheus/query"));
          for (String key : List.of("successCondition", "failureCondition")) {
            JsonNode c = m.get(key);
            if (c != null && c.isString()) {
              for (Problem p : ConditionCheck.check(c.stringValue()).problems()) {
                out.add(
                    diagnostic(
                        generated,
                        ScalarOffsets.of(r.positionOf(base + "/" + key), c.stringValue(), p),
                        Nodes.describe(r)
                            + ": "
                            + key
                            + " cannot be evaluated by Argo Rollouts: "
                            + p.message()));
              }
            }
          }
        }
      } else if (KindTables.is(r, KindTables.PROMETHEUS_RULE)) {
        JsonNode groups = r.body().at("/spec/groups");
        for (int g = 0; g < groups.size(); g++) {
          JsonNode rules = groups.get(g).path("rules");
          for (int k = 0; k < rules.size(); k++) {
            String tail = "/groups/" + g + "/rules/" + k + "/expr";
            // A kept PrometheusRule has its groups under /spec; a bare groups: file at the top.
            query(out, r, generated, rules.get(k).get("expr"), List.of("/spec" + tail, tail));
          }
        }
      }
    }
    return out;
  }

  private static void query(
      List<Diagnostic> out, Resource r, boolean generated, JsonNode q, List<String> pointers) {
    if (q == null || !q.isString()) {
      return;
    }
    for (Problem p : QueryTemplate.parse(q.stringValue()).problems()) {
      out.add(
          diagnostic(
              generated,
              ScalarOffsets.of(position(r, pointers), q.stringValue(), p),
              Nodes.describe(r)
                  + ": the query is not valid PromQL: "
                  + p.message()
                  + (generated
                      ? " (the render built it: please report this)"
                      : " (kept as written: Prometheus may know more than this check)")));
    }
  }

  /**
   * The position of the first pointer that exists: a lookup falls back to the nearest recorded
   * ancestor, and a node never starts before its ancestors, so the latest of the answers is the
   * node itself.
   */
  private static SourcePosition position(Resource r, List<String> pointers) {
    SourcePosition best = null;
    for (String p : pointers) {
      SourcePosition at = r.positionOf(p);
      if (best == null || at.compareTo(best) > 0) {
        best = at;
      }
    }
    return best;
  }

  private static Diagnostic diagnostic(boolean generated, SourcePosition at, String message) {
    return generated ? Diagnostic.error(at, message) : Diagnostic.warning(at, message);
  }
}
