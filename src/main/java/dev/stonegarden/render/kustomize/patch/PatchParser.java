package dev.stonegarden.render.kustomize.patch;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problem;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides whether a {@code patches:} entry is a strategic-merge or a JSON 6902 patch, as
 * kustomize's {@code PatchTransformer.Config} does (docs/kustomize.md#which-kind-of-patch): the
 * text is parsed both ways and exactly one must succeed.
 *
 * <ul>
 *   <li>strategic merge: a YAML stream (YAML 1.2 typing, like resources) of objects, each with
 *       {@code kind} and {@code metadata.name} ({@code …List} kinds excepted, and their {@code
 *       items} inlined); null and empty documents are skipped;
 *   <li>JSON 6902: JSON if the text starts with {@code [}, else the first YAML document read with
 *       YAML 1.1 typing (case 088); it must be a list of operations (or null: no operations).
 * </ul>
 */
public final class PatchParser {
  private PatchParser() {}

  /**
   * One parsed patch: strategic-merge documents, or JSON operations (exactly one is non-null).
   * Strategic merge with no documents (an empty map, say) is kept as such: kustomize then treats
   * the entry like a JSON patch without operations.
   */
  public record Parsed(
      List<ObjectNode> strategicMerge,
      ArrayNode jsonOps,
      List<Function<String, SourcePosition>> locators,
      Function<String, SourcePosition> jsonLocator) {
    public boolean isStrategicMerge() {
      return strategicMerge != null;
    }

    /**
     * Where the nodes of strategic-merge document {@code i} are (null: only the origin is known).
     */
    Function<String, SourcePosition> locator(int i) {
      return locators == null || i >= locators.size() ? null : locators.get(i);
    }

    /** A copy whose trees can be changed without changing this one's (the locators are shared). */
    Parsed copy() {
      List<ObjectNode> docs = null;
      if (strategicMerge != null) {
        docs = new ArrayList<>(strategicMerge.size());
        for (ObjectNode d : strategicMerge) {
          docs.add(d.deepCopy());
        }
      }
      return new Parsed(docs, jsonOps == null ? null : jsonOps.deepCopy(), locators, jsonLocator);
    }
  }

  /** {@code patches:} entries, files or inline, read both ways ({@link #parse}). */
  static final ParsedFiles.Kind<Parsed> PATCHES = new ParsedFiles.Kind<>("patches", Parsed::copy);

  /** {@code patchesStrategicMerge:} entries ({@link #parseStrategicMerge}). */
  static final ParsedFiles.Kind<Parsed> STRATEGIC_MERGE_PATCHES =
      new ParsedFiles.Kind<>("strategic-merge patches", Parsed::copy);

  /** {@code patchesJson6902:} entries ({@link #parseJson6902}). */
  static final ParsedFiles.Kind<Parsed> JSON6902_PATCHES =
      new ParsedFiles.Kind<>("JSON 6902 patches", Parsed::copy);

  /**
   * {@code parse} of {@code text} from {@code origin} (a patch file, or the entry of an inline
   * patch), once per run when the run shares parsed files ({@code files} not null).
   */
  static Parsed shared(
      ParsedFiles files,
      ParsedFiles.Kind<Parsed> kind,
      String text,
      SourcePosition origin,
      java.util.function.BiFunction<String, SourcePosition, Parsed> parse) {
    return ParsedFiles.get(
        files,
        kind,
        origin,
        text.getBytes(StandardCharsets.UTF_8),
        null,
        bytes -> parse.apply(text, origin));
  }

  /** Strategic-merge documents with their locators. */
  private record SmDocs(List<ObjectNode> docs, List<Function<String, SourcePosition>> locators) {}

  /** JSON operations with their locator. */
  private record JsonOps(ArrayNode ops, Function<String, SourcePosition> locator) {}

  /** Why one way of parsing failed: a {@link Problem.InValue} for the whole text. */
  private static <T> Checked<T> failed(String message) {
    return Checked.failed(new Problem.InValue(message));
  }

  /** Where a way of parsing failed: the reader's position, else the patch's origin. */
  private static SourcePosition where(Checked<?> attempt, SourcePosition origin) {
    return attempt.problem() instanceof Problem.At a ? a.at() : origin;
  }

  /**
   * Parses {@code text} both ways.
   *
   * @throws InputException if both or neither way succeeds (cases 108, 109)
   */
  public static Parsed parse(String text, SourcePosition origin) {
    Checked<SmDocs> sm = tryStrategicMerge(text, origin);
    Checked<JsonOps> json = tryJson(text, origin);
    boolean smOk = sm.ok();
    boolean jsonOk = json.ok();
    if (smOk && jsonOk) {
      throw new InputException(
          origin,
          "illegally qualifies as both an SM and JSON patch: "
              + "expected either strategic-merge objects or JSON patch operations but found "
              + (sm.value().docs.isEmpty() ? "no document at all" : "text that reads as both")
              + " in "
              + source(text));
    }
    if (!smOk && !jsonOk) {
      throw new InputException(
          where(sm, origin),
          "unable to parse SM or JSON patch from "
              + source(text)
              + ": as a strategic-merge patch, "
              + sm.problem().message()
              + "; as a JSON patch, "
              + json.problem().message());
    }
    return smOk
        ? new Parsed(sm.value().docs, null, sm.value().locators, null)
        : new Parsed(null, json.value().ops, null, json.value().locator);
  }

  /**
   * Reads strategic-merge documents only (deprecated {@code patchesStrategicMerge}).
   *
   * @throws InputException with the reason when the text is not a stream of objects
   */
  public static Parsed parseStrategicMerge(String text, SourcePosition origin) {
    Checked<SmDocs> sm = tryStrategicMerge(text, origin);
    if (!sm.ok()) {
      throw new InputException(
          where(sm, origin), "invalid strategic-merge patch: " + sm.problem().message());
    }
    return new Parsed(sm.value().docs, null, sm.value().locators, null);
  }

  /**
   * Reads JSON 6902 operations only (deprecated {@code patchesJson6902}).
   *
   * @throws InputException with the reason when the text is not a list of operations
   */
  public static Parsed parseJson6902(String text, SourcePosition origin) {
    Checked<JsonOps> json = tryJson(text, origin);
    if (!json.ok()) {
      throw new InputException(
          where(json, origin), "invalid JSON patch: " + json.problem().message());
    }
    return new Parsed(null, json.value().ops, null, json.value().locator);
  }

  private static Checked<SmDocs> tryStrategicMerge(String text, SourcePosition origin) {
    List<YamlDocument> docs;
    try {
      docs = PatchYaml.readDocuments(text, YamlVersion.YAML_1_2, origin);
    } catch (InputException e) {
      return Checked.failed(Problem.At.of(e));
    }
    List<ObjectNode> out = new ArrayList<>();
    List<Function<String, SourcePosition>> locators = new ArrayList<>();
    // pending documents with their locator; *List items get the list's locator under /items/i
    List<JsonNode> pending = new ArrayList<>();
    List<Function<String, SourcePosition>> pendingLocators = new ArrayList<>();
    for (YamlDocument d : docs) {
      pending.add(d.root());
      pendingLocators.add(PatchYaml.locator(d, origin, ""));
    }
    // kustomize's Factory.RNodesFromBytes: drop empty documents, validate, then inline *List items
    // after the remaining documents (docs/kustomize.md#resources-and-loading)
    for (int i = 0; i < pending.size(); i++) {
      JsonNode d = pending.get(i);
      Function<String, SourcePosition> locator = pendingLocators.get(i);
      if (d == null || d.isNull() || (d.isContainer() && d.isEmpty())) {
        continue;
      }
      if (!(d instanceof ObjectNode o)) {
        return failed(
            "expected objects with kind and metadata.name but found "
                + Trees.shapeOf(d)
                + " in document "
                + (i + 1));
      }
      String kind = Trees.kyamlValue(o.get("kind"));
      if (kind.isEmpty() || o.get("kind").isNull()) {
        return failed("missing kind in document " + (i + 1));
      }
      if (kind.endsWith("List") && o.has("items")) {
        JsonNode items = o.get("items");
        if (items.isNull()) {
          continue;
        }
        if (!items.isArray()) {
          return failed("expected a list in " + kind + "/items but found " + Trees.shapeOf(items));
        }
        for (int j = 0; j < items.size(); j++) {
          pending.add(items.get(j));
          String prefix = "/items/" + j;
          pendingLocators.add(locator == null ? null : pointer -> locator.apply(prefix + pointer));
        }
        continue;
      }
      if (!kind.endsWith("List")) {
        JsonNode meta = o.get("metadata");
        JsonNode name = meta == null ? null : meta.get("name");
        if (name == null || name.isNull() || Trees.kyamlValue(name).isEmpty()) {
          return failed("missing metadata.name in " + kind + " (document " + (i + 1) + ")");
        }
      }
      out.add(o);
      locators.add(locator);
    }
    return Checked.ok(new SmDocs(out, locators));
  }

  private static Checked<JsonOps> tryJson(String text, SourcePosition origin) {
    if (text.isEmpty()) {
      return failed("empty json patch operations");
    }
    JsonNode ops;
    Function<String, SourcePosition> locator = null;
    try {
      if (text.charAt(0) == '[') {
        ops = PatchYaml.readJson(text, origin);
      } else {
        List<YamlDocument> docs = PatchYaml.readDocuments(text, YamlVersion.YAML_1_1, origin);
        ops = docs.isEmpty() ? null : docs.get(0).root();
        locator = docs.isEmpty() ? null : PatchYaml.locator(docs.get(0), origin, "");
      }
    } catch (InputException e) {
      return Checked.failed(Problem.At.of(e));
    }
    if (ops == null || ops.isNull()) {
      return Checked.ok(new JsonOps(JsonNodeFactory.instance.arrayNode(), null));
    }
    Checked<JsonNode> shaped = JsonPatch.shape(ops);
    if (!shaped.ok()) {
      return Checked.failed(shaped.problem());
    }
    return Checked.ok(new JsonOps((ArrayNode) ops, locator));
  }

  /** kustomize's {@code [patch: "..."]} quoting of a patch, shortened for long texts. */
  static String source(String text) {
    String t = text.length() > 200 ? text.substring(0, 200) + "…" : text;
    StringBuilder sb = new StringBuilder("[patch: \"");
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.append("\"]").toString();
  }
}
