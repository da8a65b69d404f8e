package dev.stonegarden.render.diff;

import dev.stonegarden.render.batch.BatchRenderer.EnvironmentRender;
import dev.stonegarden.render.batch.BatchRenderer.ServiceRender;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns renders into comparisons: two environments of each service ({@link #environments}), or each
 * environment of each service on two sides ({@link #sides}). Only comparisons that differ or failed
 * are kept, in the order of the services given and of their environments (the pipeline).
 */
public final class Differ {
  private Differ() {}

  /**
   * {@code diff --env A --env B}: environment {@code a} of each service against {@code b}.
   *
   * @param normalize take the expected per-environment differences out first ({@link
   *     EnvironmentNormalizer})
   */
  public static List<Comparison> environments(
      List<ServiceRender> renders, Path repoRoot, String a, String b, boolean normalize) {
    List<Comparison> out = new ArrayList<>();
    String label = a + " → " + b;
    for (ServiceRender s : renders) {
      String name = s.name() == null ? s.directory() : s.name();
      if (s.name() == null || s.diagnostics().stream().anyMatch(Diagnostic::isError)) {
        out.add(new Comparison(name, label, List.of(), List.of(a, b), s.diagnostics()));
        continue;
      }
      EnvironmentRender ea = find(s, a);
      EnvironmentRender eb = find(s, b);
      List<String> failed = new ArrayList<>();
      List<Diagnostic> diagnostics = new ArrayList<>();
      for (String env : List.of(a, b)) {
        EnvironmentRender e = env.equals(a) ? ea : eb;
        if (e == null) {
          failed.add(env);
          diagnostics.add(
              Diagnostic.error(
                  SourcePosition.of(repoRoot.resolve(s.directory()).resolve("service.yaml")),
                  "service " + name + " has no environment " + env));
        } else if (e.failed()) {
          failed.add(env);
          diagnostics.addAll(e.diagnostics());
        }
      }
      if (!failed.isEmpty()) {
        out.add(new Comparison(name, label, List.of(), failed, diagnostics));
        continue;
      }
      List<JsonNode> before = copies(ea.documents());
      List<JsonNode> after = copies(eb.documents());
      EnvironmentNormalizer na =
          new EnvironmentNormalizer(ea.namespace(), ea.environment(), s.labelDomain());
      EnvironmentNormalizer nb =
          new EnvironmentNormalizer(eb.namespace(), eb.environment(), s.labelDomain());
      List<ObjectChange> changes;
      if (normalize) {
        before.forEach(na::apply);
        after.forEach(nb::apply);
        changes = ObjectDiffer.compare(before, after, true);
      } else {
        // Everything shown, but an object is still matched with its counterpart in the other
        // environment's namespace.
        changes = ObjectDiffer.compare(before, after, keyAfter(na), keyAfter(nb), false);
      }
      if (!changes.isEmpty()) {
        out.add(new Comparison(name, label, changes, List.of(), List.of()));
      }
    }
    return out;
  }

  /**
   * {@code diff --base}/{@code --base-ref}: each environment of each service, base against head;
   * services are matched by their directory relative to the repository root. A service or
   * environment on one side only is all added or all removed; one that fails to render on either
   * side is reported with its diagnostics.
   */
  public static List<Comparison> sides(List<ServiceRender> base, List<ServiceRender> head) {
    Map<String, ServiceRender> baseByDir = new LinkedHashMap<>();
    base.forEach(s -> baseByDir.put(s.directory(), s));
    List<String> dirs = new ArrayList<>();
    head.forEach(s -> dirs.add(s.directory()));
    base.stream()
        .map(ServiceRender::directory)
        .filter(d -> !dirs.contains(d))
        .sorted()
        .forEach(dirs::add);
    Map<String, ServiceRender> headByDir = new LinkedHashMap<>();
    head.forEach(s -> headByDir.put(s.directory(), s));

    List<Comparison> out = new ArrayList<>();
    for (String dir : dirs) {
      ServiceRender b = baseByDir.get(dir);
      ServiceRender h = headByDir.get(dir);
      String name =
          h != null && h.name() != null ? h.name() : b != null && b.name() != null ? b.name() : dir;
      List<String> failed = new ArrayList<>();
      List<Diagnostic> diagnostics = new ArrayList<>();
      for (ServiceRender s : new ServiceRender[] {b, h}) {
        if (s != null
            && (s.name() == null || s.diagnostics().stream().anyMatch(Diagnostic::isError))) {
          failed.add(s == b ? "base" : "head");
          diagnostics.addAll(s.diagnostics());
        }
      }
      if (!failed.isEmpty()) {
        out.add(new Comparison(name, "*", List.of(), failed, diagnostics));
        continue;
      }
      List<String> envs = new ArrayList<>();
      if (h != null) {
        h.environments().forEach(e -> envs.add(e.environment()));
      }
      if (b != null) {
        b.environments().stream()
            .map(EnvironmentRender::environment)
            .filter(e -> !envs.contains(e))
            .forEach(envs::add);
      }
      for (String env : envs) {
        EnvironmentRender eb = b == null ? null : find(b, env);
        EnvironmentRender eh = h == null ? null : find(h, env);
        List<String> envFailed = new ArrayList<>();
        List<Diagnostic> envDiagnostics = new ArrayList<>();
        if (eb != null && eb.failed()) {
          envFailed.add("base");
          envDiagnostics.addAll(eb.diagnostics());
        }
        if (eh != null && eh.failed()) {
          envFailed.add("head");
          envDiagnostics.addAll(eh.diagnostics());
        }
        if (!envFailed.isEmpty()) {
          out.add(new Comparison(name, env, List.of(), envFailed, envDiagnostics));
          continue;
        }
        List<ObjectChange> changes =
            ObjectDiffer.compare(
                eb == null ? new ArrayList<>() : copies(eb.documents()),
                eh == null ? new ArrayList<>() : copies(eh.documents()),
                false);
        if (!changes.isEmpty()) {
          out.add(new Comparison(name, env, changes, List.of(), List.of()));
        }
      }
    }
    return out;
  }

  private static java.util.function.Function<JsonNode, ObjectKey> keyAfter(
      EnvironmentNormalizer normalizer) {
    return doc -> {
      JsonNode copy = doc.deepCopy();
      normalizer.apply(copy);
      return ObjectKey.of(copy);
    };
  }

  private static EnvironmentRender find(ServiceRender s, String env) {
    return s.environments().stream()
        .filter(e -> e.environment().equals(env))
        .findFirst()
        .orElse(null);
  }

  private static List<JsonNode> copies(List<JsonNode> docs) {
    List<JsonNode> out = new ArrayList<>(docs.size());
    docs.forEach(d -> out.add(d.deepCopy()));
    return out;
  }
}
