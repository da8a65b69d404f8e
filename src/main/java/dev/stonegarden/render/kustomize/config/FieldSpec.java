package dev.stonegarden.render.kustomize.config;

import static java.util.Objects.requireNonNull;

import dev.stonegarden.render.resource.Gvk;
import java.util.ArrayList;
import java.util.List;

/**
 * One field that a transformer touches: a slash-separated path, selected by group/version/kind
 * (empty parts match anything), and whether missing maps along the path are created (kustomize's
 * {@code types.FieldSpec}).
 */
public record FieldSpec(Gvk selector, String path, boolean create) {

  public FieldSpec {
    requireNonNull(selector, "selector == null");
    requireNonNull(path, "path == null");
  }

  // equals and hashCode written out: a record's own link through invokedynamic, which the
  // JDK 25 AOT cache does not keep (docs/install.md#start-up).
  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSpec x
        && selector.equals(x.selector)
        && path.equals(x.path)
        && create == x.create;
  }

  @Override
  public int hashCode() {
    return (selector.hashCode() * 31 + path.hashCode()) * 2 + (create ? 1 : 0);
  }

  /** A spec that selects every kind. */
  public static FieldSpec any(String path, boolean create) {
    return new FieldSpec(new Gvk("", "", ""), path, create);
  }

  /** True if {@code gvk} is selected: every non-empty part of the selector must be equal. */
  public boolean selects(Gvk gvk) {
    return selects(selector, gvk);
  }

  /** kustomize's {@code Gvk.IsSelected}: non-empty selector parts must match. */
  public static boolean selects(Gvk selector, Gvk gvk) {
    return (selector.group().isEmpty() || selector.group().equals(gvk.group()))
        && (selector.version().isEmpty() || selector.version().equals(gvk.version()))
        && (selector.kind().isEmpty() || selector.kind().equals(gvk.kind()));
  }

  /**
   * The path split at '/', where {@code \/} keeps a slash inside a key and a leading '/' is
   * ignored.
   */
  public List<String> segments() {
    return split(path);
  }

  /** kustomize's {@code PathSplitter} for '/'. */
  public static List<String> split(String path) {
    String[] ps = path.split("/", -1);
    int start = ps.length > 1 && ps[0].isEmpty() ? 1 : 0;
    List<String> res = new ArrayList<>();
    res.add(ps[start]);
    for (int i = start + 1; i < ps.length; i++) {
      int last = res.size() - 1;
      if (res.get(last).endsWith("\\")) {
        String l = res.get(last);
        res.set(last, l.substring(0, l.length() - 1) + "/" + ps[i]);
      } else {
        res.add(ps[i]);
      }
    }
    return res;
  }

  /**
   * kustomize's {@code effectivelyEquals}: same path, and this spec's selector is selected by the
   * other's.
   */
  boolean effectivelyEquals(FieldSpec other) {
    return selects(other.selector, selector) && path.equals(other.path);
  }
}
