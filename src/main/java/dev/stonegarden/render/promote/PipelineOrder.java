package dev.stonegarden.render.promote;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.platform.WorkloadImages;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.Values;
import dev.stonegarden.render.service.ValuesReader;
import dev.stonegarden.render.yaml.SourceMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pipeline order check of {@code validate} (docs/promotion.md#the-pipeline-order-check): a
 * stage must not run a newer version of an image than the stage before it ever ran. A workload
 * image of stage B that stage A (the stage before B) does not run, whose tag is a semantic version
 * newer than every version of that repository A runs, skipped A: a warning (an error with {@code
 * --strict-order}) at the place B sets the tag, naming where A sets its own.
 */
public final class PipelineOrder {
  private PipelineOrder() {}

  /**
   * @param rendered each environment that rendered, by name (those that did not are left out)
   */
  public static List<Diagnostic> check(
      ServiceSpec spec,
      PlatformSettings platform,
      Map<String, ResourceList> rendered,
      boolean strict) {
    List<Diagnostic> out = new ArrayList<>();
    List<ServiceSpec.Environment> ordered = Promoter.ordered(spec, platform);
    for (int i = 1; i < ordered.size(); i++) {
      ServiceSpec.Environment a = ordered.get(i - 1);
      ServiceSpec.Environment b = ordered.get(i);
      ResourceList ra = rendered.get(a.name());
      ResourceList rb = rendered.get(b.name());
      if (ra == null || rb == null) {
        continue;
      }
      List<WorkloadImages> wa = WorkloadImages.of(ra);
      Set<String> runsA = new LinkedHashSet<>();
      wa.forEach(w -> runsA.addAll(w.images()));
      Values va = values(spec, a);
      Values vb = values(spec, b);
      for (WorkloadImages w : WorkloadImages.of(rb)) {
        for (String image : new LinkedHashSet<>(w.images())) {
          if (runsA.contains(image)) {
            continue;
          }
          ImageRef ref = ImageRef.parse(image);
          SemVer version = SemVer.parse(ref.tag());
          if (version == null) {
            continue;
          }
          // The newest version of the same repository that A runs, and where A sets it.
          SemVer newestA = null;
          String newestTag = null;
          WorkloadImages newestIn = null;
          for (WorkloadImages x : wa) {
            for (String other : x.images()) {
              ImageRef o = ImageRef.parse(other);
              SemVer v = o.repository().equals(ref.repository()) ? SemVer.parse(o.tag()) : null;
              if (v != null && (newestA == null || v.compareTo(newestA) > 0)) {
                newestA = v;
                newestTag = o.tag();
                newestIn = x;
              }
            }
          }
          if (newestA == null || version.compareTo(newestA) <= 0) {
            continue;
          }
          SourcePosition atB = where(vb, w);
          SourcePosition atA = where(va, newestIn);
          String message =
              b.name()
                  + " runs "
                  + image
                  + " ("
                  + w.workload()
                  + "), newer than anything "
                  + a.name()
                  + " runs ("
                  + newestTag
                  + ", set at "
                  + shown(spec, atA)
                  + "): "
                  + a.name()
                  + " never ran it; promote it through "
                  + a.name()
                  + " first";
          out.add(strict ? Diagnostic.error(atB, message) : Diagnostic.warning(atB, message));
        }
      }
    }
    return out;
  }

  private static Values values(ServiceSpec spec, ServiceSpec.Environment env) {
    Path file =
        spec.serviceDirectory()
            .resolve("environments")
            .resolve(env.name())
            .resolve(ValuesReader.FILE_NAME);
    try {
      return ValuesReader.read(file);
    } catch (RuntimeException e) {
      return Values.none(); // its problems are reported by the render
    }
  }

  /** Where the stage sets the workload's tag: its values.yaml entry, else the object's file. */
  private static SourcePosition where(Values values, WorkloadImages w) {
    Values.Settings own = values.workloads().get(w.workload());
    SourceMap map = values.sourceMap();
    if (own != null && own.imageTag() != null) {
      return map.positionOf("/workloads/" + SourceMap.escape(w.workload()) + "/image/tag");
    }
    if (values.defaults().imageTag() != null) {
      return map.positionOf("/image/tag");
    }
    return w.resource().origin();
  }

  /** A position as text for a message: relative to the service directory. */
  private static String shown(ServiceSpec spec, SourcePosition at) {
    if (!at.hasFile()) {
      return "the overlay";
    }
    Path dir = spec.serviceDirectory();
    Path file = at.file().toAbsolutePath().normalize();
    String path =
        (file.startsWith(dir) ? dir.relativize(file) : file.getFileName())
            .toString()
            .replace('\\', '/');
    return at.line() > 0 ? path + ":" + at.line() + ":" + at.column() : path;
  }
}
