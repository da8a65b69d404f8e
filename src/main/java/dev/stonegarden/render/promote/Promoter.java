package dev.stonegarden.render.promote;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.platform.WorkloadImages;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceFinder;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.Values;
import dev.stonegarden.render.service.ValuesReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Plans a promotion (docs/promotion.md): target stage E is to run, workload by workload, the image
 * versions that source F runs as F renders (wherever F sets them: values.yaml or the overlay's
 * {@code images:}). The plan holds E's values.yaml before and after the source-preserving edit; it
 * is made only when E renders after the edit and every workload then runs what was asked. Nothing
 * is written here.
 */
public final class Promoter {

  /** One workload's change: {@code workload: from → to}. */
  public record Move(String workload, String from, String to) {}

  /**
   * A checked promotion of one service.
   *
   * @param source what E takes its versions from: a stage name, or "revision REF"
   * @param valuesFile E's values.yaml (it may not exist yet)
   * @param exists whether it exists
   * @param before its text now ("" when it does not exist)
   * @param after its text after the edit (equal to before when nothing changes)
   * @param moves the workloads whose version changes, in render order
   * @param notes things worth saying that change nothing (workloads only one side has)
   */
  public record Plan(
      ServiceSpec service,
      String source,
      String target,
      Path valuesFile,
      boolean exists,
      String before,
      String after,
      List<Move> moves,
      List<String> notes) {
    public boolean changes() {
      return !before.equals(after);
    }
  }

  /** The version each workload of a rendered stage runs; null when it has none to promote. */
  record Running(String workload, String version, List<String> images) {
    boolean mixed() {
      return new LinkedHashSet<>(images.stream().map(i -> ImageRef.parse(i).version()).toList())
              .size()
          > 1;
    }
  }

  private final EnvironmentRenderer renderer = new EnvironmentRenderer(null);

  /**
   * {@code promote DIR --to target [--from from] [--force]}.
   *
   * @param from null: the stage before {@code target} among the service's environments
   */
  public Plan plan(Path serviceDir, Path repoRoot, String target, String from, boolean force) {
    PlatformSettings platform = PlatformReader.find(serviceDir, repoRoot);
    ServiceSpec spec = ServiceReader.read(serviceDir.resolve(ServiceFinder.FILE_NAME), platform);
    ServiceSpec.Environment e = environment(spec, target);
    List<ServiceSpec.Environment> ordered = ordered(spec, platform);
    int ei = ordered.indexOf(e);
    ServiceSpec.Environment f;
    if (from == null) {
      if (ei == 0) {
        throw new InputException(
            envPosition(spec, e),
            target
                + " is the first stage of "
                + spec.name()
                + "'s pipeline ("
                + String.join(" → ", names(ordered))
                + "): nothing comes before it; give --from, or --revision to roll back");
      }
      f = ordered.get(ei - 1);
    } else {
      f = environment(spec, from);
      if (f == e) {
        throw new InputException(
            envPosition(spec, e), "--from and --to name the same stage, " + target);
      }
      int fi = ordered.indexOf(f);
      if (!force && fi != ei - 1) {
        String why =
            fi > ei
                ? from + " comes after " + target + " in the pipeline"
                : "promoting "
                    + from
                    + " → "
                    + target
                    + " skips "
                    + String.join(", ", names(ordered.subList(fi + 1, ei)));
        throw new InputException(
            envPosition(spec, e),
            why
                + " ("
                + String.join(" → ", names(ordered))
                + "): promote through each stage, or pass --force");
      }
    }
    Map<String, Running> source = running(spec, f, platform, repoRoot, null);
    return planFrom(spec, platform, repoRoot, e, f.name(), source);
  }

  /**
   * {@code promote DIR --to target --revision REF}: {@code target} runs again what it ran at REF;
   * {@code oldServiceDir} and {@code oldRepoRoot} hold the service as it was then.
   */
  public Plan rollback(
      Path serviceDir,
      Path repoRoot,
      String target,
      Path oldServiceDir,
      Path oldRepoRoot,
      String ref) {
    PlatformSettings platform = PlatformReader.find(serviceDir, repoRoot);
    ServiceSpec spec = ServiceReader.read(serviceDir.resolve(ServiceFinder.FILE_NAME), platform);
    ServiceSpec.Environment e = environment(spec, target);
    PlatformSettings oldPlatform = PlatformReader.find(oldServiceDir, oldRepoRoot);
    ServiceSpec old =
        ServiceReader.read(oldServiceDir.resolve(ServiceFinder.FILE_NAME), oldPlatform);
    ServiceSpec.Environment oldE =
        old.environment(target)
            .orElseThrow(
                () ->
                    new InputException(
                        envPosition(spec, e),
                        spec.name() + " had no environment " + target + " at " + ref));
    Map<String, Running> source = running(old, oldE, oldPlatform, oldRepoRoot, null);
    return planFrom(spec, platform, repoRoot, e, "revision " + ref, source);
  }

