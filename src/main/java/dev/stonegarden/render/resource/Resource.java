package dev.stonegarden.render.resource;

import static java.util.Objects.requireNonNull;

import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Kubernetes object in a build: its body (a Jackson tree) and the bookkeeping kustomize keeps
 * in {@code internal.config.kubernetes.io/*} annotations. Here the bookkeeping lives in fields, so
 * nothing internal is ever written into {@code metadata} and nothing has to be stripped before
 * output (kustomize PR #4091 is the bug this avoids).
 *
 * <p>Mutable on purpose: transformers edit resources in place, as kustomize's filters do.
 */
public final class Resource {
  private ObjectNode body;
  private final SourcePosition origin;
  private final SourceMap sourceMap;

  /** Ids this resource had before renames, kind changes and namespace changes, oldest first. */
  private final List<ResId> previousIds = new ArrayList<>();

  /**
   * Name prefixes and suffixes applied so far, innermost first (used to disambiguate references).
   */
  private final List<String> prefixes = new ArrayList<>();

  private final List<String> suffixes = new ArrayList<>();

  /**
   * Fields a strategic-merge patch set last: JSON pointer → where in the patch. Lets {@code
   * validate} name the patch that introduced a field rather than the resource file.
   */
  private final Map<String, SourcePosition> patchedFields = new LinkedHashMap<>();

  /** Set for generator output whose name gets a content hash at the end of the build. */
  private boolean needsHashSuffix;

  /** Set for objects made by a configMapGenerator or secretGenerator. */
  private boolean generated;

  /**
   * Set once a JSON 6902 patch has been applied: kustomize applies it to the object's JSON and
   * reads the result back, so every number is a Go float64 from then on
   * (docs/kustomize.md#json-6902-patches).
   */
  private boolean throughJson;

  /** {@code create}, {@code merge} or {@code replace} for generator output; empty otherwise. */
  private String behavior = "";

  /** Names of {@code vars} that take their value from this resource. */
  private final List<String> refVarNames = new ArrayList<>();

  public Resource(ObjectNode body, SourcePosition origin, SourceMap sourceMap) {
    this.body = requireNonNull(body, "body == null");
    this.origin = requireNonNull(origin, "origin == null");
    this.sourceMap = sourceMap == null ? SourceMap.empty(origin.file()) : sourceMap;
  }

  /** A deep copy with the same bookkeeping (a base included twice is two independent copies). */
  public Resource copy() {
    Resource r = new Resource(body.deepCopy(), origin, sourceMap);
    r.previousIds.addAll(previousIds);
    r.prefixes.addAll(prefixes);
    r.suffixes.addAll(suffixes);
    r.needsHashSuffix = needsHashSuffix;
    r.patchedFields.putAll(patchedFields);
    r.generated = generated;
    r.throughJson = throughJson;
    r.behavior = behavior;
    r.refVarNames.addAll(refVarNames);
    return r;
  }

  public ObjectNode body() {
    return body;
  }

  /** Replaces the whole body (strategic merge and JSON patch produce new trees). */
  public void setBody(ObjectNode body) {
    this.body = requireNonNull(body, "body == null");
  }

  /** Where the object was defined: its document in a resource file, or the generator entry. */
  public SourcePosition origin() {
    return origin;
  }

  public SourceMap sourceMap() {
    return sourceMap;
  }

  /** The position of a field of this object in its source file, as well as it is known. */
  public SourcePosition positionOf(String pointer) {
    SourcePosition p = sourceMap.positionOf(pointer);
    return p.line() > 0 ? p : origin;
  }

  public String apiVersion() {
    return Trees.string(body.get("apiVersion"));
  }

  public String kind() {
    return Trees.string(body.get("kind"));
  }

  public Gvk gvk() {
    return Gvk.of(apiVersion(), kind());
  }

  public String name() {
    return Trees.string(metadata().get("name"));
  }

  public String namespace() {
    return Trees.string(metadata().get("namespace"));
  }

  public ResId id() {
    return new ResId(gvk(), name(), namespace());
  }

  /** The first id this resource had (kustomize's "original id", {@code OrgId}). */
  public ResId originalId() {
    List<ResId> prev = priorIds();
    return prev.isEmpty() ? id() : prev.get(0);
  }

  /** Every id this resource has had, oldest first, then the current one. */
  public List<ResId> allIds() {
    List<ResId> all = new ArrayList<>(priorIds());
    all.add(id());
    return all;
  }

  /**
   * The ids recorded by {@link #rememberId()}, oldest first, each with the group/version it had
   * then.
   */
  public List<ResId> previousIds() {
    return List.copyOf(previousIds);
  }

  /**
   * The ids this resource had before, oldest first, as kustomize reconstructs them ({@code
   * PrevIds}): the stored kind, name and effective namespace, with the <em>current</em> group and
   * version.
   */
  public List<ResId> priorIds() {
    if (previousIds.isEmpty()) {
      return List.of();
    }
    Gvk now = gvk();
    List<ResId> out = new ArrayList<>(previousIds.size());
    for (ResId p : previousIds) {
      out.add(
          new ResId(new Gvk(now.group(), now.version(), p.gvk().kind()), p.name(), p.namespace()));
    }
    return out;
  }

  /**
   * Records the current id as a previous one; call before renaming or moving the object. Like
   * kustomize's {@code StorePreviousId}, the namespace is stored in its effective form ({@code
   * default} for none, {@code _non_namespaceable_} for cluster-scoped kinds).
   */
  public void rememberId() {
    ResId id = id();
    previousIds.add(new ResId(id.gvk(), id.name(), id.effectiveNamespace()));
  }

  /** {@code metadata} as an object, created if missing. */
  public ObjectNode metadata() {
    JsonNode m = body.get("metadata");
    if (m instanceof ObjectNode o) {
      return o;
    }
    return body.putObject("metadata");
  }

  public void setName(String name) {
    metadata().put("name", name);
  }

  public void setNamespace(String namespace) {
    metadata().put("namespace", namespace);
  }

  /** Name prefixes applied so far, innermost first (a read-only view). */
  public List<String> prefixes() {
    return Collections.unmodifiableList(prefixes);
  }

  /** Name suffixes applied so far, innermost first (a read-only view). */
  public List<String> suffixes() {
    return Collections.unmodifiableList(suffixes);
  }

  /** Records a name prefix the name transformer applied. */
  public void addPrefix(String prefix) {
    prefixes.add(requireNonNull(prefix, "prefix == null"));
  }

  /** Records a name suffix the name transformer applied. */
  public void addSuffix(String suffix) {
    suffixes.add(requireNonNull(suffix, "suffix == null"));
  }

  /**
   * Takes over {@code other}'s history: previous ids, prefixes, suffixes and var names (a generator
   * merge keeps the identity of the object it merges into).
   */
  public void takeHistoryOf(Resource other) {
    previousIds.clear();
    previousIds.addAll(other.previousIds);
    prefixes.clear();
    prefixes.addAll(other.prefixes);
    suffixes.clear();
    suffixes.addAll(other.suffixes);
    refVarNames.clear();
    refVarNames.addAll(other.refVarNames);
  }

  public boolean needsHashSuffix() {
    return needsHashSuffix;
  }

  public void setNeedsHashSuffix(boolean needsHashSuffix) {
    this.needsHashSuffix = needsHashSuffix;
  }

  public boolean generated() {
    return generated;
  }

  public void setGenerated(boolean generated) {
    this.generated = generated;
  }

  /** Whether a JSON 6902 patch has been applied to the object (its numbers became float64s). */
  public boolean throughJson() {
    return throughJson;
  }

  public void setThroughJson() {
    this.throughJson = true;
  }

  /** The generator behavior ({@code create}, {@code merge}, {@code replace}) or empty. */
  public String behavior() {
    return behavior;
  }

  public void setBehavior(String behavior) {
    this.behavior = requireNonNull(behavior, "behavior == null");
  }

  /** Names of the {@code vars} whose value comes from this resource (a read-only view). */
  public List<String> refVarNames() {
    return Collections.unmodifiableList(refVarNames);
  }

  /** Records that the var {@code name} takes its value from this resource. */
  public void addRefVarName(String name) {
    refVarNames.add(requireNonNull(name, "name == null"));
  }

  /** Records that a patch at {@code at} set the field at {@code pointer} (a later patch wins). */
  public void recordPatchedField(String pointer, SourcePosition at) {
    patchedFields.put(pointer, at);
  }

  /**
   * Where a patch last set the field at {@code pointer} (or, for a map or list, the first value a
   * patch set inside it), or null when no patch did.
   */
  public SourcePosition patchedFieldPosition(String pointer) {
    SourcePosition exact = patchedFields.get(pointer);
    if (exact != null) {
      return exact;
    }
    String prefix = pointer + "/";
    for (Map.Entry<String, SourcePosition> e : patchedFields.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        return e.getValue();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return id().toString();
  }
}
