package dev.stonegarden.render.diff;

import dev.stonegarden.render.batch.BatchRenderer;
import dev.stonegarden.render.batch.BatchRenderer.EnvironmentRender;
import dev.stonegarden.render.batch.BatchRenderer.ServiceRender;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.service.ServiceFinder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code diff --base DIR} and {@code --base-ref REF} (docs/ci.md, "Which services are rendered"):
 * only the services whose inputs changed are rendered, on both sides. A service is touched when a
 * changed file lies in its directory; when some changed file lies outside every service directory
 * (platform.yaml, a shared base or component, a dashboard kept elsewhere), the other services are
 * rendered once on the head side to learn what they read ({@link
 * dev.stonegarden.render.pipeline.ReadLog}), and those that read a changed file are touched too.
 */
public final class RevisionDiff {
  private final PrintWriter trace;
  private final int threads;

  /**
   * @param trace where the {@code --verbose} line about what is rendered goes, or null
   */
  public RevisionDiff(PrintWriter trace, int threads) {
    this.trace = trace;
    this.threads = threads;
  }

  /**
   * Compares the services below {@code start} (a service directory or a root) in the repository
   * {@code headRoot} with the same paths in {@code base}.
   */
  public List<Comparison> run(Path start, Path headRoot, BaseTree base) {
    Path root = headRoot.toAbsolutePath().normalize();
    Path from = start.toAbsolutePath().normalize();
    String scope = root.relativize(from).toString().replace('\\', '/');
    SortedSet<String> changed = base.changedFiles();

    // The services of the head side, and those only the base side has (their service.yaml is gone).
    List<String> headDirs = new ArrayList<>();
    if (Files.isDirectory(from)) {
      for (Path f : findOrNone(from)) {
        headDirs.add(relative(root, f.getParent()));
      }
    }
    List<String> baseOnly = new ArrayList<>();
    for (String f : changed) {
      if (f.endsWith("/service.yaml") || f.equals("service.yaml")) {
        String dir = f.equals("service.yaml") ? "." : f.substring(0, f.length() - 13);
        if (!headDirs.contains(dir) && inScope(scope, dir) && !Files.exists(root.resolve(f))) {
          baseOnly.add(dir);
        }
      }
    }
    List<String> allDirs = new ArrayList<>(headDirs);
    allDirs.addAll(baseOnly);

    // Touched directly: a changed file in the service's directory.
    SortedSet<String> touched = new TreeSet<>();
    List<String> shared = new ArrayList<>();
    for (String f : changed) {
      String owner = null;
      for (String d : allDirs) {
        if (d.equals(".") || f.startsWith(d + "/")) {
          owner = d;
        }
      }
      if (owner != null) {
        touched.add(owner);
      } else {
        shared.add(f);
      }
    }
    // Touched through what they read: only knowable by rendering, so only when needed.
    Map<String, ServiceRender> headRenders = new LinkedHashMap<>();
    BatchRenderer headRenderer = new BatchRenderer(root, BatchRenderer.Output.DOCUMENTS, threads);
    int probed = 0;
    if (!shared.isEmpty()) {
      List<Path> others = new ArrayList<>();
      for (String d : headDirs) {
        if (!touched.contains(d)) {
          others.add(root.resolve(d).resolve("service.yaml"));
        }
      }
      probed = others.size();
      for (ServiceRender r : headRenderer.render(others, e -> true, null)) {
        if (readsAny(r, root, changed)) {
          touched.add(r.directory());
          headRenders.put(r.directory(), r);
        }
      }
    }
    List<Path> headToRender = new ArrayList<>();
    for (String d : headDirs) {
      if (touched.contains(d) && !headRenders.containsKey(d)) {
        headToRender.add(root.resolve(d).resolve("service.yaml"));
      }
    }
    for (ServiceRender r : headRenderer.render(headToRender, e -> true, null)) {
      headRenders.put(r.directory(), r);
    }
    List<ServiceRender> head = new ArrayList<>();
    for (String d : headDirs) {
      if (headRenders.containsKey(d)) {
        head.add(headRenders.get(d));
      }
    }

    List<ServiceRender> baseRenders = new ArrayList<>();
    BatchRenderer baseRenderer = null; // the base is written out only when a service is touched
    Path baseRoot = null;
    if (!touched.isEmpty()) {
      // Only what the touched services can read is written out: the files of the other services'
      // directories are left out. A base render that read or looked into one of those, or failed
      // (a missing file is not recorded as read), gets the whole revision and runs again.
      List<String> untouched = untouched(allDirs, touched);
      baseRoot = base.root(f -> untouched.stream().noneMatch(d -> f.startsWith(d + "/")));
      baseRenderer = new BatchRenderer(baseRoot, BatchRenderer.Output.DOCUMENTS, threads);
      List<Path> baseFiles = new ArrayList<>();
      for (String d : allDirs) {
        Path f = baseRoot.resolve(d).resolve("service.yaml");
        if (touched.contains(d) && Files.isRegularFile(f)) {
          baseFiles.add(f);
        }
      }
      List<ServiceRender> rendered = baseRenderer.render(baseFiles, e -> true, null);
      if (!untouched.isEmpty() && readsAnyOf(rendered, baseRoot, untouched)) {
        baseRoot = base.root();
        baseRenderer = new BatchRenderer(baseRoot, BatchRenderer.Output.DOCUMENTS, threads);
        rendered = baseRenderer.render(baseFiles, e -> true, null);
      }
      for (ServiceRender r : rendered) {
        baseRenders.add(displayed(r, base));
      }
    }
    if (trace != null) {
      trace.println(
          "platform-render: diff: "
              + changed.size()
              + " changed files; "
              + touched.size()
              + " of "
              + allDirs.size()
              + " services touched"
              + (probed > 0 ? " (" + probed + " rendered to learn what they read)" : "")
              + "; rendered "
              + environments(head)
              + " environments on the head side, "
              + environments(baseRenders)
              + " on the base side");
    }
    List<Comparison> manifests = Differ.sides(baseRenders, head);
    if (touched.isEmpty()) {
      return manifests;
    }
    // The Argo CD layer of each touched service, after its environments (it reads what they read).
    List<Comparison> out = new ArrayList<>();
    for (String dir : allDirs) {
      if (!touched.contains(dir)) {
        continue;
      }
      String name = serviceName(dir, headRenders, baseRenders);
      List<Comparison> own = manifests.stream().filter(c -> c.service().equals(name)).toList();
      out.addAll(own);
      if (own.stream().noneMatch(Comparison::failed)) {
        Comparison argo =
            ArgoCdLayer.compare(
                name,
                dir,
                baseRoot,
                root,
                baseRenderer.parsedFiles(),
                headRenderer.parsedFiles(),
                ds -> mapped(ds, base));
        if (argo != null) {
          out.add(argo);
        }
      }
    }
    manifests.stream().filter(c -> !out.contains(c)).forEach(out::add);
    return out;
  }

