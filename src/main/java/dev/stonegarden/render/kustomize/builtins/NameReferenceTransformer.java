package dev.stonegarden.render.kustomize.builtins;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.kustomize.config.FieldSpec;
import dev.stonegarden.render.kustomize.config.FieldWalker;
import dev.stonegarden.render.kustomize.config.FieldWalker.Create;
import dev.stonegarden.render.kustomize.config.NameBackReference;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.ResId;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.resource.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Fixes fields that hold the names of other objects of the build after renames (kustomize's {@code
 * nameReferenceTransformer} and {@code nameref.Filter}, docs/kustomize.md#name-references): a value
 * that is a previous name of exactly one suitable object becomes that object's current name.
 */
public record NameReferenceTransformer(List<NameBackReference> backReferences)
    implements Transformer {

  public NameReferenceTransformer {
    backReferences = List.copyOf(backReferences);
  }

  private record Fix(FieldSpec spec, Gvk referral) {}

  @Override
  public void transform(ResourceList resources) {
    // Referrers are chosen by their original kind (case 162); one list of fixes per referrer.
    Map<Resource, List<Fix>> fixes = new LinkedHashMap<>();
    List<Resource> all = resources.asList();
    List<ResId> orgIds = all.stream().map(Resource::originalId).toList();
    for (NameBackReference br : backReferences) {
      for (FieldSpec spec : br.referrers()) {
        for (int i = 0; i < all.size(); i++) {
          if (Ids.selects(spec.selector(), orgIds.get(i).gvk())) {
            fixes
                .computeIfAbsent(all.get(i), k -> new ArrayList<>())
                .add(new Fix(spec, br.referral()));
          }
        }
      }
    }
    // Candidates depend only on the referrer's namespace (and, for RoleBindings, its subjects):
    // computed once per namespace, so n referrers over n objects stay O(n), not O(n^2).
    List<ResId> ids = all.stream().map(Resource::id).toList();
    Map<String, Candidates> byNamespace = new HashMap<>(); // looked up only, never iterated
    for (Map.Entry<Resource, List<Fix>> e : fixes.entrySet()) {
      Resource referrer = e.getKey();
      Candidates candidates = candidatesFor(referrer, all, ids, byNamespace);
      for (Fix fix : e.getValue()) {
        FieldSpec anyKind = FieldSpec.any(fix.spec().path(), false);
        Checked<ObjectNode> walked =
            FieldWalker.walk(
                referrer.body(),
                anyKind,
                Create.NONE,
                slot -> set(referrer, fix, candidates, slot));
        if (!walked.ok()) {
          throw new InputException(
              referrer.origin(),
              "updating name reference in '"
                  + fix.spec().path()
                  + "' field of '"
                  + referrer.id()
                  + "': "
                  + walked.problem().message());
        }
      }
    }
  }

  private void set(Resource referrer, Fix fix, Candidates candidates, FieldWalker.Slot slot) {
    JsonNode v = slot.value();
    if (v == null || v.isNull()) {
      return;
    }
    if (v instanceof ObjectNode o) {
      setMapping(referrer, fix, candidates, o);
    } else if (v instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode el = a.get(i);
        if (el == null || el.isNull()) {
          continue;
        }
        if (el instanceof ObjectNode o) {
          setMapping(referrer, fix, candidates, o);
        } else if (el.isContainer()) {
          throw new InputException(
              referrer.origin(),
              "name reference at '"
                  + fix.spec().path()
                  + "' of "
                  + referrer.id()
                  + " is expected to be either a string or a map of string");
        } else {
          Resource ref = select(referrer, fix, el.asString(), candidates, false);
          if (ref != null && !ref.name().equals(el.asString())) {
            a.set(i, StringNode.valueOf(ref.name()));
          }
        }
      }
    } else {
      Resource ref = select(referrer, fix, v.asString(), candidates, false);
      if (ref != null && !ref.name().equals(v.asString())) {
        slot.set(StringNode.valueOf(ref.name()));
      }
    }
  }

  private void setMapping(Resource referrer, Fix fix, Candidates candidates, ObjectNode node) {
    JsonNode nameNode = node.get("name");
    if (nameNode == null) {
      throw new InputException(
          referrer.origin(),
          "path config error; no 'name' field in node at '"
              + fix.spec().path()
              + "' of "
              + referrer.id());
    }
    Candidates cands = candidates;
    JsonNode nsNode = node.get("namespace");
    if (nsNode != null) {
      String ns = nsNode.asString();
      List<Resource> byOrg =
          cands.all().stream()
              .filter(
                  c ->
                      !isClusterScoped(c.originalId())
                          && c.originalId().effectiveNamespace().equals(ns))
              .toList();
      cands =
          Candidates.of(
              !byOrg.isEmpty()
                  ? byOrg
                  : cands.all().stream()
                      .filter(
                          c -> !isClusterScoped(c.id()) && c.id().effectiveNamespace().equals(ns))
                      .toList());
    }
    String oldName = nameNode.asString();
    Resource ref = select(referrer, fix, oldName, cands, true);
    if (ref == null) {
      return;
    }
    if (ref.name().equals(oldName) && ref.namespace().isEmpty()) {
      return;
    }
    node.put("name", ref.name());
    if (!ref.namespace().isEmpty()) {
      node.put("namespace", ref.namespace());
    }
  }

  private static boolean isClusterScoped(ResId id) {
    return Scope.isClusterScoped(id.gvk());
  }

  private Resource select(
      Resource referrer, Fix fix, String oldName, Candidates candidates, boolean map) {
    List<Resource> c = candidates.named(oldName);
    c = sieve(c, r -> r.priorIds().stream().anyMatch(id -> Ids.selects(fix.referral(), id.gvk())));
    Gvk roleRef = fix.spec().path().endsWith("roleRef/name") ? roleRefGvk(referrer) : null;
    if (roleRef != null) {
      c = sieve(c, r -> r.priorIds().stream().anyMatch(id -> Ids.selects(roleRef, id.gvk())));
    }
    ResId refId = referrer.id();
    if (!isClusterScoped(refId)) {
      c =
          sieve(
              c,
              r ->
                  isClusterScoped(r.id())
                      || r.kind().equals("ServiceAccount")
                      || refId.sameNamespace(r.id()));
    }
    if (c.size() == 1) {
      return c.get(0);
    }
    c = sieve(c, r -> affixesEqual(r, referrer, true));
    if (c.size() > 1) {
      c = sieve(c, r -> affixesEqual(r, referrer, false));
    }
    if (c.size() == 1) {
      return c.get(0);
    }
    if (c.isEmpty()) {
      return null;
    }
    Resource first = c.get(0);
    boolean identical =
        c.stream()
            .allMatch(
                r ->
                    r.name().equals(first.name())
                        && (!map || r.namespace().equals(first.namespace())));
    if (identical) {
      return first;
    }
    throw new InputException(
        referrer.origin(),
        "found multiple possible referrals: "
            + c.stream().map(r -> r.id().toString()).collect(Collectors.joining(", "))
            + " for the reference '"
            + oldName
            + "' at '"
            + fix.spec().path()
            + "' of "
            + referrer.id());
  }

  private static Gvk roleRefGvk(Resource referrer) {
    JsonNode roleRef = referrer.body().get("roleRef");
    if (roleRef == null
        || roleRef.isNull()
        || roleRef.get("apiGroup") == null
        || roleRef.get("kind") == null) {
      return null;
    }
    return new Gvk(roleRef.get("apiGroup").asString(), "", roleRef.get("kind").asString());
  }

  private static boolean affixesEqual(Resource r, Resource o, boolean allowEmpty) {
    if (allowEmpty) {
      boolean eitherPrefixEmpty = r.prefixes().isEmpty() || o.prefixes().isEmpty();
      boolean eitherSuffixEmpty = r.suffixes().isEmpty() || o.suffixes().isEmpty();
      return (eitherPrefixEmpty || sameEnding(r.prefixes(), o.prefixes()))
          && (eitherSuffixEmpty || sameEnding(r.suffixes(), o.suffixes()));
    }
    return sameEnding(r.prefixes(), o.prefixes()) && sameEnding(r.suffixes(), o.suffixes());
  }

  private static boolean sameEnding(List<String> a, List<String> b) {
    List<String> shortest = a.size() <= b.size() ? a : b;
    List<String> longest = a.size() <= b.size() ? b : a;
    int diff = longest.size() - shortest.size();
    if (shortest.isEmpty()) {
      return diff == 0;
    }
    for (int i = shortest.size() - 1; i >= 0; i--) {
      if (!longest.get(i + diff).equals(shortest.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<Resource> sieve(List<Resource> list, Predicate<Resource> p) {
    return list.stream().filter(p).toList();
  }

  /**
   * The objects a reference may name, indexed by every name each has had (kustomize matches a
   * reference against previous names), in build order. Built once per candidate set, so looking a
   * reference up costs its matches, not the whole build.
   */
  private record Candidates(List<Resource> all, Map<String, List<Resource>> byPriorName) {
    static Candidates of(List<Resource> all) {
      Map<String, List<Resource>> byName = new HashMap<>(); // looked up only, never iterated
      for (Resource r : all) {
        for (String name : r.priorIds().stream().map(ResId::name).distinct().toList()) {
          byName.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        }
      }
      return new Candidates(all, byName);
    }

    List<Resource> named(String name) {
      return byPriorName.getOrDefault(name, List.of());
    }
  }

  /**
   * kustomize's {@code SubsetThatCouldBeReferencedByResource}; {@code ids} are the current ids of
   * {@code all}.
   */
  private static Candidates candidatesFor(
      Resource referrer, List<Resource> all, List<ResId> ids, Map<String, Candidates> byNamespace) {
    ResId rid = referrer.id();
    if (isClusterScoped(rid)) {
      return byNamespace.computeIfAbsent(
          "\0cluster-scoped referrers: everything", k -> Candidates.of(all));
    }
    Set<String> roleBindingNamespaces = new HashSet<>();
    if (referrer.kind().equals("RoleBinding")
        && referrer.body().get("subjects") instanceof ArrayNode subjects) {
      for (JsonNode s : subjects) {
        if (s instanceof ObjectNode o
            && o.get("namespace") != null
            && o.get("kind") != null
            && o.get("kind").asString().equals("ServiceAccount")) {
          roleBindingNamespaces.add(o.get("namespace").asString());
        }
      }
    }
    if (roleBindingNamespaces.isEmpty()) {
      return byNamespace.computeIfAbsent(
          rid.effectiveNamespace(), ns -> Candidates.of(sameNamespace(rid, all, ids, Set.of())));
    }
    return Candidates.of(sameNamespace(rid, all, ids, roleBindingNamespaces));
  }

  /** The objects a referrer in {@code rid}'s namespace may name, in build order. */
  private static List<Resource> sameNamespace(
      ResId rid, List<Resource> all, List<ResId> ids, Set<String> alsoNamespaces) {
    List<Resource> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      ResId id = ids.get(i);
      if (isClusterScoped(id) || id.sameNamespace(rid) || alsoNamespaces.contains(id.namespace())) {
        out.add(all.get(i));
      }
    }
    return out;
  }
}
