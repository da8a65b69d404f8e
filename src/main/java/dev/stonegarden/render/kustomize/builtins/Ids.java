package dev.stonegarden.render.kustomize.builtins;

import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.ResId;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * kustomize's id comparisons ({@code resid.ResId.Equals} and friends,
 * docs/kustomize.md#resource-identity).
 */
public final class Ids {
  private Ids() {}

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
