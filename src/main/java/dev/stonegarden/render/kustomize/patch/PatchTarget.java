package dev.stonegarden.render.kustomize.patch;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.LabelSelector;
import dev.stonegarden.render.resource.ResId;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.yaml.Trees;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code target:} of a patch (kustomize's {@code types.Selector}): which resources a patch
 * applies to. Group, version, kind, name and namespace are regular expressions anchored as {@code
 * ^(?:…)$} in Go's RE2 syntax (RE2/J: the same dialect, and linear time whatever the pattern);
 * empty or null means any. The name matches the original or the current name, the namespace the
 * original or the current <em>effective</em> namespace (so {@code default} selects unnamespaced
 * objects, case 097), the group/version/kind the current one; the selectors use Kubernetes
 * label-selector syntax on the current labels and annotations (docs/kustomize.md#patch-targets,
 * {@code resWrangler.Select}).
 */
public record PatchTarget(
    String group,
    String version,
    String kind,
    String name,
    String namespace,
    String labelSelector,
    String annotationSelector) {

  public PatchTarget {
    group = group == null ? "" : group;
    version = version == null ? "" : version;
    kind = kind == null ? "" : kind;
    name = name == null ? "" : name;
    namespace = namespace == null ? "" : namespace;
    labelSelector = labelSelector == null ? "" : labelSelector;
    annotationSelector = annotationSelector == null ? "" : annotationSelector;
  }

  /**
   * The target with its patterns compiled and its selectors parsed, for selecting many resources;
   * or the first pattern or selector that does not parse (a {@link Problem.InValue}: the engine
   * points at the kustomization entry).
   */
  public Checked<Compiled> compile() {
    String[][] fields = {
      {"group", group},
      {"version", version},
      {"kind", kind},
      {"name", name},
      {"namespace", namespace}
    };
    for (String[] f : fields) {
      try {
        anchored(f[1]);
      } catch (PatternSyntaxException e) { // re2j says so only by throwing
        return Checked.failed(
            new Problem.InValue(
                "invalid regular expression in target "
                    + f[0]
                    + " '"
                    + f[1]
                    + "': "
                    + e.getDescription()));
      }
    }
    Checked<LabelSelector> labels = LabelSelector.parse(labelSelector);
    if (!labels.ok()) {
      return Checked.failed(labels.problems());
    }
    Checked<LabelSelector> annotations = LabelSelector.parse(annotationSelector);
    if (!annotations.ok()) {
      return Checked.failed(annotations.problems());
    }
    return Checked.ok(new Compiled(this, labels.value(), annotations.value()));
  }

  /**
   * True when this target selects the resource; a target whose patterns or selectors do not parse
   * is a bug here (callers {@link #compile} first, where they can report it).
   */
  public boolean selects(Resource r) {
    return compile().value().selects(r);
  }

  static Pattern anchored(String regex) {
    return regex.isEmpty() ? null : Pattern.compile("^(?:" + regex + ")$");
  }

  /**
   * A readable form for messages: the fields that are set, {@code {kind: Deployment, name: web}}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    append(sb, "group", group);
    append(sb, "version", version);
    append(sb, "kind", kind);
    append(sb, "name", name);
    append(sb, "namespace", namespace);
    append(sb, "labelSelector", labelSelector);
    append(sb, "annotationSelector", annotationSelector);
    return sb.length() == 0 ? "{}" : "{" + sb + "}";
  }

  private static void append(StringBuilder sb, String key, String value) {
    if (!value.isEmpty()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(key).append(": ").append(value);
    }
  }

  /** A target with compiled patterns. */
  public static final class Compiled {
    private final Pattern group;
    private final Pattern version;
    private final Pattern kind;
    private final Pattern name;
    private final Pattern namespace;
    private final LabelSelector labels;
    private final LabelSelector annotations;

    private Compiled(PatchTarget t, LabelSelector labels, LabelSelector annotations) {
      group = anchored(t.group);
      version = anchored(t.version);
      kind = anchored(t.kind);
      name = anchored(t.name);
      namespace = anchored(t.namespace);
      this.labels = labels;
      this.annotations = annotations;
    }

    boolean selects(Resource r) {
      ResId current = r.id();
      ResId original = r.originalId();
      if (namespace != null
          && !namespace.matcher(original.effectiveNamespace()).matches()
          && !namespace.matcher(current.effectiveNamespace()).matches()) {
        return false;
      }
      if (name != null
          && !name.matcher(original.name()).matches()
          && !name.matcher(current.name()).matches()) {
        return false;
      }
      Gvk gvk = current.gvk();
      if ((group != null && !group.matcher(gvk.group()).matches())
          || (version != null && !version.matcher(gvk.version()).matches())
          || (kind != null && !kind.matcher(gvk.kind()).matches())) {
        return false;
      }
      return labels.matches(stringMap(r.body(), "labels"))
          && annotations.matches(stringMap(r.body(), "annotations"));
    }
  }

  /** metadata.labels or metadata.annotations as strings (kyaml reads the raw scalar text). */
  static Map<String, String> stringMap(ObjectNode body, String field) {
    JsonNode meta = body.get("metadata");
    return Trees.stringMap(meta == null ? null : meta.get(field));
  }
}
