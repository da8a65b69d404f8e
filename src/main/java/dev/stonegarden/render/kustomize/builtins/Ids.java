package dev.stonegarden.render.kustomize.builtins;

import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.ResId;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.resource.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * kustomize's id comparisons ({@code resid.ResId.Equals} and friends,
 * docs/kustomize.md#resource-identity).
 */
public final class Ids {
  private Ids() {}

  /**
   * The namespace ids are compared by: cluster-scoped kinds have none, empty means {@code default}.
   */
  public static String effectiveNamespace(ResId id) {
    if (Scope.isClusterScoped(id.gvk())) {
      return Resource.NON_NAMESPACEABLE;
    }
    return id.namespace().isEmpty() ? ResId.DEFAULT_NAMESPACE : id.namespace();
  }

  /** What {@link #equal} compares, as a value: equal ids have equal keys. */
  public record Key(Gvk gvk, String name, String effectiveNamespace) {}

  public static Key key(ResId id) {
    return new Key(id.gvk(), id.name(), effectiveNamespace(id));
  }

  /** Same group, version, kind and name, same effective namespace. */
  public static boolean equal(ResId a, ResId b) {
    return a.gvk().equals(b.gvk()) && a.name().equals(b.name()) && nsEqual(a, b);
  }

  public static boolean nsEqual(ResId a, ResId b) {
    return effectiveNamespace(a).equals(effectiveNamespace(b));
  }

  /** Same group, version, kind and name, namespace ignored. */
  public static boolean gvknEqual(ResId a, ResId b) {
    return a.gvk().equals(b.gvk()) && a.name().equals(b.name());
  }

  /** kustomize's {@code Gvk.IsSelected}: every non-empty part of {@code selector} is equal. */
  public static boolean selects(Gvk selector, Gvk gvk) {
    return (selector.group().isEmpty() || selector.group().equals(gvk.group()))
        && (selector.version().isEmpty() || selector.version().equals(gvk.version()))
        && (selector.kind().isEmpty() || selector.kind().equals(gvk.kind()));
  }

  /** Resources whose current id matches. */
  public static List<Resource> byCurrentId(ResourceList list, Predicate<ResId> match) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : list) {
      if (match.test(r.id())) {
        out.add(r);
      }
    }
    return out;
  }

  /** Resources any of whose ids (previous or current) matches. */
  public static List<Resource> byAnyId(ResourceList list, Predicate<ResId> match) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : list) {
      for (ResId id : r.allIds()) {
        if (match.test(id)) {
          out.add(r);
          break;
        }
      }
    }
    return out;
  }
}