  private static String serviceName(
      String dir, Map<String, ServiceRender> head, List<ServiceRender> base) {
    ServiceRender h = head.get(dir);
    if (h != null && h.name() != null) {
      return h.name();
    }
    return base.stream()
        .filter(b -> b.directory().equals(dir) && b.name() != null)
        .map(ServiceRender::name)
        .findFirst()
        .orElse(dir);
  }

  private static List<Path> findOrNone(Path from) {
    try {
      return ServiceFinder.find(from);
    } catch (dev.stonegarden.render.diag.InputException e) {
      return List.of(); // no service on the head side: a removed service is still diffed
    }
  }

  /**
   * Whether a render read a changed file: a file it read, or a file inside a directory it read (a
   * kustomization directory: a file added there may change the build).
   */
  private static boolean readsAny(ServiceRender r, Path root, SortedSet<String> changed) {
    Path real = realOrSelf(root);
    for (Path p : r.inputs()) {
      for (Path base : new Path[] {root, real}) {
        if (!p.startsWith(base)) {
          continue;
        }
        String rel = base.relativize(p).toString().replace('\\', '/');
        if (changed.contains(rel)
            || (Files.isDirectory(p) && changed.stream().anyMatch(c -> c.startsWith(rel + "/")))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Path realOrSelf(Path p) {
    try {
      return p.toRealPath();
    } catch (java.io.IOException e) {
      return p;
    }
  }

  /** The service directories of {@code all} that are not touched and hold no touched one. */
  private static List<String> untouched(List<String> all, SortedSet<String> touched) {
    List<String> out = new ArrayList<>();
    for (String d : all) {
      if (!d.equals(".") && touched.stream().noneMatch(t -> t.equals(d) || t.startsWith(d + "/"))) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * Whether a render failed, or read or looked for anything inside one of the directories {@code
   * dirs} (relative to {@code root}).
   */
  private static boolean readsAnyOf(List<ServiceRender> renders, Path root, List<String> dirs) {
    Path abs = root.toAbsolutePath().normalize();
    Path real = realOrSelf(abs);
    for (ServiceRender r : renders) {
      if (r.failed()) {
        return true;
      }
      for (Path p : r.inputs()) {
        Path in = p.toAbsolutePath().normalize();
        Path under = in.startsWith(real) ? real : in.startsWith(abs) ? abs : null;
        String rel = under == null ? null : under.relativize(in).toString().replace('\\', '/');
        if (rel == null || dirs.stream().anyMatch(d -> rel.equals(d) || rel.startsWith(d + "/"))) {
          return true; // outside the base root (unexpected), or in a directory left out
        }
      }
    }
    return false;
  }

  private static int environments(List<ServiceRender> renders) {
    return renders.stream().mapToInt(r -> r.environments().size()).sum();
  }

  private static boolean inScope(String scope, String dir) {
    return scope.isEmpty() || dir.equals(scope) || dir.startsWith(scope + "/");
  }

  private static String relative(Path root, Path dir) {
    String rel = root.relativize(dir.toAbsolutePath().normalize()).toString().replace('\\', '/');
    return rel.isEmpty() ? "." : rel;
  }

  /** The base side's diagnostics name the base files as the reader knows them. */
  private static ServiceRender displayed(ServiceRender r, BaseTree base) {
    List<EnvironmentRender> envs = new ArrayList<>();
    for (EnvironmentRender e : r.environments()) {
      envs.add(
          new EnvironmentRender(
              e.environment(),
              e.namespace(),
              e.text(),
              e.documents(),
              mapped(e.diagnostics(), base)));
    }
    return new ServiceRender(
        r.directory(), r.name(), envs, mapped(r.diagnostics(), base), r.inputs(), r.labelDomain());
  }

  private static List<Diagnostic> mapped(List<Diagnostic> ds, BaseTree base) {
    List<Diagnostic> out = new ArrayList<>(ds.size());
    for (Diagnostic d : ds) {
      SourcePosition at = d.at();
      out.add(
          at.hasFile()
              ? new Diagnostic(
                  d.severity(),
                  new SourcePosition(base.display(at.file()), at.line(), at.column()),
                  d.message())
              : d);
    }
    return out;
  }
}
