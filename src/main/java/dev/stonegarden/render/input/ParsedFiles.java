package dev.stonegarden.render.input;

import dev.stonegarden.render.files.RenderBudget;
import dev.stonegarden.render.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Parsed inputs shared by the renders of one run ({@code generate --all}, {@code diff}): several
 * environments reading one base, one component, one patch file, one dashboard. Each input is parsed
 * once per {@link Kind}, source and content (docs/ci.md); a hit is the value parsed from the same
 * source with the same bytes. Thread-safe.
 *
 * <p>What is kept is never handed out: every caller gets its own copy ({@link Kind#copy}), so a
 * render that changes the tree it was given (patches, transformers) cannot change what another
 * render reads. A parse that fails throws and is not kept: every render that reads the input
 * reports the problem, as a render of its own would.
 *
 * <p>A render's {@link RenderBudget} is charged on a hit exactly what the parse charged; when that
 * does not fit, the input is parsed again, so the render fails at the same place a render of its
 * own would (docs/robustness.md#limits-and-memory).
 */
public final class ParsedFiles {

  /**
   * One way of parsing an input (the same bytes read as a kustomization file and as resources give
   * different trees), and how to copy what it gives.
   *
   * @param <T> what an input parses into
   */
  public static final class Kind<T> {
    private final String name;
    private final UnaryOperator<T> copy;

    /**
     * @param name for tests and messages
     * @param copy a copy that shares nothing a caller may change
     */
    public Kind(String name, UnaryOperator<T> copy) {
      this.name = Objects.requireNonNull(name);
      this.copy = Objects.requireNonNull(copy);
    }

    /** A kind that parses into YAML documents, handed out with their trees copied. */
    public static Kind<List<YamlDocument>> documents(String name) {
      return new Kind<>(name, ParsedFiles::copyDocuments);
    }

    public String name() {
      return name;
    }

    T copy(T value) {
      return copy.apply(value);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * @param source the file's path, or the position of text inside another file (an inline patch)
   */
  private record Key(Kind<?> kind, Object source, int hash, byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.kind == kind
          && k.source.equals(source)
          && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(kind) * 31 + source.hashCode()) * 31 + hash;
    }
  }

  /** A kept value and the budget units its parse charged. */
  private record Entry(Object value, long units) {}

  private final ConcurrentHashMap<Key, Entry> parsed = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Kind<?>, AtomicInteger> parses = new ConcurrentHashMap<>();

  /**
   * A copy of the value of {@code bytes} read from {@code source}, parsed by {@code parse} on first
   * use.
   *
   * @param files the run's parsed inputs, or null: then {@code parse} runs every time
   * @param budget the render's budget that {@code parse} charges, or null
   */
  public static <T> T get(
      ParsedFiles files,
      Kind<T> kind,
      Object source,
      byte[] bytes,
      RenderBudget budget,
      Function<byte[], T> parse) {
    if (files == null) {
      return parse.apply(bytes);
    }
    return files.get(kind, source, bytes, budget, parse);
  }

  /**
   * {@link #get(ParsedFiles, Kind, Object, byte[], RenderBudget, Function)} on this run's files.
   */
  public <T> T get(
      Kind<T> kind, Object source, byte[] bytes, RenderBudget budget, Function<byte[], T> parse) {
    Key key = new Key(kind, source, Arrays.hashCode(bytes), bytes);
    Entry hit = parsed.get(key);
    if (hit == null) {
      // Parsed under the key's lock: two renders asking at once parse it once.
      boolean[] mine = {false};
      hit =
          parsed.computeIfAbsent(
              key,
              k -> {
                long before = budget == null ? 0 : budget.used();
                T value = parse.apply(bytes); // a failure throws and is not kept
                parses.computeIfAbsent(kind, n -> new AtomicInteger()).incrementAndGet();
                mine[0] = true;
                return new Entry(value, budget == null ? 0 : budget.used() - before);
              });
      if (mine[0]) {
        return kind.copy(cast(hit.value())); // this render's budget paid for the parse
      }
    }
    if (budget == null || budget.chargeIfFits(hit.units())) {
      return kind.copy(cast(hit.value()));
    }
    return parse.apply(bytes); // past the budget: fails where a render of its own would
  }

  /** How many inputs of {@code kind} were parsed so far (not counting hits): for tests. */
  public int parses(Kind<?> kind) {
    AtomicInteger n = parses.get(kind);
    return n == null ? 0 : n.get();
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }

  private static List<YamlDocument> copyDocuments(List<YamlDocument> docs) {
    List<YamlDocument> copies = new ArrayList<>(docs.size());
    for (YamlDocument d : docs) {
      copies.add(
          new YamlDocument(
              d.root() == null ? null : d.root().deepCopy(),
              d.file(),
              d.index(),
              d.start(),
              d.sourceMap()));
    }
    return copies;
  }
}
