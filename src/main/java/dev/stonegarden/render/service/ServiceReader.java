package dev.stonegarden.render.service;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.service.ServiceSpec.AnalysisStep;
import dev.stonegarden.render.service.ServiceSpec.BlueGreen;
import dev.stonegarden.render.service.ServiceSpec.Custom;
import dev.stonegarden.render.service.ServiceSpec.Environment;
import dev.stonegarden.render.service.ServiceSpec.Latency;
import dev.stonegarden.render.service.ServiceSpec.Metric;
import dev.stonegarden.render.service.ServiceSpec.Monitoring;
import dev.stonegarden.render.service.ServiceSpec.Owner;
import dev.stonegarden.render.service.ServiceSpec.Pause;
import dev.stonegarden.render.service.ServiceSpec.Rollout;
import dev.stonegarden.render.service.ServiceSpec.SetWeight;
import dev.stonegarden.render.service.ServiceSpec.Sla;
import dev.stonegarden.render.service.ServiceSpec.Step;
import dev.stonegarden.render.service.ServiceSpec.SuccessRate;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.YamlDocument;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code service.yaml} (docs/service-yaml.md): checks the document against the service
 * schema, then the rules a schema cannot say (environments as a map, thresholds, durations,
 * pipeline stages, unique names, the dependency catalog), reports every problem of the file at
 * once, and only then binds the {@link ServiceSpec} records, so binding never hides a schema error.
 */
public final class ServiceReader {
  static final String SUCCESS_RATE = "success-rate";
  static final String LATENCY = "latency";

  private static final List<String> OWNER_KEYS = List.of("team", "slack", "email");
  private static final List<String> BUILT_IN_METRICS = List.of(SUCCESS_RATE, LATENCY);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ServiceReader() {}

  /**
   * Reads and validates {@code serviceYaml}; warnings (unknown owner keys) are dropped. Prefer
   * {@link #read(Path, PlatformSettings, Problems)} where warnings can be printed.
   *
   * @throws InputException with every diagnostic of the file when any is an error
   */
  public static ServiceSpec read(Path serviceYaml, PlatformSettings platform) {
    return read(serviceYaml, platform, new Problems());
  }

  /**
   * Reads and validates {@code serviceYaml}. On success the file's warnings are added to {@code
   * warnings}; on failure the {@link InputException} carries all of the file's diagnostics
   * (warnings too) and nothing is added.
   */
  public static ServiceSpec read(Path serviceYaml, PlatformSettings platform, Problems warnings) {
    return read(YamlFiles.readSingle(serviceYaml, "service.yaml"), platform, warnings);
  }

  /**
   * Like {@link #read(Path, PlatformSettings, Problems)}, through the repository's loader: a
   * service.yaml that is a link out of the repository, a FIFO or a device is refused, never read.
   */
  public static ServiceSpec read(
      RootedFiles files, Path serviceYaml, PlatformSettings platform, Problems warnings) {
    return read(YamlFiles.readSingle(files, serviceYaml, "service.yaml"), platform, warnings);
  }

  /**
   * Reads service.yaml from text (the fuzz target's entry point; {@code file} is used for positions
   * only).
   */
  static ServiceSpec readText(
      Path file, String text, PlatformSettings platform, Problems warnings) {
    return read(YamlFiles.parseSingle(file, "service.yaml", text), platform, warnings);
  }

  /** Validates and binds an already parsed document. */
  static ServiceSpec read(YamlDocument doc, PlatformSettings platform, Problems warnings) {
    Problems problems = new Problems();
    JsonNode root = doc.root();
    boolean envMap = root.at("/spec/environments").isObject();
    problems.addAll(
        SchemaCheck.check(
            Schemas.SERVICE,
            doc,
            p -> envMap && (p.equals("/spec/environments") || p.startsWith("/spec/environments/")),
            p -> false));
    new Rules(doc, platform, problems).check();
    List<Diagnostic> all = sorted(problems.all());
    if (all.stream().anyMatch(Diagnostic::isError)) {
      throw new InputException(all);
    }
    warnings.addAll(all);
    return bind(doc);
  }