  /** The services below {@code root} that have environment {@code target}, sorted. */
  public static List<Path> servicesWith(Path root, Path repoRoot, String target) {
    List<Path> out = new ArrayList<>();
    for (Path serviceYaml : ServiceFinder.find(root)) {
      PlatformSettings platform = PlatformReader.find(serviceYaml.getParent(), repoRoot);
      ServiceSpec spec = ServiceReader.read(serviceYaml, platform);
      if (spec.environment(target).isPresent()) {
        out.add(serviceYaml.getParent());
      }
    }
    return out;
  }

  private Plan planFrom(
      ServiceSpec spec,
      PlatformSettings platform,
      Path repoRoot,
      ServiceSpec.Environment e,
      String sourceName,
      Map<String, Running> source) {
    Path valuesFile =
        spec.serviceDirectory()
            .resolve("environments")
            .resolve(e.name())
            .resolve(ValuesReader.FILE_NAME);
    Map<String, Running> current = running(spec, e, platform, repoRoot, null);
    List<String> notes = new ArrayList<>();
    if (source.values().stream().allMatch(r -> r.images().isEmpty())) {
      throw new InputException(
          SourcePosition.of(spec.file()),
          sourceName
              + " of "
              + spec.name()
              + " runs no workload with an image: nothing to promote");
    }

    // What each of E's workloads is to run: the source's version, or its own when only E has it.
    Map<String, String> desired = new LinkedHashMap<>();
    List<Diagnostic> refusals = new ArrayList<>();
    for (Running now : current.values()) {
      Running from = source.get(now.workload());
      if (from == null || from.images().isEmpty()) {
        notes.add(
            now.workload()
                + " runs only in "
                + e.name()
                + ", not in "
                + sourceName
                + ": left as it is");
        desired.put(now.workload(), now.version());
        continue;
      }
      if (from.mixed()) {
        refusals.add(
            Diagnostic.error(
                SourcePosition.of(spec.file()),
                sourceName
                    + " runs "
                    + from.workload()
                    + " with several versions ("
                    + String.join(", ", from.images())
                    + "): values.yaml sets one tag per workload"));
        continue;
      }
      if (from.version() == null) {
        refusals.add(
            Diagnostic.error(
                SourcePosition.of(spec.file()),
                sourceName
                    + " has no tag to promote: "
                    + from.workload()
                    + " runs "
                    + from.images().get(0)
                    + " (no tag, no digest)"));
        continue;
      }
      desired.put(now.workload(), from.version());
    }
    for (Running from : source.values()) {
      if (!current.containsKey(from.workload()) && !from.images().isEmpty()) {
        notes.add(
            from.workload() + " runs in " + sourceName + " but not in " + e.name() + ": skipped");
      }
    }
    if (!refusals.isEmpty()) {
      throw new InputException(refusals);
    }

    String before = read(valuesFile);
    boolean exists = Files.exists(valuesFile);
    Values values = ValuesReader.read(valuesFile, before);
    List<ValuesEdit.Change> changes = changes(values, current, desired);
    String after = changes.isEmpty() ? before : ValuesEdit.apply(valuesFile, before, changes);

    // Render E with the edit, as generate would, and check that it runs what was asked.
    Map<String, Running> result;
    try {
      result = running(spec, e, platform, repoRoot, ValuesReader.read(valuesFile, after));
    } catch (InputException failed) {
      List<Diagnostic> all = new ArrayList<>();
      all.add(
          Diagnostic.error(
              SourcePosition.of(valuesFile),
              "refusing to promote "
                  + sourceName
                  + " → "
                  + e.name()
                  + ": "
                  + e.name()
                  + " would not render with the new tags (nothing was written)"));
      all.addAll(failed.diagnostics());
      throw new InputException(all);
    }
    List<Move> moves = new ArrayList<>();
    for (Map.Entry<String, String> d : desired.entrySet()) {
      Running now = current.get(d.getKey());
      Running then = result.get(d.getKey());
      String got = then == null ? null : then.version();
      if (!Objects.equals(got, d.getValue()) || (then != null && then.mixed())) {
        throw new InputException(
            SourcePosition.of(valuesFile),
            "after the edit "
                + d.getKey()
                + " would run "
                + (then == null ? "nothing" : String.join(", ", then.images()))
                + ", not "
                + d.getValue()
                + ": edit "
                + e.name()
                + "'s values.yaml by hand");
      }
      if (!Objects.equals(now.version(), d.getValue()) || now.mixed()) {
        moves.add(new Move(d.getKey(), now.version(), d.getValue()));
      }
    }
    return new Plan(
        spec, sourceName, e.name(), valuesFile, exists, before, after, List.copyOf(moves), notes);
  }

