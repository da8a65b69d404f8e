package dev.stonegarden.render.kustomize.config;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.ResourceOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which fields each builtin transformer touches (kustomize's {@code
 * builtinconfig.TransformerConfig}). A level's configuration is the built-in tables merged with its
 * {@code configurations:} files, and it is inherited upward: an overlay's configuration includes
 * its bases' (docs/kustomize.md#the-build-pipeline).
 */
public record TransformerConfig(
    List<FieldSpec> namePrefix,
    List<FieldSpec> nameSuffix,
    List<FieldSpec> namespace,
    List<FieldSpec> commonLabels,
    List<FieldSpec> labels,
    List<FieldSpec> templateLabels,
    List<FieldSpec> commonAnnotations,
    List<NameBackReference> nameReference,
    List<FieldSpec> varReference,
    List<FieldSpec> images,
    List<FieldSpec> replicas) {

  public TransformerConfig {
    namePrefix = List.copyOf(namePrefix);
    nameSuffix = List.copyOf(nameSuffix);
    namespace = List.copyOf(namespace);
    commonLabels = List.copyOf(commonLabels);
    labels = List.copyOf(labels);
    templateLabels = List.copyOf(templateLabels);
    commonAnnotations = List.copyOf(commonAnnotations);
    nameReference = List.copyOf(nameReference);
    varReference = List.copyOf(varReference);
    images = List.copyOf(images);
    replicas = List.copyOf(replicas);
  }

  /** The configuration with no field specs at all. */
  public static TransformerConfig empty() {
    return new TransformerConfig(
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of());
  }

  /**
   * The union of both configurations; duplicates collapse, a conflicting {@code create} flag is an
   * error. Like kustomize's {@code TransformerConfig.Merge}, every list is then sorted by selector
   * kind (the ranked kinds first, then group/version/kind); the order shows in messages (case 065).
   */
  public TransformerConfig merge(TransformerConfig o, SourcePosition at) {
    return new TransformerConfig(
        sorted(mergeAll(namePrefix, o.namePrefix, at)),
        sorted(mergeAll(nameSuffix, o.nameSuffix, at)),
        sorted(mergeAll(namespace, o.namespace, at)),
        sorted(mergeAll(commonLabels, o.commonLabels, at)),
        sorted(mergeAll(labels, o.labels, at)),
        sorted(mergeAll(templateLabels, o.templateLabels, at)),
        sorted(mergeAll(commonAnnotations, o.commonAnnotations, at)),
        sortedRefs(mergeRefs(nameReference, o.nameReference, at)),
        sorted(mergeAll(varReference, o.varReference, at)),
        sorted(mergeAll(images, o.images, at)),
        sorted(mergeAll(replicas, o.replicas, at)));
  }

  private static final Comparator<Gvk> GVK_ORDER =
      (a, b) -> {
        int ra = rank(a.kind());
        int rb = rank(b.kind());
        if (ra != rb) {
          return Integer.compare(ra, rb);
        }
        return sortString(a).compareTo(sortString(b));
      };

  private static int rank(String kind) {
    int i = ResourceOrder.DEFAULT_ORDER_FIRST.indexOf(kind);
    if (i >= 0) {
      return i - ResourceOrder.DEFAULT_ORDER_FIRST.size();
    }
    int j = ResourceOrder.DEFAULT_ORDER_LAST.indexOf(kind);
    return j >= 0 ? j + 1 : 0;
  }

  private static String sortString(Gvk g) {
    return (g.group().isEmpty() ? "~G" : g.group())
        + "_"
        + (g.version().isEmpty() ? "~V" : g.version())
        + "_"
        + (g.kind().isEmpty() ? "~K" : g.kind());
  }

  private static List<FieldSpec> sorted(List<FieldSpec> specs) {
    List<FieldSpec> out = new ArrayList<>(specs);
    out.sort(Comparator.comparing(FieldSpec::selector, GVK_ORDER));
    return out;
  }

  private static List<NameBackReference> sortedRefs(List<NameBackReference> refs) {
    List<NameBackReference> out = new ArrayList<>(refs);
    out.sort(Comparator.comparing(NameBackReference::referral, GVK_ORDER));
    return out;
  }

  /** kustomize's {@code FsSlice.MergeAll}. */
  public static List<FieldSpec> mergeAll(
      List<FieldSpec> base, List<FieldSpec> incoming, SourcePosition at) {
    List<FieldSpec> out = new ArrayList<>(base);
    for (FieldSpec x : incoming) {
      mergeOne(out, x, at);
    }
    return out;
  }

  /** kustomize's {@code FsSlice.MergeOne}, in place. */
  public static void mergeOne(List<FieldSpec> into, FieldSpec x, SourcePosition at) {
    for (FieldSpec s : into) {
      if (s.effectivelyEquals(x)) {
        if (s.create() != x.create()) {
          throw new InputException(
              at,
              "conflicting fieldspecs: path '"
                  + x.path()
                  + "' of "
                  + x.selector()
                  + " is declared both with and without create");
        }
        return;
      }
    }
    into.add(x);
  }

  private static List<NameBackReference> mergeRefs(
      List<NameBackReference> base, List<NameBackReference> incoming, SourcePosition at) {
    List<NameBackReference> out = new ArrayList<>(base);
    for (NameBackReference r : incoming) {
      boolean found = false;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).referral().equals(r.referral())) {
          out.set(
              i,
              new NameBackReference(
                  r.referral(), mergeAll(out.get(i).referrers(), r.referrers(), at)));
          found = true;
        }
      }
      if (!found) {
        out.add(r);
      }
    }
    return out;
  }
}