  /** The longest pause, in seconds: Argo Rollouts' IntOrString holds a 32-bit integer. */
  static final BigInteger MAX_PAUSE_SECONDS = BigInteger.valueOf(Integer.MAX_VALUE);

  /** The seconds a well-formed pause duration stands for, or null for any other value. */
  static BigInteger pauseSeconds(JsonNode d) {
    if (d == null) {
      return null;
    }
    if (d.isIntegralNumber()) {
      return d.bigIntegerValue();
    }
    if (!d.isString() || !d.stringValue().matches("[0-9]+[smh]")) {
      return null;
    }
    String text = d.stringValue();
    char unit = text.charAt(text.length() - 1);
    BigInteger n = new BigInteger(text.substring(0, text.length() - 1));
    return n.multiply(BigInteger.valueOf(unit == 'h' ? 3600 : unit == 'm' ? 60 : 1));
  }

  static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
    List<Diagnostic> list = new ArrayList<>(diagnostics);
    list.sort((a, b) -> a.at().compareTo(b.at()));
    return list;
  }

  /**
   * The rules of service.yaml (docs/rendering.md#inputs) that the schema cannot express; every
   * check tolerates a wrongly typed tree.
   */
  private static final class Rules {
    private final YamlDocument doc;
    private final SourceMap map;
    private final PlatformSettings platform;
    private final Problems problems;

    Rules(YamlDocument doc, PlatformSettings platform, Problems problems) {
      this.doc = doc;
      this.map = doc.sourceMap();
      this.platform = platform;
      this.problems = problems;
    }

    void check() {
      JsonNode root = doc.root();
      owner(root.at("/spec/owner"));
      environments(root.at("/spec/environments"));
      dependencies(root.at("/spec/dependencies"));
      sla(root.at("/spec/sla"));
      FeatureFlagReader.check(root, map, problems);
    }

    private void owner(JsonNode owner) {
      for (String key : Trees.fieldNames(owner)) {
        if (!OWNER_KEYS.contains(key)) {
          problems.warning(
              map.keyPosition("/spec/owner/" + SourceMap.escape(key)),
              "unknown key \""
                  + key
                  + "\" in spec.owner is ignored"
                  + Spelling.didYouMean(key, OWNER_KEYS));
        }
      }
    }

    private void environments(JsonNode envs) {
      if (envs.isObject()) {
        problems.error(
            map.keyPosition("/spec/environments"),
            "spec.environments must be a list, found a map (the older form of service.yaml); write it as "
                + listForm(envs));
        return;
      }
      if (!envs.isArray()) {
        return;
      }
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (int i = 0; i < envs.size(); i++) {
        String p = "/spec/environments/" + i;
        JsonNode env = envs.get(i);
        JsonNode name = env.get("name");
        if (name != null && name.isString()) {
          String n = name.stringValue();
          Integer first = seen.putIfAbsent(n, i);
          if (first != null) {
            problems.error(
                map.positionOf(p + "/name"),
                "duplicate environment \""
                    + n
                    + "\" (also "
                    + Trees.path("/spec/environments/" + first)
                    + ", line "
                    + map.positionOf("/spec/environments/" + first + "/name").line()
                    + ")");
          } else if (!platform.pipeline().contains(n)) {
            problems.error(
                map.positionOf(p + "/name"),
                "environment \""
                    + n
                    + "\" is not a stage of the platform pipeline ("
                    + pipelineSource()
                    + String.join(", ", platform.pipeline())
                    + ")"
                    + Spelling.didYouMean(n, platform.pipeline()));
          }
        }
        JsonNode metrics = env.at("/rollout/analysis/metrics");
        if (metrics.isArray()) {
          metrics(p + "/rollout/analysis/metrics", metrics);
        }
        JsonNode steps = env.at("/rollout/steps");
        for (int j = 0; steps.isArray() && j < steps.size(); j++) {
          pause(p + "/rollout/steps/" + j + "/pause/duration", steps.get(j).at("/pause/duration"));
        }
        RoutingReader.check(map, platform, problems, p + "/rollout", env.path("rollout"));
        for (String gate : List.of("prePromotionAnalysis", "postPromotionAnalysis")) {
          JsonNode gateMetrics = env.at("/rollout/" + gate + "/metrics");
          if (gateMetrics.isArray()) {
            metrics(p + "/rollout/" + gate + "/metrics", gateMetrics);
          }
        }
        if (env.has("rollout")) {
          new RolloutRules(map, problems).check(p + "/rollout", env.get("rollout"));
        }
      }
    }

    private String pipelineSource() {
      return platform.file() == null ? "the default pipeline: " : "platform.yaml spec.pipeline: ";
    }

    /**
     * {@code [{name: dev, namespace: x}, ...]}: what a map of environments looks like as a list.
     */
    private static String listForm(JsonNode envs) {
      List<String> items = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : envs.properties()) {
        if (items.size() == 2) {
          items.add("...");
          break;
        }
        JsonNode ns = e.getValue().get("namespace");
        items.add(
            "{name: "
                + e.getKey()
                + ", namespace: "
                + (ns != null && ns.isString() ? ns.stringValue() : "...")
                + (e.getValue().size() > 1 ? ", ..." : "")
                + "}");
      }
      return "\"environments: ["
          + String.join(", ", items)
          + "]\", one \"- name: ...\" item per environment";
    }

    /**
     * A pause is at most {@link #MAX_PAUSE_SECONDS}: Argo Rollouts reads an integer duration as a
     * 32-bit IntOrString, and one bound for every form keeps them alike.
     */
    private void pause(String pointer, JsonNode duration) {
      BigInteger seconds = pauseSeconds(duration);
      if (seconds != null && seconds.compareTo(MAX_PAUSE_SECONDS) > 0) {
        problems.error(
            map.positionOf(pointer),
            Trees.path(pointer)
                + " must be at most "
                + MAX_PAUSE_SECONDS
                + " seconds (about 68 years, the largest integer Argo Rollouts accepts), found "
                + Trees.describe(duration));
      }
    }

    private void metrics(String pointer, JsonNode metrics) {
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (int i = 0; i < metrics.size(); i++) {
        String p = pointer + "/" + i;
        JsonNode m = metrics.get(i);
        JsonNode name = m.get("name");
        if (name == null || !name.isString()) {
          continue;
        }
        String n = name.stringValue();
        Integer first = seen.putIfAbsent(n, i);
        if (first != null) {
          problems.error(
              map.positionOf(p + "/name"),
              "duplicate metric \""
                  + n
                  + "\" (also line "
                  + map.positionOf(pointer + "/" + first + "/name").line()
                  + ")");
          continue;
        }
        if (n.equals(SUCCESS_RATE)) {
          successRate(p, m);
        } else if (n.equals(LATENCY)) {
          latency(p, m);
        } else {
          custom(p, m, n);
        }
      }
    }

    private void successRate(String p, JsonNode m) {
      builtInOnly(p, m, SUCCESS_RATE);
      JsonNode t = m.get("threshold");
      if (t == null) {
        problems.error(
            map.positionOf(p + "/name"),
            "metric success-rate needs a threshold, a percentage such as 95");
      } else if (SchemaCheck.isOddNumber(t)) {
        return; // reported by the schema check
      } else if (!t.isNumber()) {
        if (t.isString()) { // the schema accepts strings here (for latency); success-rate does not
          problems.error(
              map.positionOf(p + "/threshold"),
              "threshold of success-rate must be a number, a percentage such as 95, found "
                  + Trees.describe(t));
        }
      } else {
        BigDecimal v = t.decimalValue();
        if (v.compareTo(BigDecimal.ONE) <= 0) {
          problems.error(
              map.positionOf(p + "/threshold"),
              "threshold is a percentage, e.g. 95, found "
                  + Trees.describe(t)
                  + " (expected greater than 1 and at most 100)");
        } else if (v.compareTo(HUNDRED) > 0) {
          problems.error(
              map.positionOf(p + "/threshold"),
              "threshold is a percentage of at most 100, found " + Trees.describe(t));
        }
      }
    }

    private void latency(String p, JsonNode m) {
      builtInOnly(p, m, LATENCY);
      JsonNode t = m.get("threshold");
      if (t == null) {
        problems.error(
            map.positionOf(p + "/name"),
            "metric latency needs a threshold, " + Messages.LATENCY_FORMS);
      } else if (t.isNumber() || t.isString()) {
        BigDecimal s = t.isString() ? Decimals.latencySeconds(t.stringValue()) : null;
        if (s == null) {
          problems.error(
              map.positionOf(p + "/threshold"),
              "threshold of latency must be "
                  + Messages.LATENCY_FORMS
                  + ", found "
                  + Trees.describe(t));
        } else if (s.signum() == 0) {
          problems.error(
              map.positionOf(p + "/threshold"),
              "threshold of latency must be greater than 0, found " + Trees.describe(t));
        }
      }
    }

    private void builtInOnly(String p, JsonNode m, String name) {
      for (String key : List.of("query", "successCondition", "failureCondition")) {
        if (m.has(key)) {
          problems.error(
              map.keyPosition(p + "/" + key),
              key
                  + " is not used by the built-in metric "
                  + name
                  + " (its query comes from the platform's sli settings); give the metric another name to define your own");
        }
      }
    }

    private void custom(String p, JsonNode m, String n) {
      if (m.has("threshold")) {
        problems.error(
            map.keyPosition(p + "/threshold"),
            "threshold is only for the built-in metrics success-rate and latency; metric \""
                + n
                + "\" needs query and successCondition"
                + Spelling.didYouMean(n, BUILT_IN_METRICS));
      }
      List<String> missing = new ArrayList<>();
      for (String key : List.of("query", "successCondition")) {
        if (!m.has(key)) {
          missing.add(key);
        }
      }
      JsonNode query = m.get("query");
      if (query != null && query.isString()) {
        QueryChecks.customQuery(problems, map.positionOf(p + "/query"), n, query.stringValue());
      }
      for (String key : List.of("successCondition", "failureCondition")) {
        JsonNode c = m.get(key);
        if (c != null && c.isString()) {
          QueryChecks.condition(problems, map.positionOf(p + "/" + key), n, key, c.stringValue());
        }
      }
      if (!missing.isEmpty() && !m.has("threshold")) {
        problems.error(
            map.positionOf(p + "/name"),
            "metric \""
                + n
                + "\" needs "
                + String.join(" and ", missing)
                + " (only success-rate and latency are built in)"
                + Spelling.didYouMean(n, BUILT_IN_METRICS));
      }
    }

    private void dependencies(JsonNode deps) {
      if (!deps.isArray()) {
        return;
      }
      List<String> known = new ArrayList<>(platform.dependencies().keySet());
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < deps.size(); i++) {
        JsonNode d = deps.get(i);
        if (!d.isString()) {
          continue;
        }
        String n = d.stringValue();
        SourcePosition at = map.positionOf("/spec/dependencies/" + i);
        if (seen.contains(n)) {
          problems.error(at, "duplicate dependency \"" + n + "\"");
        } else if (!known.contains(n)) {
          problems.error(
              at,
              "unknown dependency \""
                  + n
                  + "\": the platform catalog has "
                  + (known.isEmpty() ? "no entries" : String.join(", ", known))
                  + Spelling.didYouMean(n, known));
        }
        seen.add(n);
      }
    }

    private void sla(JsonNode sla) {
      JsonNode l = sla.get("latency");
      if (l != null && l.isString()) {
        BigDecimal s = Decimals.latencySeconds(l.stringValue());
        if (s != null && s.signum() == 0) {
          problems.error(
              map.positionOf("/spec/sla/latency"),
              "spec.sla.latency must be greater than 0, found " + Trees.describe(l));
        }
      }
    }
  }

  // ---- binding: only ever called on a document that passed every check above ----

  private static ServiceSpec bind(YamlDocument doc) {
    JsonNode root = doc.root();
    JsonNode meta = root.get("metadata");
    JsonNode spec = root.get("spec");
    JsonNode owner = spec.get("owner");
    List<Environment> envs = new ArrayList<>();
    JsonNode envNodes = spec.get("environments");
    for (int i = 0; i < envNodes.size(); i++) {
      JsonNode e = envNodes.get(i);
      envs.add(
          new Environment(
              e.get("name").stringValue(),
              Trees.textOr(e.get("cluster"), "in-cluster"),
              e.get("namespace").stringValue(),
              e.has("autoSync") && e.get("autoSync").booleanValue(),
              e.has("rollout") ? rollout(e.get("rollout")) : null,
              i));
    }
    return new ServiceSpec(
        meta.get("name").stringValue(),
        Trees.textOr(meta.get("namespace"), null),
        Trees.stringMap(meta.get("labels")),
        Trees.stringMap(meta.get("annotations")),
        Trees.textOr(spec.get("description"), null),
        new Owner(
            owner.get("team").stringValue(),
            Trees.textOr(owner.get("slack"), null),
            Trees.textOr(owner.get("email"), null)),
        List.copyOf(envs),
        Trees.strings(spec.get("dependencies")),
        spec.has("sla") ? sla(spec.get("sla")) : null,
        spec.has("monitoring")
            ? new Monitoring(
                Trees.strings(spec.at("/monitoring/dashboards")),
                Trees.strings(spec.at("/monitoring/alerts")))
            : null,
        FeatureFlagReader.bind(spec, envs),
        doc.file(),
        doc.sourceMap());
  }

  private static Rollout rollout(JsonNode r) {
    String strategy = r.get("strategy").stringValue();
    if (strategy.equals(Rollout.BLUE_GREEN)) {
      return new Rollout(strategy, List.of(), List.of(), blueGreen(r));
    }
    List<Step> steps = new ArrayList<>();
    for (JsonNode s : r.get("steps").values()) {
      Step routed = RoutingReader.step(s);
      if (routed != null) {
        steps.add(routed);
      } else if (s.has("setWeight")) {
        steps.add(new SetWeight(s.get("setWeight").intValue()));
      } else if (s.has("analysis")) {
        steps.add(new AnalysisStep(Trees.strings(s.get("analysis").get("metrics"))));
      } else {
        JsonNode d = s.get("pause").get("duration");
        steps.add(new Pause(d == null || d.isNull() ? null : d.asString()));
      }
    }
    return new Rollout(
        strategy,
        List.copyOf(steps),
        metricList(r.at("/analysis/metrics")),
        RoutingReader.canaryRouting(r));
  }

  private static BlueGreen blueGreen(JsonNode r) {
    JsonNode enabled = r.get("autoPromotionEnabled");
    JsonNode seconds = r.get("autoPromotionSeconds");
    JsonNode delay = r.get("scaleDownDelaySeconds");
    return new BlueGreen(
        enabled == null ? null : enabled.booleanValue(),
        seconds == null ? null : seconds.intValue(),
        delay == null ? null : delay.intValue(),
        metricList(r.at("/prePromotionAnalysis/metrics")),
        metricList(r.at("/postPromotionAnalysis/metrics")));
  }

  /** The metrics of one list ({@code analysis.metrics}, {@code prePromotionAnalysis.metrics}). */
  private static List<Metric> metricList(JsonNode ms) {
    List<Metric> metrics = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      JsonNode m = ms.get(i);
      String name = m.get("name").stringValue();
      JsonNode t = m.get("threshold");
      metrics.add(
          name.equals(SUCCESS_RATE)
              ? new SuccessRate(name, Decimals.ratio(t.decimalValue()), i)
              : name.equals(LATENCY)
                  ? new Latency(name, Decimals.latencySeconds(t.stringValue()), i)
                  : new Custom(
                      name,
                      Trees.textOr(m.get("query"), null),
                      Trees.textOr(m.get("successCondition"), null),
                      Trees.textOr(m.get("failureCondition"), null),
                      i));
    }
    return List.copyOf(metrics);
  }

  private static Sla sla(JsonNode s) {
    JsonNode a = s.get("availability");
    BigDecimal percent =
        a == null ? null : a.isString() ? Decimals.percent(a.stringValue()) : a.decimalValue();
    JsonNode l = s.get("latency");
    return new Sla(
        percent == null ? null : Decimals.canonical(percent),
        percent == null ? null : Decimals.errorBudget(percent),
        l == null ? null : Decimals.latencySeconds(l.stringValue()));
  }
}
