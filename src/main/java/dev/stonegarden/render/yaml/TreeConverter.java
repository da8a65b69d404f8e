package dev.stonegarden.render.yaml;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Types and expands {@link SourceNode} trees into Jackson trees, iteratively, so depth is bounded
 * by {@link YamlLimits#maxDepth} only; and, as a {@link SourceMap.Locator}, finds the position of a
 * JSON pointer by walking the same tree with the same rules when a diagnostic asks for it.
 *
 * <p>Aliases are expanded and {@code <<} merge keys applied as kustomize's kyaml {@code DeAnchor}
 * does for resources (case 144) and as go-yaml v2 does for YAML 1.1 input (see {@link #entries}):
 * the merge value is a mapping or a sequence of mappings (directly or through aliases), earlier
 * mappings of a merge sequence win over later ones, the merge is shallow. A plain {@code <<} (or
 * one tagged {@code !!merge}) is a merge key; a quoted {@code "<<"} is an ordinary key, except that
 * in a build's resources ({@code Options.kio}) the first key with the text {@code <<} is dropped
 * (kyaml clears it by its text).
 *
 * <p>Problems in keys (duplicates, non-string keys, bad merge values, tag mismatches) are collected
 * and reported together at the end; limits stop at once.
 */
final class TreeConverter {
  private static final JsonNodeFactory NODES = NodeFactory.INSTANCE;
  private static final String MERGE_TAG = "tag:yaml.org,2002:merge";

  private final YamlReader.Options options;
  private final Path file;
  private final Set<Diagnostic> problems = new LinkedHashSet<>();
  private final long budgetLimit;

  /** Quiet converters only look things up (for {@link SourceMap}): no problems, no limits. */
  private final boolean quiet;

  private long budget;
  private int expansions;

  /**
   * One key of a mapping after merges: the string key, its text as written, the key and value
   * nodes, and whether a merge key brought it in.
   */
  private record Entry(
      String key, String raw, SourceNode keyNode, SourceNode value, boolean merged) {}

  private static final int SMALL = 12;

  /** A collection whose children are being converted. */
  private static final class Frame {
    final int depth;
    final ArrayNode array;
    final List<SourceNode> items;
    final ObjectNode object;
    final List<Entry> entries;

    /** The outermost alias this collection was reached through, or null: where limits report. */
    final SourceNode via;

    int next;

    Frame(
        int depth,
        SourceNode via,
        ArrayNode array,
        List<SourceNode> items,
        ObjectNode object,
        List<Entry> entries) {
      this.depth = depth;
      this.via = via;
      this.array = array;
      this.items = items;
      this.object = object;
      this.entries = entries;
    }
  }

  TreeConverter(YamlReader.Options options, Path file, long sourceLength) {
    this(options, file, sourceLength, false);
  }

  private TreeConverter(YamlReader.Options options, Path file, long sourceLength, boolean quiet) {
    this.options = options;
    this.file = file;
    this.quiet = quiet;
    this.budgetLimit = Math.max(sourceLength, 1) * options.limits().expansionFactor();
    this.budget = budgetLimit;
  }

  /** Converts one document's root. */
  JsonNode convert(SourceNode root) {
    this.expansions = 0;
    Deque<Frame> stack = new ArrayDeque<>();
    JsonNode result = start(root, 0, null, stack);
    while (!stack.isEmpty()) {
      Frame f = stack.peek();
      if (f.array != null) {
        if (f.next < f.items.size()) {
          f.array.add(start(f.items.get(f.next++), f.depth, f.via, stack));
        } else {
          stack.pop();
        }
      } else if (f.next < f.entries.size()) {
        Entry e = f.entries.get(f.next++);
        f.object.set(e.key(), start(e.value(), f.depth, f.via, stack));
      } else {
        stack.pop();
      }
    }
    return result;
  }

  /**
   * A {@link SourceMap.Locator} over one converted document: walks the pointer through the source
   * tree with the same key typing, aliases and merges as {@link #convert}. A value reached through
   * an alias is placed at the alias; what lies inside it, at its anchored definition.
   */
  static DocumentLocator locator(YamlReader.Options options, Path file, SourceNode root) {
    return new DocumentLocator(new TreeConverter(options, file, 1, true), root);
  }

  /**
   * The locator of one document. Each mapping's keys are resolved (typing, merges) once, on the
   * first lookup that passes through it, and indexed: a diagnostic per key of a mapping of n keys
   * costs n, not n² (issue 9: 20,000 unknown keys took a minute). Thread-safe: a document parsed
   * once is read by the renders of a whole run (input.ParsedFiles), and the index is filled as
   * lookups come.
   */
  static final class DocumentLocator implements SourceMap.Locator {
    private final TreeConverter converter;
    private final SourceNode root;
    private final Map<SourceNode.Mapping, Map<String, Entry>> keys =
        new IdentityHashMap<>(); // lookup only
    private long entriesResolved;

    private DocumentLocator(TreeConverter converter, SourceNode root) {
      this.converter = converter;
      this.root = root;
    }

    @Override
    public synchronized int[] locate(String pointer, boolean key) {
      try {
        return converter.locate(root, pointer, key, this::entry);
      } catch (RuntimeException e) {
        return null; // a position is a courtesy: never fail a diagnostic over it
      }
    }

    @Override
    public String plainText(String pointer) {
      try {
        SourceNode[] found = converter.find(root, pointer, this::entry);
        return found != null && found[1] instanceof SourceNode.Scalar s && s.plain && s.tag == null
            ? s.value
            : null;
      } catch (RuntimeException e) {
        return null; // as for positions: never fail over it
      }
    }

    /** How many mapping entries this locator has resolved so far: the work its lookups did. */
    synchronized long entriesResolved() {
      return entriesResolved;
    }

    private Entry entry(SourceNode.Mapping mapping, String name) {
      Map<String, Entry> index = keys.get(mapping);
      if (index == null) {
        List<Entry> entries = converter.entries(mapping, 0, null);
        entriesResolved += entries.size();
        index = new HashMap<>(entries.size() * 2); // lookup only
        for (Entry e : entries) {
          index.put(e.key(), e);
        }
        keys.put(mapping, index);
      }
      return index.get(name);
    }
  }

  /** Finds the entry of a mapping by key. */
  private interface EntryLookup {
    Entry entry(SourceNode.Mapping mapping, String name);
  }

  private int[] locate(SourceNode root, String pointer, boolean key, EntryLookup lookup) {
    SourceNode[] found = find(root, pointer, lookup);
    SourceNode at = found == null ? null : key ? found[0] : found[1];
    return at == null ? null : new int[] {at.line, at.column};
  }

  /**
   * The source nodes at {@code pointer}: {key, value} (the key null for the root and for sequence
   * items), or null when the pointer leads nowhere. The value is not dereferenced (an alias stays
   * an alias).
   */
  private SourceNode[] find(SourceNode root, String pointer, EntryLookup lookup) {
    if (pointer.isEmpty()) {
      return new SourceNode[] {null, root};
    }
    if (pointer.charAt(0) != '/') {
      return null;
    }
    SourceNode node = root;
    SourceNode keyNode = null;
    int from = 1;
    while (true) {
      int slash = pointer.indexOf('/', from);
      String token = pointer.substring(from, slash < 0 ? pointer.length() : slash);
      SourceNode n = deref(node, node);
      if (n instanceof SourceNode.Sequence) {
        List<SourceNode> items = ((SourceNode.Sequence) n).items;
        int i = index(token);
        if (i < 0 || i >= items.size()) {
          return null;
        }
        node = items.get(i);
        keyNode = null;
      } else if (n instanceof SourceNode.Mapping) {
        String name = SourceMap.unescape(token);
        Entry found = lookup.entry((SourceNode.Mapping) n, name);
        if (found == null) {
          return null;
        }
        node = found.value();
        keyNode = found.keyNode();
      } else {
        return null;
      }
      if (slash < 0) {
        return new SourceNode[] {keyNode, node};
      }
      from = slash + 1;
    }
  }

  private static int index(String token) {
    if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(token);
  }

  /** Throws every collected problem, if any. */
  void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw new InputException(new ArrayList<>(problems));
    }
  }

  /**
   * The value of {@code node}; a collection is returned empty and pushed on {@code stack} to be
   * filled. {@code parentDepth} is the number of enclosing collections, {@code via} the outermost
   * alias being expanded (limits are reported there, where the user wrote it).
   */
  private JsonNode start(SourceNode node, int parentDepth, SourceNode via, Deque<Frame> stack) {
    SourceNode at = node;
    if (via == null && node instanceof SourceNode.Alias) {
      via = node;
    }
    SourceNode blame = via == null ? at : via;
    SourceNode n = deref(node, blame);
    if (n instanceof SourceNode.Scalar) {
      SourceNode.Scalar s = (SourceNode.Scalar) n;
      charge(s.value.length() + 1L, blame);
      return scalar(s, at);
    }
    int depth = parentDepth + 1;
    if (depth > options.limits().maxDepth()) {
      throw limit(
          blame,
          "mappings and sequences are nested more than "
              + options.limits().maxDepth()
              + " levels deep once aliases are expanded");
    }
    charge(1, blame);
    if (n instanceof SourceNode.Sequence) {
      List<SourceNode> items = ((SourceNode.Sequence) n).items;
      ArrayNode array = NODES.arrayNode(items.size());
      stack.push(new Frame(depth, via, array, items, null, null));
      return array;
    }
    ObjectNode object = NODES.objectNode();
    stack.push(new Frame(depth, via, null, null, object, entries((SourceNode.Mapping) n, 0, via)));
    return object;
  }

  private SourceNode deref(SourceNode node, SourceNode blame) {
    SourceNode n = node;
    while (n instanceof SourceNode.Alias) {
      if (++expansions > options.limits().maxAliasExpansions() && !quiet) {
        throw limit(
            blame,
            "the document expands more than "
                + options.limits().maxAliasExpansions()
                + " aliases, the most one document may use");
      }
      n = ((SourceNode.Alias) n).target;
    }
    return n;
  }

  private void charge(long cost, SourceNode at) {
    if (quiet) {
      return;
    }
    budget -= cost;
    if (options.budget() != null && !options.budget().charge(cost)) {
      throw limit(at, options.budget().exceeded());
    }
    if (budget < 0) {
      throw limit(
          at,
          "aliases expand the file to more than "
              + options.limits().expansionFactor()
              + " times its size (limit "
              + budgetLimit
              + " characters)");
    }
  }

  private InputException limit(SourceNode at, String message) {
    return new InputException(position(at), message);
  }

  private SourcePosition position(SourceNode at) {
    return new SourcePosition(file, at.line, at.column);
  }

  private void problem(SourceNode at, String message) {
    if (quiet) {
      return;
    }
    problems.add(Diagnostic.error(position(at), message));
  }

  private JsonNode scalar(SourceNode.Scalar s, SourceNode at) {
    if (s.tag != null) {
      Checked<JsonNode> tagged = ScalarResolver.resolveTagged(s.tag, s.value, options.version());
      if (tagged.ok()) {
        return tagged.value();
      }
      tagged.problems().forEach(p -> problem(at, p.message()));
      return NODES.stringNode(s.value);
    }
    if (s.plain) {
      if (s.inFlow && s.value.isEmpty() && options.kustomizeRoundTrip()) {
        // go-yaml v3's emitter cannot write an empty plain scalar inside a flow collection and
        // quotes it: after kustomize's round trip {a: } is {a: ""}, not null (kubectl checked).
        return NODES.stringNode("");
      }
      JsonNode value = ScalarResolver.resolvePlain(s.value, options.version());
      if (options.kustomizeRoundTrip()
          && value.isDouble()
          && Double.isFinite(value.doubleValue())) {
        return new PlainFloatNode(value.doubleValue(), s.value);
      }
      return value;
    }
    if (options.kustomizeRoundTrip()) {
      // kyaml keeps the style, which a strategic-merge patch of the field keeps (NodeFactory)
      return s.folded
          ? NodeFactory.styledString(FoldedScalars.afterKustomizeRoundTrip(s.value), s.value)
          : NodeFactory.styledString(s.value);
    }
    return NODES.stringNode(s.value);
  }

  /**
   * The keys of {@code m} with merge keys applied. Two semantics, by YAML version:
   *
   * <ul>
   *   <li>{@link YamlVersion#YAML_1_2} (resources): kyaml's {@code DeAnchor}, one merge key per
   *       mapping, keys written in the mapping win wherever they stand, explicit keys first;
   *   <li>{@link YamlVersion#YAML_1_1} (kustomization files, JSON 6902 values): go-yaml v2, which
   *       applies each merge key where it stands, so a key written before {@code <<} is overwritten
   *       by the merged value and one written after it wins (checked with kubectl).
   * </ul>
   *
   * In both, earlier mappings of a merge sequence win over later ones.
   */
  private List<Entry> entries(SourceNode.Mapping m, int mergeDepth, SourceNode via) {
    List<SourceNode> children = m.children;
    int pairs = children.size() / 2;
    boolean errorOnDuplicates = options.duplicateKeys() == YamlReader.DuplicateKeys.ERROR;
    boolean inPlaceMerges = options.version() == YamlVersion.YAML_1_1;
    List<Entry> list = new ArrayList<>(pairs);
    // Small mappings (most of them) are searched linearly; hashing every key costs more.
    Map<String, Integer> byKey = pairs > SMALL ? new HashMap<>() : null; // lookup only
    Map<String, Integer> byRaw =
        pairs > SMALL && errorOnDuplicates ? new HashMap<>() : null; // lookup only
    SourceNode mergeKey = null;
    SourceNode mergeValue = null;
    boolean mergeTextSeen = false;
    for (int i = 0; i + 1 < children.size(); i += 2) {
      SourceNode k = children.get(i);
      SourceNode v = children.get(i + 1);
      if (options.kio() && !mergeTextSeen && hasMergeText(k)) {
        mergeTextSeen = true;
        if (!isMergeKey(k)) {
          continue; // kyaml's DeAnchor clears the first "<<" key, even a quoted one
        }
      }
      if (isMergeKey(k)) {
        if (inPlaceMerges) {
          for (Entry e : merged(v, k, mergeDepth, via)) {
            put(list, byKey, e);
          }
        } else if (mergeKey != null) {
          problem(k, "mapping key \"<<\" already defined at line " + mergeKey.line);
        } else {
          mergeKey = k;
          mergeValue = v;
        }
        continue;
      }
      SourceNode kr = deref(k, via == null ? k : via);
      if (!(kr instanceof SourceNode.Scalar)) {
        problem(k, "expected a scalar as mapping key, found " + kr.describe());
        continue;
      }
      SourceNode.Scalar ks = (SourceNode.Scalar) kr;
      if (errorOnDuplicates) {
        // go-yaml v3 compares the keys' text, whatever their style: a: and "a": are the same key.
        int first = find(list, byRaw, ks.value, true);
        if (first >= 0) {
          problem(
              k,
              "mapping key \""
                  + shorten(ks.value)
                  + "\" already defined at line "
                  + list.get(first).keyNode().line);
          continue;
        }
      }
      String key = key(ks, k);
      if (key == null) {
        continue;
      }
      Entry entry = new Entry(key, ks.value, k, v, false);
      int existing = find(list, byKey, key, false);
      if (existing >= 0) {
        if (errorOnDuplicates && !list.get(existing).merged()) {
          problem(
              k,
              "mapping key \""
                  + shorten(key)
                  + "\" already defined at line "
                  + list.get(existing).keyNode().line);
        } else {
          list.set(existing, entry); // DuplicateKeys.LAST_WINS (case 024), or over a merged key
        }
        continue;
      }
      charge(key.length() + 1L, via == null ? k : via);
      if (byRaw != null) {
        byRaw.put(ks.value, list.size());
      }
      put(list, byKey, entry);
    }
    if (mergeValue == null) {
      return list;
    }
    Set<String> explicit = new HashSet<>(); // lookup only
    for (Entry e : list) {
      explicit.add(e.key());
    }
    for (Entry e : merged(mergeValue, mergeKey, mergeDepth, via)) {
      if (!explicit.contains(e.key())) {
        list.add(e);
      }
    }
    return list;
  }

  /** The entries a merge value brings in, earlier mappings of a sequence winning, marked merged. */
  private Collection<Entry> merged(
      SourceNode mergeValue, SourceNode mergeKey, int mergeDepth, SourceNode via) {
    if (mergeDepth >= options.limits().maxDepth()) {
      throw limit(
          mergeKey,
          "merge keys are nested more than " + options.limits().maxDepth() + " levels deep");
    }
    Map<String, Entry> merged = new LinkedHashMap<>();
    for (SourceNode.Mapping source : mergeSources(mergeValue, via)) {
      for (Entry e : entries(source, mergeDepth + 1, via == null ? mergeValue : via)) {
        merged.putIfAbsent(
            e.key(), e.merged() ? e : new Entry(e.key(), e.raw(), e.keyNode(), e.value(), true));
      }
    }
    return merged.values();
  }

  /** Adds or replaces the entry with {@code e}'s key. */
  private static void put(List<Entry> list, Map<String, Integer> byKey, Entry e) {
    int existing = find(list, byKey, e.key(), false);
    if (existing >= 0) {
      list.set(existing, e);
      return;
    }
    if (byKey != null) {
      byKey.put(e.key(), list.size());
    }
    list.add(e);
  }

  /** The index of the entry with this key (or raw key text), or -1. */
  private static int find(List<Entry> list, Map<String, Integer> index, String key, boolean raw) {
    if (index != null) {
      Integer i = index.get(key);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < list.size(); i++) {
      Entry e = list.get(i);
      if (raw ? !e.merged() && key.equals(e.raw()) : key.equals(e.key())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether the key's text is {@code <<}, whatever its style or tag: after taking a mapping's merge
   * key, kyaml's {@code DeAnchor} clears the first such key by its text ({@code Clear("<<")}), so a
   * quoted {@code "<<"} is dropped when it is the first of them (docs/kustomize.md#strings).
   */
  private static boolean hasMergeText(SourceNode k) {
    return k instanceof SourceNode.Scalar s && s.value.equals("<<");
  }

  private static boolean isMergeKey(SourceNode k) {
    if (!(k instanceof SourceNode.Scalar)) {
      return false;
    }
    SourceNode.Scalar s = (SourceNode.Scalar) k;
    return s.value.equals("<<") && ((s.plain && s.tag == null) || MERGE_TAG.equals(s.tag));
  }

  /** The mappings a merge value names, in order (kyaml's {@code findMergeValues}). */
  private List<SourceNode.Mapping> mergeSources(SourceNode value, SourceNode via) {
    List<SourceNode.Mapping> sources = new ArrayList<>();
    boolean alias = value instanceof SourceNode.Alias;
    SourceNode v = deref(value, via == null ? value : via);
    if (v instanceof SourceNode.Mapping) {
      sources.add((SourceNode.Mapping) v);
    } else if (v instanceof SourceNode.Sequence && !alias) {
      for (SourceNode item : ((SourceNode.Sequence) v).items) {
        SourceNode it = deref(item, via == null ? item : via);
        if (it instanceof SourceNode.Mapping) {
          sources.add((SourceNode.Mapping) it);
        } else {
          problem(
              item,
              "expected a mapping in the sequence of a merge key (<<), found "
                  + (item instanceof SourceNode.Alias ? "an alias of " : "")
                  + it.describe());
        }
      }
    } else {
      problem(
          value,
          "expected a mapping or a sequence of mappings as the value of a merge key (<<), found "
              + (alias ? "an alias of " : "")
              + v.describe());
    }
    return sources;
  }

  /** The string form of a scalar key under the options' key policy, or null after a problem. */
  private String key(SourceNode.Scalar ks, SourceNode at) {
    if (ks.tag == null && !ks.plain) {
      return ks.value; // quoted and block scalars are strings
    }
    JsonNode value;
    ScalarResolver.Kind kind;
    if (ks.tag != null) {
      Checked<JsonNode> tagged = ScalarResolver.resolveTagged(ks.tag, ks.value, options.version());
      if (!tagged.ok()) {
        tagged.problems().forEach(p -> problem(at, p.message()));
        return null;
      }
      value = tagged.value();
      kind = kindOf(value);
    } else {
      ScalarResolver.Resolved r = ScalarResolver.resolve(ks.value, options.version());
      value = r.value();
      kind = r.kind();
    }
    if (kind == ScalarResolver.Kind.STRING) {
      return value.stringValue();
    }
    if (options.keys() == YamlReader.KeyPolicy.REJECT) {
      // Go's JSON encoder accepts only string keys (docs/kustomize.md#keys-that-are-not-strings).
      problem(
          at,
          ks.value.isEmpty()
              ? "expected a string as mapping key, found an empty (null) key"
              : "expected a string as mapping key, found "
                  + describe(kind)
                  + " "
                  + shorten(ks.value)
                  + "; quote the key (\""
                  + shorten(ks.value)
                  + "\")");
      return null;
    }
    // sigs.k8s.io/yaml YAMLToJSON: int, float and bool keys become their string form.
    switch (kind) {
      case BOOL:
        return value.booleanValue() ? "true" : "false";
      case INT:
        if (value.canConvertToLong()) {
          return Long.toString(value.longValue());
        }
        problem(
            at,
            "expected a mapping key that fits a signed 64-bit integer or a string, found "
                + shorten(ks.value)
                + "; quote the key");
        return null;
      case FLOAT:
        return GoNumbers.float32Key(value.doubleValue());
      case TIMESTAMP:
        return value.stringValue();
      default:
        problem(at, "expected a string as mapping key, found null; quote the key");
        return null;
    }
  }

  private static ScalarResolver.Kind kindOf(JsonNode value) {
    if (value.isNull()) {
      return ScalarResolver.Kind.NULL;
    }
    if (value.isBoolean()) {
      return ScalarResolver.Kind.BOOL;
    }
    if (value.isIntegralNumber()) {
      return ScalarResolver.Kind.INT;
    }
    if (value.isNumber()) {
      return ScalarResolver.Kind.FLOAT;
    }
    return ScalarResolver.Kind.STRING;
  }

  private static String describe(ScalarResolver.Kind kind) {
    switch (kind) {
      case NULL:
        return "null";
      case BOOL:
        return "the boolean";
      case INT:
        return "the integer";
      case FLOAT:
        return "the number";
      case TIMESTAMP:
        return "the timestamp";
      default:
        return "the string";
    }
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
