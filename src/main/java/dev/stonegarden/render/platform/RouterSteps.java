package dev.stonegarden.render.platform;

import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The router steps and router-dependent fields of service.yaml as the Rollout's {@code
 * strategy.canary} carries them (docs/traffic-routing.md): {@code setCanaryScale}, {@code
 * setHeaderRoute}, {@code setMirrorRoute}, {@code antiAffinity}, the scale-down delays, {@code
 * dynamicStableScale}, {@code maxSurge}/{@code maxUnavailable}.
 */
final class RouterSteps {
  private RouterSteps() {}

  static final List<String> KINDS = List.of("setCanaryScale", "setHeaderRoute", "setMirrorRoute");

  /** The step as a Rollout step object, or null for a step that is not a router step. */
  static ObjectNode json(ServiceSpec.Step step) {
    ObjectNode out = Nodes.object();
    if (step instanceof ServiceSpec.SetCanaryScale c) {
      ObjectNode o = out.putObject("setCanaryScale");
      if (c.weight() != null) {
        o.put("weight", c.weight());
      } else if (c.replicas() != null) {
        o.put("replicas", c.replicas());
      } else {
        o.put("matchTrafficWeight", true);
      }
    } else if (step instanceof ServiceSpec.SetHeaderRoute h) {
      ObjectNode o = out.putObject("setHeaderRoute");
      o.put("name", h.name());
      ArrayNode match = o.putArray("match");
      for (ServiceSpec.HeaderMatch m : h.match()) {
        ObjectNode e = match.addObject();
        e.put("headerName", m.headerName());
        e.set("headerValue", stringMatch(m.headerValue()));
      }
    } else if (step instanceof ServiceSpec.SetMirrorRoute m) {
      ObjectNode o = out.putObject("setMirrorRoute");
      o.put("name", m.name());
      if (m.percentage() != null) {
        o.put("percentage", m.percentage());
      }
      ArrayNode match = o.putArray("match");
      for (ServiceSpec.MirrorMatch mm : m.match()) {
        ObjectNode e = match.addObject();
        if (mm.method() != null) {
          e.set("method", stringMatch(mm.method()));
        }
        if (mm.path() != null) {
          e.set("path", stringMatch(mm.path()));
        }
        if (!mm.headers().isEmpty()) {
          ObjectNode headers = e.putObject("headers");
          for (Map.Entry<String, ServiceSpec.StringMatch> h : mm.headers().entrySet()) {
            headers.set(h.getKey(), stringMatch(h.getValue()));
          }
        }
      }
    } else {
      return null;
    }
    return out;
  }

  private static ObjectNode stringMatch(ServiceSpec.StringMatch m) {
    ObjectNode o = Nodes.object();
    o.put(m.type(), m.value());
    return o;
  }

  /**
   * A router step in the text form of {@link CanaryRolloutTransformer#describe}: its kind and its
   * value as JSON with sorted keys, the same for service.yaml's step and a Rollout's.
   */
  static String describe(ServiceSpec.Step step) {
    ObjectNode o = json(step);
    if (o == null) {
      return null;
    }
    String kind = o.propertyNames().iterator().next();
    return kind + " " + canonical(o.get(kind));
  }

  /** A Rollout step object with one router-step key in the same text form, or null. */
  static String describeJson(ObjectNode step) {
    if (step.size() != 1) {
      return null;
    }
    String kind = step.propertyNames().iterator().next();
    return KINDS.contains(kind) ? kind + " " + canonical(step.get(kind)) : null;
  }

  /** JSON with object keys sorted, for comparison. */
  static String canonical(JsonNode n) {
    if (n.isObject()) {
      List<String> keys = new ArrayList<>(n.propertyNames());
      keys.sort(null);
      List<String> parts = new ArrayList<>();
      for (String k : keys) {
        parts.add(k + ":" + canonical(n.get(k)));
      }
      return "{" + String.join(",", parts) + "}";
    }
    if (n.isArray()) {
      List<String> parts = new ArrayList<>();
      n.values().forEach(v -> parts.add(canonical(v)));
      return "[" + String.join(",", parts) + "]";
    }
    return Trees.jsonText(n);
  }

  /**
   * Adds service.yaml's router-dependent canary fields to a converted Rollout's {@code
   * strategy.canary}; {@code maxSurge}/{@code maxUnavailable} replace the Deployment's.
   */
  static void addCanaryFields(ObjectNode canary, ServiceSpec.CanaryRouting r) {
    if (r.antiAffinity() != null) {
      ObjectNode anti = canary.putObject("antiAffinity");
      if (r.antiAffinity().equals("preferred")) {
        anti.putObject("preferredDuringSchedulingIgnoredDuringExecution")
            .put("weight", r.antiAffinityWeight());
      } else {
        anti.putObject("requiredDuringSchedulingIgnoredDuringExecution");
      }
    }
    if (r.scaleDownDelaySeconds() != null) {
      canary.put("scaleDownDelaySeconds", r.scaleDownDelaySeconds());
    }
    if (r.abortScaleDownDelaySeconds() != null) {
      canary.put("abortScaleDownDelaySeconds", r.abortScaleDownDelaySeconds());
    }
    if (r.dynamicStableScale()) {
      canary.put("dynamicStableScale", true);
    }
    intOrPercent(canary, "maxSurge", r.maxSurge());
    intOrPercent(canary, "maxUnavailable", r.maxUnavailable());
  }

  private static void intOrPercent(ObjectNode canary, String key, String value) {
    if (value == null) {
      return;
    }
    if (value.matches("[0-9]+")) {
      canary.put(key, Integer.parseInt(value));
    } else {
      canary.put(key, value);
    }
  }
}
