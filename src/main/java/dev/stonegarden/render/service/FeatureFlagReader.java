package dev.stonegarden.render.service;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.service.ServiceSpec.DarkLaunch;
import dev.stonegarden.render.service.ServiceSpec.Environment;
import dev.stonegarden.render.service.ServiceSpec.FeatureFlag;
import dev.stonegarden.render.service.ServiceSpec.FlagEnvironment;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code spec.featureFlags} of service.yaml (docs/feature-flags.md): the rules the schema cannot
 * say (unique names, variants of one type, every variant reference naming a variant, environments
 * of the service, the targeting rule's operator, the dark-launch header value), then the binding of
 * {@link FeatureFlag} records. Every check tolerates a wrongly typed tree: the schema reports that.
 */
final class FeatureFlagReader {
  static final String POINTER = "/spec/featureFlags";

  /**
   * The operators of flagd's JsonLogic (json-logic's own plus fractional, sem_ver, starts_with and
   * ends_with), for the top-level key of a targeting rule (docs/feature-flags.md#targeting).
   */
  static final List<String> OPERATORS =
      List.of(
          "if",
          "==",
          "===",
          "!=",
          "!==",
          "!",
          "!!",
          "or",
          "and",
          ">",
          ">=",
          "<",
          "<=",
          "max",
          "min",
          "+",
          "-",
          "*",
          "/",
          "%",
          "map",
          "reduce",
          "filter",
          "all",
          "none",
          "some",
          "merge",
          "in",
          "cat",
          "substr",
          "var",
          "missing",
          "missing_some",
          "fractional",
          "sem_ver",
          "starts_with",
          "ends_with");

  private final SourceMap map;
  private final Problems problems;
  private final List<String> environments;

  private FeatureFlagReader(SourceMap map, Problems problems, List<String> environments) {
    this.map = map;
    this.problems = problems;
    this.environments = environments;
  }

  /** Adds the problems of {@code spec.featureFlags} to {@code problems}. */
  static void check(JsonNode root, SourceMap map, Problems problems) {
    JsonNode flags = root.at(POINTER);
    if (!flags.isArray()) {
      return;
    }
    List<String> envNames = new ArrayList<>();
    for (JsonNode env : root.at("/spec/environments")) {
      JsonNode name = env.get("name");
      if (name != null && name.isString()) {
        envNames.add(name.stringValue());
      }
    }
    new FeatureFlagReader(map, problems, envNames).flags(flags);
  }

  private void flags(JsonNode flags) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < flags.size(); i++) {
      String p = POINTER + "/" + i;
      JsonNode flag = flags.get(i);
      if (!flag.isObject()) {
        continue;
      }
      JsonNode name = flag.get("name");
      String n = name != null && name.isString() ? name.stringValue() : "#" + i;
      if (name != null && name.isString()) {
        Integer first = seen.putIfAbsent(n, i);
        if (first != null) {
          problems.error(
              map.positionOf(p + "/name"),
              "duplicate feature flag \""
                  + n
                  + "\" (also line "
                  + map.positionOf(POINTER + "/" + first + "/name").line()
                  + ")");
        }
      }
      List<String> variants = variants(p, n, flag.get("variants"));
      variantReference(p + "/defaultVariant", n, flag.get("defaultVariant"), variants);
      environments(p + "/environments", n, flag.get("environments"), variants);
      darkLaunch(p + "/darkLaunch", n, flag.get("darkLaunch"), variants);
      targeting(p + "/targeting", flag.get("targeting"));
    }
  }

  /**
   * The variant names, after checking that the values have one type (flagd's flag schema types a
   * flag as boolean, string, number or object by its variants).
   */
  private List<String> variants(String p, String flag, JsonNode variants) {
    List<String> names = Trees.fieldNames(variants);
    String firstName = null;
    String firstType = null;
    for (String v : names) {
      if (v.isEmpty()) {
        problems.error(
            map.keyPosition(p + "/variants/"),
            "a variant of flag \"" + flag + "\" has an empty name: flagd needs a name");
      }
      String type = valueType(variants.get(v));
      if (type == null) {
        continue; // an array or null: the schema's error
      }
      if (firstType == null) {
        firstName = v;
        firstType = type;
      } else if (!type.equals(firstType)) {
        problems.error(
            map.positionOf(p + "/variants/" + SourceMap.escape(v)),
            "variant \""
                + v
                + "\" of flag \""
                + flag
                + "\" is "
                + type
                + ", but variant \""
                + firstName
                + "\" is "
                + firstType
                + ": every variant of a flag has the same type (flagd reads a flag as boolean,"
                + " string, number or object)");
      }
    }
    return names;
  }

  private static String valueType(JsonNode v) {
    if (v == null) {
      return null;
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isString()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "a number";
    }
    return v.isObject() ? "a map" : null;
  }

  /** A defaultVariant or darkLaunch.variant must name a variant of the flag. */
  private void variantReference(String pointer, String flag, JsonNode ref, List<String> variants) {
    if (ref == null || !ref.isString() || ref.stringValue().isEmpty() || variants.isEmpty()) {
      return;
    }
    String v = ref.stringValue();
    if (!variants.contains(v)) {
      problems.error(
          map.positionOf(pointer),
          Trees.path(pointer)
              + " \""
              + v
              + "\" is not a variant of flag \""
              + flag
              + "\" (variants: "
              + String.join(", ", variants)
              + ")"
              + Spelling.didYouMean(v, variants));
    }
  }

  private void environments(String p, String flag, JsonNode envs, List<String> variants) {
    for (String env : Trees.fieldNames(envs)) {
      String ep = p + "/" + SourceMap.escape(env);
      if (!environments.contains(env)) {
        problems.error(
            map.keyPosition(ep),
            "flag \""
                + flag
                + "\" names environment \""
                + env
                + "\", which is not an environment of this service ("
                + (environments.isEmpty() ? "none" : String.join(", ", environments))
                + ")"
                + Spelling.didYouMean(env, environments));
      }
      JsonNode e = envs.get(env);
      if (e != null && e.isObject()) {
        variantReference(ep + "/defaultVariant", flag, e.get("defaultVariant"), variants);
      }
    }
  }

  private void darkLaunch(String p, String flag, JsonNode dark, List<String> variants) {
    if (dark == null || !dark.isObject()) {
      return;
    }
    variantReference(p + "/variant", flag, dark.get("variant"), variants);
    JsonNode value = dark.get("value");
    if (value != null && value.isString() && !value.stringValue().isEmpty()) {
      String v = value.stringValue();
      if (!v.strip().equals(v)) {
        problems.error(
            map.positionOf(p + "/value"),
            Trees.path(p + "/value")
                + " must not begin or end with white space (HTTP drops it from header values),"
                + " found "
                + Trees.describe(value));
      } else if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        problems.error(
            map.positionOf(p + "/value"),
            Trees.path(p + "/value")
                + " must not contain control characters (HTTP header values cannot carry them)");
      }
    }
  }

  /**
   * A targeting rule is one JsonLogic operation: a map with one key, an operator flagd knows
   * ({@code {}} means no rule). flagd's shared rules ({@code $ref} to {@code $evaluators}) are not
   * rendered.
   */
  private void targeting(String p, JsonNode t) {
    if (t == null || !t.isObject() || t.isEmpty()) {
      return;
    }
    List<String> keys = Trees.fieldNames(t);
    if (keys.size() > 1) {
      problems.error(
          map.positionOf(p),
          Trees.path(p)
              + " must be one JsonLogic rule, a map with one operator key such as {if: [...]},"
              + " found the keys "
              + String.join(", ", keys));
      return;
    }
    String op = keys.get(0);
    if (op.equals("$ref")) {
      problems.error(
          map.keyPosition(p + "/$ref"),
          Trees.path(p)
              + " uses $ref, a shared rule of flagd's $evaluators, which service.yaml does not"
              + " define: write the rule here");
    } else if (!OPERATORS.contains(op)) {
      problems.error(
          map.keyPosition(p + "/" + SourceMap.escape(op)),
          "unknown JsonLogic operator \""
              + op
              + "\" in "
              + Trees.path(p)
              + Spelling.didYouMean(op, OPERATORS));
    }
  }

  // ---- binding: only ever called on a document that passed every check above ----

  /** The bound flags of a valid {@code spec}; {@code envs} are the service's environments. */
  static List<FeatureFlag> bind(JsonNode spec, List<Environment> envs) {
    JsonNode flags = spec.get("featureFlags");
    if (flags == null || !flags.isArray()) {
      return List.of();
    }
    List<FeatureFlag> out = new ArrayList<>();
    for (int i = 0; i < flags.size(); i++) {
      JsonNode f = flags.get(i);
      Map<String, JsonNode> variants = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> v : f.get("variants").properties()) {
        variants.put(v.getKey(), v.getValue().deepCopy());
      }
      String defaultVariant = f.get("defaultVariant").stringValue();
      Map<String, FlagEnvironment> environments = new LinkedHashMap<>();
      JsonNode listed = f.get("environments");
      if (listed == null) {
        for (Environment e : envs) {
          environments.put(e.name(), new FlagEnvironment(FlagEnvironment.ENABLED, defaultVariant));
        }
      } else {
        for (Map.Entry<String, JsonNode> e : listed.properties()) {
          JsonNode env = e.getValue();
          environments.put(
              e.getKey(),
              new FlagEnvironment(
                  Trees.textOr(env.get("state"), FlagEnvironment.ENABLED),
                  Trees.textOr(env.get("defaultVariant"), defaultVariant)));
        }
      }
      JsonNode targeting = f.get("targeting");
      JsonNode dark = f.get("darkLaunch");
      out.add(
          new FeatureFlag(
              f.get("name").stringValue(),
              Collections.unmodifiableMap(variants),
              defaultVariant,
              targeting == null || targeting.isEmpty() ? null : targeting.deepCopy(),
              Collections.unmodifiableMap(environments),
              dark == null
                  ? null
                  : new DarkLaunch(
                      dark.get("header").stringValue(),
                      Trees.textOr(dark.get("value"), "true"),
                      dark.get("variant").stringValue()),
              i));
    }
    return List.copyOf(out);
  }
}
