package dev.stonegarden.render.kustomize.config;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.ResourceOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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

  // equals and hashCode written out: a record's own link through invokedynamic, which the JDK 25
  // AOT cache does not keep, and every build compares configurations (docs/install.md#start-up).
  @Override
  public boolean equals(Object o) {
    return o instanceof TransformerConfig x
        && namePrefix.equals(x.namePrefix)
        && nameSuffix.equals(x.nameSuffix)
        && namespace.equals(x.namespace)
        && commonLabels.equals(x.commonLabels)
        && labels.equals(x.labels)
        && templateLabels.equals(x.templateLabels)
        && commonAnnotations.equals(x.commonAnnotations)
        && nameReference.equals(x.nameReference)
        && varReference.equals(x.varReference)
        && images.equals(x.images)
        && replicas.equals(x.replicas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        namePrefix,
        nameSuffix,
        namespace,
        commonLabels,
        labels,
        templateLabels,
        commonAnnotations,
        nameReference,
        varReference,
        images,
        replicas);
  }

  private static final TransformerConfig EMPTY =
      Memo.known(
          new TransformerConfig(
              List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
              List.of(), List.of(), List.of(), List.of()));

  /** The configuration with no field specs at all. */
  public static TransformerConfig empty() {
    return EMPTY;
  }

  /**
   * Merges of configurations that every build makes alike (the empty one, the built-in tables, and
   * what merging those gave): each level of every build merges the built-in tables into what its
   * bases built, hundreds of field specs sorted each time, so each such merge is made once per
   * process. Only these configurations are kept (by identity, a handful), never one read from a
   * {@code configurations:} file.
   */
  private static final class Memo {
    private record Pair(TransformerConfig a, TransformerConfig b) {
      @Override
      public boolean equals(Object o) {
        return o instanceof Pair p && p.a == a && p.b == b;
      }

      @Override
      public int hashCode() {
        return System.identityHashCode(a) * 31 + System.identityHashCode(b);
      }
    }

    private static final Map<Pair, TransformerConfig> MERGED = new ConcurrentHashMap<>();
    private static final Map<Pair, Boolean> KNOWN = new ConcurrentHashMap<>();

    static TransformerConfig known(TransformerConfig c) {
      KNOWN.put(new Pair(c, c), Boolean.TRUE);
      return c;
    }

    static boolean isKnown(TransformerConfig c) {
      return KNOWN.containsKey(new Pair(c, c));
    }
  }

  /** Marks the built-in configuration as one whose merges are kept ({@link Memo}). */
  static TransformerConfig builtinTables(TransformerConfig builtin) {
    return Memo.known(builtin);
  }

  /**
   * The union of both configurations; duplicates collapse, a conflicting {@code create} flag is an
   * error. Like kustomize's {@code TransformerConfig.Merge}, every list is then sorted by selector
   * kind (the ranked kinds first, then group/version/kind); the order shows in messages (case 065).
   */
  public TransformerConfig merge(TransformerConfig o, SourcePosition at) {
    if (!Memo.isKnown(this) || !Memo.isKnown(o)) {
      return mergeNow(o, at);
    }
    Memo.Pair key = new Memo.Pair(this, o);
    TransformerConfig merged = Memo.MERGED.get(key);
    if (merged == null) {
      TransformerConfig now = mergeNow(o, at);
      // Merging the built-in tables again changes nothing: keep one instance of each value.
      now = Memo.known(now.equals(this) ? this : now.equals(o) ? o : now);
      merged = Memo.MERGED.putIfAbsent(key, now);
      merged = merged == null ? now : merged;
    }
    return merged;
  }

  private TransformerConfig mergeNow(TransformerConfig o, SourcePosition at) {
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

  /** A selector's place in the merged lists: its rank, then its group/version/kind string. */
  private record SortKey(int rank, String text) implements Comparable<SortKey> {
    static SortKey of(Gvk g) {
      return new SortKey(TransformerConfig.rank(g.kind()), sortString(g));
    }

    @Override
    public int compareTo(SortKey o) {
      return rank != o.rank ? Integer.compare(rank, o.rank) : text.compareTo(o.text);
    }
  }

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
    return sortedBy(specs, FieldSpec::selector);
  }

  private static List<NameBackReference> sortedRefs(List<NameBackReference> refs) {
    return sortedBy(refs, NameBackReference::referral);
  }

  /**
   * A stable sort by selector; each selector's key is computed once per sort, not once per
   * comparison (a level merges hundreds of built-in specs).
   */
  private static <T> List<T> sortedBy(List<T> items, Function<T, Gvk> selector) {
    Map<Gvk, SortKey> keys = new HashMap<>(); // lookup only
    List<T> out = new ArrayList<>(items);
    Function<T, SortKey> key = t -> keys.computeIfAbsent(selector.apply(t), SortKey::of);
    // Not Comparator.comparing(key): the JDK's comparator factories build serializable lambdas,
    // which the JDK 25 AOT cache does not keep (docs/install.md#start-up).
    out.sort((a, b) -> key.apply(a).compareTo(key.apply(b)));
    return out;
  }

  /** kustomize's {@code FsSlice.MergeAll}. */
  public static List<FieldSpec> mergeAll(
      List<FieldSpec> base, List<FieldSpec> incoming, SourcePosition at) {
    List<FieldSpec> out = new ArrayList<>(base);
    // Only a spec with the same path can be effectively equal: look among those alone, in the
    // order of the list, as MergeOne's scan would (lookup only, never iterated as a whole).
    Map<String, List<FieldSpec>> byPath = new HashMap<>();
    for (FieldSpec s : out) {
      byPath.computeIfAbsent(s.path(), p -> new ArrayList<>(2)).add(s);
    }
    for (FieldSpec x : incoming) {
      List<FieldSpec> samePath = byPath.computeIfAbsent(x.path(), p -> new ArrayList<>(2));
      if (!contains(samePath, x, at)) {
        out.add(x);
        samePath.add(x);
      }
    }
    return out;
  }

  /**
   * Whether {@code specs} holds a spec effectively equal to {@code x}; the first such one must
   * agree with it on {@code create}.
   */
  private static boolean contains(List<FieldSpec> specs, FieldSpec x, SourcePosition at) {
    for (FieldSpec s : specs) {
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
        return true;
      }
    }
    return false;
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
