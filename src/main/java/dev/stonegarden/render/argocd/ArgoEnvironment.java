package dev.stonegarden.render.argocd;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.yaml.JsonTrees;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What a CMP command learns from Argo CD through its environment
 * (docs/argocd.md#environment-variables), parsed once and checked: the plugin parameters, the
 * plugin env entry {@code ENVIRONMENT}, the destination namespace, the app's source path and the
 * destination cluster's API list.
 *
 * <p>Deliberately not kept: {@code ARGOCD_APP_REVISION} and its short forms. The repo-server's
 * cache reuses output under new revisions (docs/argocd.md#upgrades-and-caching), so nothing derived
 * from it may reach the output; not reading it makes that impossible by construction.
 *
 * @param parameters the parameters that were set, by name, insertion-ordered; from {@code
 *     ARGOCD_APP_PARAMETERS} when that is present, else from the {@code PARAM_*} variables of the
 *     known parameters; announced defaults are not in here (see {@link #parameter})
 * @param parametersJsonPresent whether {@code ARGOCD_APP_PARAMETERS} was set (to anything but
 *     {@code null}); when it was, {@code PARAM_*} variables are ignored
 * @param paramEnvironment {@code PARAM_ENVIRONMENT}, or null
 * @param envEnvironment {@code ARGOCD_ENV_ENVIRONMENT} (the Application's plugin env entry {@code
 *     ENVIRONMENT}), or null
 * @param misspelledEnvironmentVariables {@code ARGOCD_ENV_*} names that differ from {@code
 *     ARGOCD_ENV_ENVIRONMENT} only in case (Argo CD does not upper-case them,
 *     docs/argocd.md#how-argo-cd-passes-parameters)
 * @param namespace {@code ARGOCD_APP_NAMESPACE}, null when unset or empty
 * @param sourcePath {@code ARGOCD_APP_SOURCE_PATH}, null when unset
 * @param appName {@code ARGOCD_APP_NAME}, null when unset or empty (see {@link #underArgoCd})
 * @param kubeApiVersions the entries of {@code KUBE_API_VERSIONS} (sorted), null when unset or
 *     empty
 * @param debug {@code ARGOCD_ENV_PLATFORM_RENDER_DEBUG} is set to something other than empty, 0 or
 *     false
 */
public record ArgoEnvironment(
    Map<String, PluginParameter> parameters,
    boolean parametersJsonPresent,
    String paramEnvironment,
    String envEnvironment,
    List<String> misspelledEnvironmentVariables,
    String namespace,
    String sourcePath,
    String appName,
    Set<String> kubeApiVersions,
    boolean debug) {

  /** The variable holding the parameters as JSON (docs/argocd.md#how-argo-cd-passes-parameters). */
  public static final String PARAMETERS_VARIABLE = "ARGOCD_APP_PARAMETERS";

  /** The plugin env entry {@code ENVIRONMENT} as the command sees it. */
  public static final String ENV_ENVIRONMENT_VARIABLE = "ARGOCD_ENV_ENVIRONMENT";

  public ArgoEnvironment {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    misspelledEnvironmentVariables = List.copyOf(misspelledEnvironmentVariables);
    kubeApiVersions =
        kubeApiVersions == null
            ? null
            : Collections.unmodifiableSet(new TreeSet<>(kubeApiVersions));
  }

  /** Nothing from Argo CD: a local run. */
  public static ArgoEnvironment none() {
    return from(Map.of());
  }

  /**
   * Parses the variables of docs/argocd.md#environment-variables out of a process environment.
   *
   * @throws dev.stonegarden.render.diag.InputException with every problem of the parameters at once
   *     (not JSON, not an array, an unknown name, a wrong value form, a name given twice)
   */
  public static ArgoEnvironment from(Map<String, String> env) {
    Problems problems = new Problems();
    String json = env.get(PARAMETERS_VARIABLE);
    Map<String, PluginParameter> parameters = new LinkedHashMap<>();
    boolean jsonPresent = false;
    if (json != null && !json.isBlank()) {
      List<PluginParameter> list = parseParameters(json, problems);
      jsonPresent = list != null;
      if (list != null) {
        for (PluginParameter p : list) {
          check(p, parameters, problems);
        }
      }
    }
    String paramEnvironment = env.get(KnownParameter.ENVIRONMENT.paramVariable());
    if (!jsonPresent) {
      // PARAM_* only as a fallback: its names are lossy (upper-cased, every other character
      // than A-Z, 0-9 and _ replaced by _), so it is read only for the known string parameters,
      // and unknown PARAM_* variables are not errors.
      for (KnownParameter known : KnownParameter.ALL) {
        String value = env.get(known.paramVariable());
        if (known.form() == ParameterForm.STRING && value != null) {
          parameters.put(known.name(), new PluginParameter(known.name(), value, null, null));
        }
      }
    }
    problems.throwIfErrors();

    List<String> misspelled = new ArrayList<>();
    for (String name : new TreeSet<>(env.keySet())) {
      if (!name.equals(ENV_ENVIRONMENT_VARIABLE)
          && name.equalsIgnoreCase(ENV_ENVIRONMENT_VARIABLE)) {
        misspelled.add(name);
      }
    }
    return new ArgoEnvironment(
        parameters,
        jsonPresent,
        paramEnvironment,
        env.get(ENV_ENVIRONMENT_VARIABLE),
        misspelled,
        emptyToNull(env.get("ARGOCD_APP_NAMESPACE")),
        env.get("ARGOCD_APP_SOURCE_PATH"),
        emptyToNull(env.get("ARGOCD_APP_NAME")),
        apiVersions(env.get("KUBE_API_VERSIONS")),
        debugRequested(env));
  }

  /**
   * Whether the command runs under Argo CD, the one definition
   * (docs/argocd.md#environment-variables): the repo-server sets {@code ARGOCD_APP_NAME} to the
   * Application's name on every render, and a name is never empty, so an empty value counts as
   * unset (as for {@code ARGOCD_APP_NAMESPACE}).
   */
  public static boolean underArgoCd(Map<String, String> env) {
    return emptyToNull(env.get("ARGOCD_APP_NAME")) != null;
  }

  /**
   * The string value of a known string parameter: the one that was sent, else its announced
   * default, else null. An empty string counts as not sent (the UI leaves an untouched field
   * empty).
   */
  public String parameter(KnownParameter known) {
    PluginParameter p = parameters.get(known.name());
    if (p != null && p.string() != null && !p.string().isEmpty()) {
      return p.string();
    }
    return known.defaultValue();
  }

  private static List<PluginParameter> parseParameters(String json, Problems problems) {
    JsonNode root;
    try {
      root = JsonTrees.PLUGIN_PARAMETERS.read(json);
    } catch (JacksonException e) {
      // The message of a parse error quotes input; keep only where it broke.
      long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
      problems.error(
          SourcePosition.none(),
          PARAMETERS_VARIABLE
              + " is not valid JSON"
              + (column > 0 ? String.format(Locale.ROOT, " (at character %d)", column) : "")
              + ": expected the JSON list Argo CD sends, e.g. [{\"name\":\"environment\",\"string\":\"prod\"}]");
      return null;
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      // A plugin section with no parameters gives the literal `null`.
      return null;
    }
    if (!root.isArray()) {
      problems.error(
          SourcePosition.none(),
          PARAMETERS_VARIABLE
              + " must be a JSON list of parameters, found "
              + Trees.argoCdKindOf(root));
      return null;
    }
    List<PluginParameter> list = new ArrayList<>();
    int index = 0;
    for (JsonNode element : root) {
      PluginParameter p = element(element, index++, problems);
      if (p != null) {
        list.add(p);
      }
    }
    return list;
  }

  private static PluginParameter element(JsonNode node, int index, Problems problems) {
    // Concatenated, not String.format: a %d loads the locale data of the number formats (about
    // 10 ms of a render's start-up, docs/install.md#start-up).
    String where = PARAMETERS_VARIABLE + "[" + index + "]";
    if (node.isNull()) {
      // ApplicationSets have been seen to send null entries (argo-cd #11900): nothing set.
      return null;
    }
    if (!node.isObject()) {
      problems.error(
          SourcePosition.none(),
          where + " must be an object with a name, found " + Trees.argoCdKindOf(node));
      return null;
    }
    JsonNode name = node.get("name");
    if (name == null || !name.isString() || name.stringValue().isEmpty()) {
      problems.error(
          SourcePosition.none(), where + " has no name: expected {\"name\":…, \"string\":…}");
      return null;
    }
    String label = "parameter " + quote(name.stringValue());
    String string = null;
    List<String> array = null;
    Map<String, String> map = null;
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      switch (field.getKey()) {
        case "name":
          break;
        case "string":
          if (value.isString()) {
            string = value.stringValue();
          } else if (!value.isNull()) {
            problems.error(
                SourcePosition.none(),
                label + ": \"string\" must be a string, found " + Trees.argoCdKindOf(value));
          }
          break;
        case "array":
          if (value.isArray()) {
            array = new ArrayList<>();
            for (JsonNode item : value) {
              if (item.isString()) {
                array.add(item.stringValue());
              } else {
                problems.error(
                    SourcePosition.none(),
                    label + ": \"array\" must hold strings, found " + Trees.argoCdKindOf(item));
              }
            }
          } else if (!value.isNull()) {
            problems.error(
                SourcePosition.none(),
                label + ": \"array\" must be a list, found " + Trees.argoCdKindOf(value));
          }
          break;
        case "map":
          if (value.isObject()) {
            map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : value.properties()) {
              if (e.getValue().isString()) {
                map.put(e.getKey(), e.getValue().stringValue());
              } else {
                problems.error(
                    SourcePosition.none(),
                    label
                        + ": \"map\" must map to strings, found "
                        + Trees.argoCdKindOf(e.getValue())
                        + " at key "
                        + quote(e.getKey()));
              }
            }
          } else if (!value.isNull()) {
            problems.error(
                SourcePosition.none(),
                label + ": \"map\" must be an object, found " + Trees.argoCdKindOf(value));
          }
          break;
        default:
          problems.error(
              SourcePosition.none(),
              label
                  + ": unknown key "
                  + quote(field.getKey())
                  + ": expected name, string, array or map");
      }
    }
    return new PluginParameter(name.stringValue(), string, array, map);
  }

  private static void check(
      PluginParameter p, Map<String, PluginParameter> seen, Problems problems) {
    String label = "parameter " + quote(p.name());
    KnownParameter known = KnownParameter.named(p.name());
    if (known == null) {
      problems.error(
          SourcePosition.none(),
          "unknown "
              + label
              + " in "
              + PARAMETERS_VARIABLE
              + ": expected one of "
              + String.join(", ", KnownParameter.ALL.stream().map(KnownParameter::name).toList()));
      return;
    }
    if (seen.containsKey(p.name())) {
      problems.error(SourcePosition.none(), label + " is given twice in " + PARAMETERS_VARIABLE);
      return;
    }
    boolean ok = true;
    for (ParameterForm form : p.forms()) {
      if (form != known.form()) {
        problems.error(
            SourcePosition.none(),
            label
                + " must be a "
                + known.form().key()
                + " (`"
                + known.form().key()
                + ":` in the Application's plugin parameters), found "
                + describe(form));
        ok = false;
      }
    }
    if (ok) {
      seen.put(p.name(), p);
    }
  }

  private static String describe(ParameterForm form) {
    return form == ParameterForm.ARRAY ? "an array" : "a " + form.key();
  }

  /** Quotes a name for a message, escaping control characters and cutting it short. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    int n = 0;
    for (int i = 0; i < s.length() && n < 64; i++, n++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    if (s.length() > 64) {
      sb.append('…');
    }
    return sb.append('"').toString();
  }

  private static Set<String> apiVersions(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Set<String> set = new TreeSet<>();
    for (String entry : value.split(",")) {
      String trimmed = entry.trim();
      if (!trimmed.isEmpty()) {
        set.add(trimmed);
      }
    }
    return set;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /**
   * Whether the Application asks for debug output through its plugin env entry {@code
   * PLATFORM_RENDER_DEBUG} (Argo CD gives the command a fixed argv, so {@code --debug} cannot be
   * passed; docs/argocd.md#debugging). Cheap and never fails, unlike {@link #from}.
   */
  public static boolean debugRequested(Map<String, String> env) {
    return flag(env.get("ARGOCD_ENV_PLATFORM_RENDER_DEBUG"));
  }

  private static boolean flag(String s) {
    return s != null && !s.isEmpty() && !s.equals("0") && !s.equalsIgnoreCase("false");
  }
}