  /**
   * The edits of values.yaml that make every workload run its desired version with the fewest
   * entries: workloads with their own {@code workloads.W.image.tag} get it changed; the others
   * share the top-level {@code image.tag} (the version most of them want), and those that want
   * another get their own entry.
   */
  static List<ValuesEdit.Change> changes(
      Values values, Map<String, Running> current, Map<String, String> desired) {
    List<ValuesEdit.Change> out = new ArrayList<>();
    List<String> followers = new ArrayList<>();
    for (Map.Entry<String, String> d : desired.entrySet()) {
      String w = d.getKey();
      Values.Settings own = values.workloads().get(w);
      if (own != null && own.imageTag() != null) {
        if (!own.imageTag().equals(d.getValue()) || current.get(w).mixed()) {
          out.add(new ValuesEdit.Change(List.of("workloads", w, "image", "tag"), d.getValue()));
        }
      } else {
        followers.add(w);
      }
    }
    boolean allThere =
        followers.stream()
            .allMatch(
                w ->
                    Objects.equals(current.get(w).version(), desired.get(w))
                        && !current.get(w).mixed());
    if (followers.isEmpty() || allThere) {
      return out;
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String w : followers) {
      String v = desired.get(w);
      if (v != null) {
        counts.merge(v, 1, Integer::sum);
      }
    }
    String top = values.defaults().imageTag();
    int best = counts.values().stream().max(Comparator.naturalOrder()).orElse(0);
    String shared =
        top != null && counts.getOrDefault(top, 0) == best
            ? top
            : counts.entrySet().stream()
                .filter(c -> c.getValue() == best)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    if (shared == null) {
      return out;
    }
    if (!shared.equals(top)) {
      out.add(0, new ValuesEdit.Change(List.of("image", "tag"), shared));
    }
    for (String w : followers) {
      String v = desired.get(w);
      if (v != null && !v.equals(shared)) {
        out.add(new ValuesEdit.Change(List.of("workloads", w, "image", "tag"), v));
      }
    }
    return out;
  }

  /** Renders {@code env} and reads the version each workload runs. */
  Map<String, Running> running(
      ServiceSpec spec,
      ServiceSpec.Environment env,
      PlatformSettings platform,
      Path repoRoot,
      Values valuesInstead) {
    EnvironmentRenderer.Built built =
        renderer.build(spec, env, platform, repoRoot, ArgoEnvironment.none(), valuesInstead);
    Map<String, Running> out = new LinkedHashMap<>();
    for (WorkloadImages w : WorkloadImages.of(built.resources())) {
      Set<String> versions = new LinkedHashSet<>();
      for (String image : w.images()) {
        versions.add(ImageRef.parse(image).version());
      }
      String version = versions.size() == 1 ? versions.iterator().next() : null;
      out.put(w.workload(), new Running(w.workload(), version, w.images()));
    }
    return out;
  }

  /** The service's environments in pipeline order. */
  public static List<ServiceSpec.Environment> ordered(ServiceSpec spec, PlatformSettings platform) {
    List<ServiceSpec.Environment> out = new ArrayList<>(spec.environments());
    out.sort(Comparator.comparingInt(env -> platform.pipeline().indexOf(env.name())));
    return out;
  }

  private static ServiceSpec.Environment environment(ServiceSpec spec, String name) {
    return spec.environment(name)
        .orElseThrow(
            () ->
                new InputException(
                    spec.sourceMap().positionOf("/spec/environments"),
                    spec.name()
                        + " has no environment "
                        + name
                        + ": service.yaml lists "
                        + String.join(", ", names(spec.environments()))));
  }

  private static SourcePosition envPosition(ServiceSpec spec, ServiceSpec.Environment e) {
    return spec.sourceMap().positionOf("/spec/environments/" + e.index() + "/name");
  }

  private static List<String> names(List<ServiceSpec.Environment> envs) {
    return envs.stream().map(ServiceSpec.Environment::name).toList();
  }

  private static String read(Path file) {
    if (!Files.exists(file)) {
      return "";
    }
    // Through the one loader: a values.yaml that links out of its directory, a FIFO or a device is
    // refused, not read (docs/robustness.md#file-access).
    return RootedFiles.at(file.toAbsolutePath().normalize().getParent())
        .readText(file, file.getFileName().toString());
  }
}
