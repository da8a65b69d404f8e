package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns every Deployment of an environment with a {@code rollout} block into an Argo Rollout in
 * place (docs/rendering.md#canary-rollout): same position, metadata, selector and template; the
 * Deployment strategy becomes {@code strategy.canary} with the service.yaml steps and background
 * analysis naming the generated AnalysisTemplates. A failed analysis aborts the rollout: the
 * automated rollback.
 *
 * <p>Background analysis starts at the step after the first {@code setWeight} above 0 ({@code
 * startingStep}), i.e. once canary pods exist and take traffic; measuring earlier only measures the
 * stable version while canary pods start. Without such a step it starts at once.
 *
 * <p>A Rollout the overlay already has is the overlay's canary: kept as it is, but its steps must
 * equal service.yaml's (one source of truth). A Deployment such a Rollout uses through {@code
 * spec.workloadRef} (Argo's migration mode) stays a Deployment: the Rollout reads its template.
 * Objects whose {@code scaleTargetRef} or {@code targetRef} names a converted Deployment (HPA, VPA,
 * KEDA) are re-pointed to the Rollout.
 *
 * @param kubeApiVersions {@code KUBE_API_VERSIONS} from Argo CD, or null
 */
public record CanaryRolloutTransformer(
    ServiceSpec service, ServiceSpec.Environment environment, String kubeApiVersions)
    implements Transformer {

  @Override
  public void transform(ResourceList resources) {
    ServiceSpec.Rollout rollout = environment.rollout();
    List<Resource> overlayRollouts = resources.select(r -> KindTables.is(r, KindTables.ROLLOUT));
    Problems problems = new Problems();
    if (rollout == null) {
      if (!overlayRollouts.isEmpty()) {
        checkApiVersions(problems, overlayRollouts.get(0).origin());
      }
      problems.throwIfErrors();
      return;
    }
    checkApiVersions(problems, Nodes.at(service, Nodes.envPointer(environment, "rollout")));
    String expected = describe(rollout.steps());
    for (Resource r : overlayRollouts) {
      if (rollout.isBlueGreen()) {
        blueGreenOverlayRollout(problems, r);
        continue;
      }
      String actual = describeJson(Nodes.objectAt(r.body(), List.of("spec", "strategy", "canary")));
      if (!actual.equals(expected)) {
        problems.error(
            r.positionOf("/spec/strategy/canary/steps"),
            Nodes.describe(r)
                + " has canary steps ["
                + actual
                + "], but service.yaml says ["
                + expected
                + "] for environment "
                + environment.name()
                + ": make them equal (service.yaml is the source of truth)");
      }
    }
    // Deployment name -> the Rollout that now runs its pods: workloadRef Rollouts, then
    // conversions.
    Map<String, String> runBy = new LinkedHashMap<>();
    Set<String> overlayRolloutNames = new HashSet<>(); // looked up only
    for (Resource r : overlayRollouts) {
      overlayRolloutNames.add(r.name());
      ObjectNode ref = Nodes.objectAt(r.body(), List.of("spec", "workloadRef"));
      if (ref != null && Trees.string(ref, "kind").equals("Deployment")) {
        runBy.put(Trees.string(ref, "name"), r.name());
      }
      if (Nodes.objectAt(r.body(), List.of("spec", "strategy", "canary", "analysis")) == null
          && !rollout.metrics().isEmpty()) {
        // An overlay Rollout without analysis of its own gets service.yaml's.
        addAnalysis(
            Nodes.ensure(r.body(), List.of("spec", "strategy", "canary")), r.name(), rollout);
      }
    }
    Set<String> converted = new HashSet<>(); // looked up only
    for (Resource d :
        resources.select(
            r -> KindTables.is(r, KindTables.DEPLOYMENT) && !runBy.containsKey(r.name()))) {
      if (overlayRolloutNames.contains(d.name())) {
        Resource clash =
            overlayRollouts.stream().filter(r -> r.name().equals(d.name())).findFirst().get();
        problems.error(
            clash.origin(),
            Nodes.describe(clash)
                + " has the name of "
                + Nodes.describe(d)
                + ", which the platform converts into a Rollout of that name because environment "
                + environment.name()
                + " has a rollout block in service.yaml (docs/canary.md): either remove this"
                + " Rollout from the overlay and let the converted one carry service.yaml's steps"
                + " and analysis, or keep it and have it take the Deployment's pods with"
                + " spec.workloadRef {apiVersion: apps/v1, kind: Deployment, name: "
                + d.name()
                + "} instead of a template of its own");
        continue;
      }
      String type = Trees.string(Nodes.objectAt(d.body(), List.of("spec", "strategy")), "type");
      if (type.equals("Recreate")) {
        problems.error(
            d.positionOf("/spec/strategy/type"),
            Nodes.describe(d)
                + " uses strategy Recreate, which cannot run old and new pods side by side as "
                + (rollout.isBlueGreen() ? "a blue-green rollout" : "a canary")
                + " needs: set spec.strategy.type to RollingUpdate (here or with a patch in environments/"
                + environment.name()
                + "), or remove rollout from environment "
                + environment.name()
                + " in service.yaml");
        continue;
      }
      resources.replace(d, toRollout(d, rollout));
      runBy.put(d.name(), d.name());
      converted.add(d.name());
    }
    repoint(resources, runBy);
    leaveReplicasToAutoscalers(resources, converted);
    problems.throwIfErrors();
  }

  private void checkApiVersions(Problems problems, SourcePosition at) {
    if (kubeApiVersions == null || kubeApiVersions.isBlank()) {
      return;
    }
    if (!KindTables.served(kubeApiVersions, KindTables.ROLLOUT)) {
      problems.error(
          at,
          "the Argo Rollouts CRDs are missing on the destination cluster: KUBE_API_VERSIONS lacks "
              + KindTables.listEntry(KindTables.ROLLOUT)
              + "; install Argo Rollouts there, or remove rollout from environment "
              + environment.name());
    }
  }

  /**
   * In a blueGreen environment an overlay Rollout must be a blueGreen too; it is kept as it is,
   * with its own Services and analysis (docs/blue-green.md#the-overlays-rollouts).
   */
  private void blueGreenOverlayRollout(Problems problems, Resource r) {
    if (Nodes.objectAt(r.body(), List.of("spec", "strategy", "blueGreen")) != null) {
      return;
    }
    problems.error(
        r.positionOf("/spec/strategy"),
        Nodes.describe(r)
            + " is not a blueGreen Rollout, but service.yaml says strategy blueGreen for"
            + " environment "
            + environment.name()
            + ": give it spec.strategy.blueGreen, or remove it from the overlay and let the"
            + " platform convert the Deployment (service.yaml is the source of truth)");
  }

  private Resource toRollout(Resource deployment, ServiceSpec.Rollout rollout) {
    ObjectNode body = deployment.body().deepCopy();
    body.put("apiVersion", KindTables.ROLLOUT.apiVersion());
    body.put("kind", "Rollout");
    ObjectNode spec = Nodes.child(body, "spec");
    if (rollout.isBlueGreen()) {
      spec.putObject("strategy")
          .set("blueGreen", BlueGreenStrategy.of(deployment.name(), rollout.blueGreen()));
      Resource r = deployment.copy();
      r.rememberId();
      r.setBody(body);
      return r;
    }
    ObjectNode rollingUpdate = Nodes.objectAt(spec, List.of("strategy", "rollingUpdate"));
    ObjectNode canary = Nodes.object();
    canary.set("steps", stepsJson(deployment.name(), rollout));
    if (!rollout.metrics().isEmpty()) {
      addAnalysis(canary, deployment.name(), rollout);
    }
    if (rollingUpdate != null) {
      for (String key : List.of("maxSurge", "maxUnavailable")) {
        if (rollingUpdate.get(key) != null) {
          canary.set(key, rollingUpdate.get(key).deepCopy());
        }
      }
    }
    RouterSteps.addCanaryFields(canary, rollout.routing());
    spec.putObject("strategy").set("canary", canary);
    Resource r = deployment.copy();
    r.rememberId();
    r.setBody(body);
    return r;
  }

  /**
   * Background analysis with the templates the platform generates for {@code workload} (one per
   * service.yaml metric), the canary's pod-template hash as their argument, starting once the
   * canary takes traffic.
   */
  private static void addAnalysis(ObjectNode canary, String workload, ServiceSpec.Rollout rollout) {
    ObjectNode analysis =
        Gate.analysis(
            rollout.metrics().stream()
                .map(m -> AnalysisTemplateGenerator.templateName(workload, m))
                .toList());
    canary.set("analysis", analysis);
    int start = startingStep(rollout.steps());
    if (start > 0) {
      analysis.put("startingStep", start);
    }
  }

  /**
   * The step after the first {@code setWeight} above 0, or 0 (start at once) when there is none.
   */
  static int startingStep(List<ServiceSpec.Step> steps) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof ServiceSpec.SetWeight w && w.weight() > 0) {
        return i + 1 < steps.size() ? i + 1 : 0;
      }
    }
    return 0;
  }

  static ArrayNode stepsJson(String workload, ServiceSpec.Rollout rollout) {
    ArrayNode out = Nodes.JSON.arrayNode();
    for (ServiceSpec.Step s : rollout.steps()) {
      ObjectNode routed = RouterSteps.json(s);
      if (routed != null) {
        out.add(routed);
      } else if (s instanceof ServiceSpec.AnalysisStep a) {
        out.addObject().set("analysis", analysisStep(workload, rollout, a));
      } else if (s instanceof ServiceSpec.SetWeight w) {
        out.addObject().put("setWeight", w.weight());
      } else if (s instanceof ServiceSpec.Pause p) {
        ObjectNode pause = out.addObject().putObject("pause");
        if (p.duration() != null) {
          // Digits alone are seconds; Argo takes an integer there (IntOrString), as the user wrote
          // it.
          if (p.duration().matches("[0-9]+")) {
            pause.put("duration", Integer.parseInt(p.duration()));
          } else {
            pause.put("duration", p.duration());
          }
        }
      }
    }
    return out;
  }

  /**
   * An analysis step: the gate templates of the metrics it names, in the order it names them
   * (docs/canary.md#analysis-steps).
   */
  private static ObjectNode analysisStep(
      String workload, ServiceSpec.Rollout rollout, ServiceSpec.AnalysisStep step) {
    List<String> names = new ArrayList<>();
    for (String name : step.metrics()) {
      for (ServiceSpec.Metric m : rollout.metrics()) {
        if (m.name().equals(name)) {
          names.add(Gate.STEP.templateName(workload, m));
        }
      }
    }
    return Gate.analysis(names);
  }

  /**
   * Re-points HPAs and other scale-target references from converted Deployments to their Rollouts.
   */
  private static void repoint(ResourceList resources, Map<String, String> runBy) {
    if (runBy.isEmpty()) {
      return;
    }
    for (Resource r : resources) {
      for (List<String> path : KindTables.TARGET_REFERENCES) {
        ObjectNode ref = Nodes.objectAt(r.body(), path);
        if (ref == null || !runBy.containsKey(Trees.string(ref, "name"))) {
          continue;
        }
        String kind = Trees.string(ref, "kind");
        String apiVersion = Trees.string(ref, "apiVersion");
        // KEDA's scaleTargetRef defaults to a Deployment when kind is left out.
        boolean deployment =
            kind.equals("Deployment") && (apiVersion.isEmpty() || apiVersion.startsWith("apps/"))
                || kind.isEmpty() && apiVersion.isEmpty() && path.get(1).equals("scaleTargetRef");
        if (deployment) {
          String rolloutName = runBy.get(Trees.string(ref, "name"));
          ref.put("apiVersion", KindTables.ROLLOUT.apiVersion());
          ref.put("kind", "Rollout");
          ref.put("name", rolloutName);
        }
      }
    }
  }

  /**
   * A converted Rollout that an autoscaler scales leaves {@code spec.replicas} out: with a count in
   * the manifests, every Argo CD sync would reset what the autoscaler set (PlatformChecks warns and
   * names where the count came from).
   */
  private static void leaveReplicasToAutoscalers(ResourceList resources, Set<String> converted) {
    Set<String> scaled = new HashSet<>(); // looked up only
    for (Resource r : resources) {
      for (List<String> path : KindTables.TARGET_REFERENCES) {
        ObjectNode ref = Nodes.objectAt(r.body(), path);
        if (ref != null && Trees.string(ref, "kind").equals("Rollout")) {
          scaled.add(Trees.string(ref, "name"));
        }
      }
    }
    for (Resource r : resources) {
      if (KindTables.is(r, KindTables.ROLLOUT)
          && converted.contains(r.name())
          && scaled.contains(r.name())) {
        ObjectNode spec = Nodes.objectAt(r.body(), List.of("spec"));
        if (spec != null) {
          spec.remove("replicas");
        }
      }
    }
  }

  /**
   * service.yaml steps as text for messages and comparison: {@code setWeight 10, pause 10m, pause}.
   */
  static String describe(List<ServiceSpec.Step> steps) {
    List<String> parts = new ArrayList<>();
    for (ServiceSpec.Step s : steps) {
      String routed = RouterSteps.describe(s);
      if (routed != null) {
        parts.add(routed);
      } else if (s instanceof ServiceSpec.SetWeight w) {
        parts.add("setWeight " + w.weight());
      } else if (s instanceof ServiceSpec.Pause p) {
        parts.add(p.duration() == null ? "pause" : "pause " + p.duration());
      } else if (s instanceof ServiceSpec.AnalysisStep) {
        parts.add("analysis");
      }
    }
    return String.join(", ", parts);
  }

  /** A Rollout's {@code strategy.canary.steps} in the same text form. */
  static String describeJson(ObjectNode canary) {
    List<String> parts = new ArrayList<>();
    for (ObjectNode step : Nodes.objects(canary, "steps")) {
      JsonNode weight = step.get("setWeight");
      JsonNode pause = step.get("pause");
      String routed = RouterSteps.describeJson(step);
      if (routed != null) {
        parts.add(routed);
      } else if (weight != null && step.size() == 1) {
        parts.add("setWeight " + Trees.jsonText(weight));
      } else if (pause != null && step.size() == 1) {
        JsonNode duration = pause.get("duration");
        parts.add(
            duration == null || duration.isNull() ? "pause" : "pause " + Trees.jsonText(duration));
      } else if (step.has("analysis") && step.size() == 1) {
        // An overlay Rollout's analysis steps use its own templates: only the kind is compared.
        parts.add("analysis");
      } else {
        parts.add(String.join("+", step.propertyNames()));
      }
    }
    return String.join(", ", parts);
  }

  /** What {@code --verbose} prints. */
  @Override
  public String toString() {
    ServiceSpec.Rollout r = environment.rollout();
    return "canary rollout: "
        + (r == null
            ? "none (Deployments stay Deployments)"
            : r.isBlueGreen() ? "blueGreen" : describe(r.steps()))
        + (r == null
            ? ""
            : kubeApiVersions == null
                ? " (Rollout CRD not checked: KUBE_API_VERSIONS unset)"
                : " (Rollout CRD checked in KUBE_API_VERSIONS)");
  }
}
