package dev.stonegarden.render.kustomize.builtins;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.config.FieldWalker;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.LabelSelector;
import dev.stonegarden.render.resource.ResId;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.resource.SharedValue;
import dev.stonegarden.render.yaml.ScalarResolver;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.YamlVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * {@code replacements:} (kustomize's {@code ReplacementTransformer},
 * docs/kustomize.md#vars-and-replacements): copies one field of a source object into fields of
 * target objects, optionally one part of a delimited string, optionally creating missing target
 * fields.
 */
public record ReplacementTransformer(List<Replacement> replacements) implements Transformer {

  /** Which objects a replacement reads from or writes to (kustomize's {@code types.Selector}). */
  public record Select(
      Gvk gvk, String name, String namespace, String labelSelector, String annotationSelector) {
    boolean selects(ResId id) {
      return (name.isEmpty() || name.equals(id.name()))
          && (namespace.isEmpty() || new ResId(id.gvk(), id.name(), namespace).sameNamespace(id))
          && Ids.selects(gvk, id.gvk());
    }

    boolean isEmptyId() {
      return gvk.group().isEmpty()
          && gvk.version().isEmpty()
          && gvk.kind().isEmpty()
          && name.isEmpty()
          && namespace.isEmpty();
    }

    @Override
    public String toString() {
      return new ResId(gvk, name, namespace).toString();
    }
  }

  /** {@code delimiter}, {@code index}, {@code create}. */
  public record Options(String delimiter, int index, boolean create) {}

  /** One target: selection, rejections, field paths, options. */
  public record Target(
      Select select, List<Select> reject, List<String> fieldPaths, Options options) {}

  /** One replacement: source selection, source field path, options, targets. */
  public record Replacement(
      Select source, String fieldPath, Options options, List<Target> targets, SourcePosition at) {}

  public ReplacementTransformer {
    replacements = List.copyOf(replacements);
  }

  @Override
  public void transform(ResourceList resources) {
    for (Replacement r : replacements) {
      if (r.source() == null || r.targets().isEmpty()) {
        throw new InputException(
            r.at(), "replacements must specify a source and at least one target");
      }
      Supplier<JsonNode> value = sourceValue(resources, r);
      for (Target t : r.targets()) {
        if (t.select() == null) {
          throw new InputException(r.at(), "target must specify resources to select");
        }
        List<String> paths = t.fieldPaths().isEmpty() ? List.of("metadata.name") : t.fieldPaths();
        for (Resource res : resources) {
          if (!matchesSelectors(res, t.select(), r.at())) {
            continue;
          }
          boolean rejected = false;
          for (Select rej : t.reject()) {
            if ((!rej.labelSelector().isEmpty() || !rej.annotationSelector().isEmpty())
                && matchesSelectors(res, rej, r.at())) {
              rejected = true;
            }
          }
          if (rejected) {
            continue;
          }
          List<ResId> ids = res.allIds();
          boolean selected = ids.stream().anyMatch(id -> t.select().selects(id));
          boolean rejectedById =
              t.reject().stream()
                  .filter(x -> !x.isEmptyId())
                  .anyMatch(x -> ids.stream().anyMatch(x::selects));
          if (selected && !rejectedById) {
            // kyaml sets an existing scalar's text in place: a shared label value changes
            // everywhere.
            SharedValue.Snapshot shared = SharedValue.snapshot(res.body());
            copy(res, value, t, paths, r.at());
            shared.propagate();
          }
        }
      }
    }
  }

  private static boolean matchesSelectors(Resource res, Select s, SourcePosition at) {
    return selector(s.annotationSelector(), at)
            .matches(Trees.stringMap(res.metadata().get("annotations")))
        && selector(s.labelSelector(), at).matches(Trees.stringMap(res.metadata().get("labels")));
  }

  /**
   * The selector {@code text} parses to; a text that is not a selector is an error at {@code at}.
   */
  private static LabelSelector selector(String text, SourcePosition at) {
    return LabelSelector.parse(text)
        .orElseThrow(problems -> new InputException(at, problems.get(0).message()));
  }

  /**
   * The source's value. Without a source delimiter it is read afresh for every place it is copied
   * to: kustomize holds the source's own node, so a target that is (or lies inside) the source
   * changes what later places receive.
   */
  private Supplier<JsonNode> sourceValue(ResourceList resources, Replacement r) {
    Resource source = null;
    for (Resource res : resources) {
      if (res.allIds().stream().anyMatch(id -> r.source().selects(id))) {
        if (source != null) {
          throw new InputException(r.at(), "multiple matches for selector " + r.source());
        }
        source = res;
      }
    }
    if (source == null) {
      throw new InputException(r.at(), "nothing selected by " + r.source());
    }
    String fp = r.fieldPath().isEmpty() ? "metadata.name" : r.fieldPath();
    List<NodePath.Hit> hits =
        NodePath.match(source.body(), NodePath.split(fp), NodePath.Kind.NONE)
            .orElseThrow(
                problems ->
                    new InputException(
                        r.at(),
                        "error looking up replacement source: " + problems.get(0).message()));
    JsonNode v = hits.isEmpty() ? null : hits.get(0).slot().value();
    if (v == null || v.isNull() || (v.isContainer() && v.isEmpty())) {
      throw new InputException(
          r.at(), "fieldPath `" + fp + "` is missing for replacement source " + r.source());
    }
    Options o = r.options();
    if (o == null || o.delimiter().isEmpty()) {
      FieldWalker.Slot live = hits.get(0).slot();
      return live::current;
    }
    if (v.isContainer()) {
      throw new InputException(r.at(), "delimiter option can only be used with scalar nodes");
    }
    String[] parts = v.asString().split(java.util.regex.Pattern.quote(o.delimiter()), -1);
    if (o.index() >= parts.length || o.index() < 0) {
      throw new InputException(
          r.at(), "options.index " + o.index() + " is out of bounds for value " + v.asString());
    }
    JsonNode part = retype(v, parts[o.index()]);
    return () -> part;
  }

  private void copy(
      Resource target, Supplier<JsonNode> source, Target t, List<String> paths, SourcePosition at) {
    boolean create = t.options() != null && t.options().create();
    for (String fp : paths) {
      JsonNode value = source.get();
      NodePath.Kind kind =
          !create
              ? NodePath.Kind.NONE
              : value.isObject()
                  ? NodePath.Kind.MAP
                  : value.isArray() ? NodePath.Kind.LIST : NodePath.Kind.SCALAR;
      List<NodePath.Hit> hits =
          NodePath.match(target.body(), NodePath.split(fp), kind)
              .orElseThrow(
                  problems ->
                      new InputException(
                          at, fieldError(fp, create) + ": " + problems.get(0).message()));
      if (hits.isEmpty()) {
        throw new InputException(at, fieldError(fp, create) + " (" + target.id() + ")");
      }
      for (NodePath.Hit h : hits) {
        set(t.options(), h, source.get(), at, fp, target.id());
      }
    }
  }

  private static String fieldError(String fp, boolean create) {
    return create
        ? "unable to find or create field \"" + fp + "\" in replacement target"
        : "unable to find field \"" + fp + "\" in replacement target";
  }

  private static void set(
      Options options,
      NodePath.Hit hit,
      JsonNode value,
      SourcePosition at,
      String fieldPath,
      ResId targetId) {
    JsonNode target = hit.slot().value();
    // kyaml copies the source node: a copy shares nothing with where it came from.
    JsonNode v =
        value instanceof SharedValue ? StringNode.valueOf(value.asString()) : value.deepCopy();
    if (options != null && !options.delimiter().isEmpty()) {
      // A created field has the source's kind and no text yet (kyaml's new empty node).
      if (hit.created() ? v.isContainer() : target.isContainer()) {
        throw new InputException(at, "delimiter option can only be used with scalar nodes");
      }
      String targetText = hit.created() ? "" : target.asString();
      List<String> tv =
          new ArrayList<>(
              Arrays.asList(
                  targetText.split(java.util.regex.Pattern.quote(options.delimiter()), -1)));
      String s = v.isContainer() ? "" : v.asString();
      if (options.index() < 0) {
        tv.add(0, s);
      } else if (options.index() >= tv.size()) {
        tv.add(s);
      } else {
        tv.set(options.index(), s);
      }
      v = retype(v, String.join(options.delimiter(), tv));
    }
    if (hit.created()) {
      // A new field is written untagged: its type comes from the text (kyaml's created scalar
      // node).
      hit.slot()
          .set(
              v.isContainer()
                  ? v
                  : ScalarResolver.resolvePlain(v.asString(), YamlVersion.YAML_1_2));
    } else if (!target.isContainer() && !v.isContainer() && !target.isNull()) {
      // An existing scalar keeps its tag and takes the new text (setFieldValue). go-yaml v3 then
      // cannot decode text of another type under an int or bool tag, and kubectl fails.
      String text = v.asString();
      JsonNode typed = retype(target, text);
      if (!sameType(target, typed)) {
        throw new InputException(
            at,
            "the replacement puts "
                + Trees.kindOf(typed)
                + " into "
                + fieldPath
                + " of "
                + targetId
                + ", "
                + Trees.kindOf(target)
                + " field: kustomize keeps the field's type and cannot decode the value (cannot"
                + " decode "
                + Trees.yamlTag(typed)
                + " as a "
                + Trees.yamlTag(target)
                + ")");
      }
      hit.slot().set(typed);
    } else {
      hit.slot().set(v);
    }
  }

  /**
   * Whether go-yaml v3 decodes {@code typed} under the tag of {@code target}: a string field takes
   * anything, a float field an integer too, an integer or boolean field only its own type.
   */
  private static boolean sameType(JsonNode target, JsonNode typed) {
    if (target.isString()) {
      return true;
    }
    if (target.isIntegralNumber()) {
      return typed.isIntegralNumber();
    }
    if (target.isNumber()) {
      return typed.isNumber();
    }
    if (target.isBoolean()) {
      return typed.isBoolean();
    }
    return true;
  }

  /**
   * {@code text} with the type of {@code like}: strings stay strings, numbers and booleans
   * re-resolve (to a string when the text is not of their type).
   */
  private static JsonNode retype(JsonNode like, String text) {
    if (like.isString()) {
      return StringNode.valueOf(text);
    }
    JsonNode r = ScalarResolver.resolvePlain(text, YamlVersion.YAML_1_2);
    if ((like.isNumber() && r.isNumber()) || (like.isBoolean() && r.isBoolean())) {
      return r;
    }
    return StringNode.valueOf(text);
  }
}
