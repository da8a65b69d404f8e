package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.builtins.DataGenerator;
import dev.stonegarden.render.kustomize.builtins.FileSource;
import dev.stonegarden.render.kustomize.builtins.GeneratorOptions;
import dev.stonegarden.render.kustomize.builtins.ImageTagTransformer;
import dev.stonegarden.render.kustomize.builtins.MapEntriesTransformer;
import dev.stonegarden.render.kustomize.builtins.NameAffixTransformer;
import dev.stonegarden.render.kustomize.builtins.NamespaceTransformer;
import dev.stonegarden.render.kustomize.builtins.ReplacementTransformer;
import dev.stonegarden.render.kustomize.builtins.ReplicaCountTransformer;
import dev.stonegarden.render.kustomize.builtins.VarTransformer.Var;
import dev.stonegarden.render.kustomize.config.FieldSpec;
import dev.stonegarden.render.kustomize.config.TransformerConfig;
import dev.stonegarden.render.kustomize.config.TransformerConfigs;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One kustomization directory and how it builds (kustomize's {@code KustTarget}). {@link
 * #accumulateTarget} is the table of contents of a level: resources, configurations, generators,
 * components, the builtin transformers in kustomize's fixed order, vars
 * (docs/kustomize.md#the-build-pipeline).
 */
final class KustTarget {
  private final FileLoader loader;
  private final Kustomization k;
  private final BuildContext ctx;

  private KustTarget(FileLoader loader, Kustomization k, BuildContext ctx) {
    this.loader = loader;
    this.k = k;
    this.ctx = ctx;
  }

  /** Loads the kustomization of {@code loader}'s directory. */
  static KustTarget load(FileLoader loader, SourcePosition referencedFrom, BuildContext ctx) {
    ctx.countLoad(referencedFrom);
    return new KustTarget(
        loader, KustomizationLoader.load(loader, referencedFrom, ctx.warnings), ctx);
  }

  Kustomization kustomization() {
    return k;
  }

  FileLoader loader() {
    return loader;
  }

  /** One step of a level, named after the kustomization field it implements. */
  private record Step(String name, Consumer<Accumulator> run) {}

  /** Builds this level into {@code ra} (a fresh accumulator, or the parent's for a component). */
  Accumulator accumulateTarget(Accumulator ra) {
    List<Step> steps =
        List.of(
            new Step("resources", this::accumulateResources),
            new Step("configurations", this::mergeConfigurations),
            new Step("generators", this::runGenerators),
            new Step("components", this::accumulateComponents),
            new Step("transformers", this::runTransformers),
            new Step("vars", acc -> acc.mergeVars(vars())));
    for (Step s : steps) {
      s.run().accept(ra);
    }
    return ra;
  }

  /**
   * The builtin transformers of this level, always in kustomize's order whatever the order of keys
   * in the file (docs/kustomize.md#the-build-pipeline, case 114).
   */
  List<Transformer> builtinTransformers(TransformerConfig tc) {
    List<Transformer> steps = new ArrayList<>();
    steps.addAll(PatchSteps.patchesStrategicMerge(this, ctx));
    steps.addAll(PatchSteps.patches(this, ctx));
    steps.addAll(namespace(tc));
    steps.addAll(namePrefix(tc));
    steps.addAll(nameSuffix(tc));
    steps.addAll(labels(tc));
    steps.addAll(commonAnnotations(tc));
    steps.addAll(PatchSteps.patchesJson6902(this, ctx));
    steps.addAll(replicas(tc));
    steps.addAll(images(tc));
    steps.addAll(replacements());
    steps.addAll(BuiltinTransformerFiles.transformers(this, tc));
    return steps;
  }

  // ---- resources, bases, components ----

  private void accumulateResources(Accumulator ra) {
    List<String> entries = k.resources();
    int nResources = k.strings("resources").size();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      SourcePosition at =
          i < nResources
              ? k.positionOf("/resources/" + i)
              : k.positionOf("/bases/" + (i - nResources));
      refuseRemote(entry, at);
      FileLoader.Loaded file = loader.tryLoad(entry);
      if (file.ok()) {
        ra.appendAll(resources(file), at);
        continue;
      }
      FileLoader.Opened dir = loader.tryOpen(entry);
      if (dir.loader() == null) {
        // kustomize reports both attempts (case 010); one is enough: the one that fits what is
        // there.
        boolean isDir = loader.isDirectory(entry);
        throw new InputException(
            at, "cannot load resource '" + entry + "': " + (isDir ? dir.error() : file.error()));
      }
      accumulateDirectory(ra, dir.loader(), false, at);
    }
  }

  /**
   * The resources of a file; parsed once per run when the options share parsed files (one base read
   * by many overlays), each use getting its own copy of the trees ({@link Yaml#readResources}).
   */
  private static List<Resource> resources(FileLoader.Loaded file) {
    return ResourceReader.fromDocuments(Yaml.readResources(file));
  }

  private void accumulateComponents(Accumulator ra) {
    List<String> entries = k.strings("components");
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      SourcePosition at = k.positionOf("/components/" + i);
      refuseRemote(entry, at);
      FileLoader.Opened dir = loader.tryOpen(entry);
      if (dir.loader() == null) {
        throw new InputException(at, "cannot load component '" + entry + "': " + dir.error());
      }
      accumulateDirectory(ra, dir.loader(), true, at);
    }
  }

  private void accumulateDirectory(
      Accumulator ra, FileLoader sub, boolean component, SourcePosition at) {
    KustTarget target = load(sub, at, ctx);
    PatchSteps.offerSchema(target, ctx, false);
    Kustomization sk = target.kustomization();
    if (component && !sk.isComponent()) {
      throw new InputException(
          at,
          "expected kind 'Component' for path '"
              + loader.displayRelative(sub.root())
              + "' but got '"
              + sk.kind()
              + "'");
    }
    if (!component && sk.isComponent()) {
      throw new InputException(
          at,
          "expected kind != 'Component' for path '"
              + loader.displayRelative(sub.root())
              + "': a Component belongs under 'components:', not 'resources:'");
    }
    if (component) {
      target.accumulateTarget(ra);
    } else {
      ra.mergeAccumulator(target.accumulateTarget(new Accumulator()), at);
    }
  }

  private static void refuseRemote(String entry, SourcePosition at) {
    String e = entry.toLowerCase(java.util.Locale.ROOT);
    if (e.contains("://")
        || e.startsWith("git@")
        || e.startsWith("github.com/")
        || e.startsWith("gitlab.com/")
        || e.startsWith("bitbucket.org/")) {
      throw new InputException(
          at,
          "remote resource '"
              + entry
              + "' is not supported: this engine never "
              + "fetches from the network; vendor the files into the repository");
    }
  }

  // ---- configurations ----

  private void mergeConfigurations(Accumulator ra) {
    TransformerConfig tc = TransformerConfigs.builtin();
    List<String> paths = k.strings("configurations");
    for (int i = 0; i < paths.size(); i++) {
      SourcePosition at = k.positionOf("/configurations/" + i);
      FileLoader.Loaded l = loader.load(paths.get(i), at);
      List<YamlDocument> docs = Yaml.readData(l);
      for (YamlDocument d : docs) {
        tc = tc.merge(TransformerConfigs.fromJson(d.root(), d.start()), at);
      }
    }
    if (!k.strings("crds").isEmpty()) {
      throw new InputException(
          k.keyPositionOf("/crds"),
          "'crds' is not supported: declare the name references "
              + "of custom resources in a 'configurations' file instead");
    }
    ra.mergeConfig(tc, k.filePosition());
  }

  // ---- generators ----

  private void runGenerators(Accumulator ra) {
    GeneratorOptions global = options(k.object("generatorOptions"));
    FileSource files = fileSource();
    for (String field : List.of("configMapGenerator", "secretGenerator")) {
      List<ObjectNode> entries = k.objects(field);
      for (int i = 0; i < entries.size(); i++) {
        ObjectNode g = entries.get(i);
        SourcePosition at = k.positionOf("/" + field + "/" + i);
        List<String> envs = strings(g, "envs");
        if (!text(g, "env").isEmpty()) {
          envs.add(text(g, "env"));
        }
        DataGenerator gen =
            new DataGenerator(
                field.equals("secretGenerator") ? "Secret" : "ConfigMap",
                text(g, "name"),
                text(g, "namespace"),
                text(g, "behavior"),
                strings(g, "literals"),
                strings(g, "files"),
                envs,
                GeneratorOptions.merge(
                    options(g.get("options") instanceof ObjectNode o ? o : null), global),
                text(g, "type"),
                files,
                at);
        for (Resource r : gen.generate(ra.resources())) {
          ra.absorb(r, at);
        }
      }
    }
  }

  FileSource fileSource() {
    return new FileSource() {
      @Override
      public byte[] read(String relative, SourcePosition at) {
        return loader.load(relative, at).bytes();
      }

      @Override
      public Path resolve(String relative) {
        return loader.resolve(relative);
      }
    };
  }

  private static GeneratorOptions options(ObjectNode o) {
    if (o == null) {
      return null;
    }
    return new GeneratorOptions(
        o.has("labels") ? Kustomization.stringMap(o.get("labels")) : null,
        o.has("annotations") ? Kustomization.stringMap(o.get("annotations")) : null,
        o.path("disableNameSuffixHash").asBoolean(false),
        o.path("immutable").asBoolean(false));
  }

  // ---- transformers ----

  private void runTransformers(Accumulator ra) {
    for (Transformer t : builtinTransformers(ra.config())) {
      t.transform(ra.resources());
    }
  }

  private List<Transformer> namespace(TransformerConfig tc) {
    String ns = k.string("namespace");
    return ns.isEmpty() ? List.of() : List.of(new NamespaceTransformer(ns, tc.namespace()));
  }

  private List<Transformer> namePrefix(TransformerConfig tc) {
    String p = k.string("namePrefix");
    return p.isEmpty() ? List.of() : List.of(new NameAffixTransformer(p, true, tc.namePrefix()));
  }

  private List<Transformer> nameSuffix(TransformerConfig tc) {
    String s = k.string("nameSuffix");
    return s.isEmpty() ? List.of() : List.of(new NameAffixTransformer(s, false, tc.nameSuffix()));
  }

  private List<Transformer> labels(TransformerConfig tc) {
    List<Transformer> out = new ArrayList<>();
    List<ObjectNode> entries = k.objects("labels");
    for (int i = 0; i < entries.size(); i++) {
      ObjectNode l = entries.get(i);
      SourcePosition at = k.positionOf("/labels/" + i);
      List<FieldSpec> fss =
          TransformerConfig.mergeAll(
              TransformerConfigs.specs(l.get("fields"), at), tc.labels(), at);
      if (l.path("includeSelectors").asBoolean(false)) {
        fss = TransformerConfig.mergeAll(fss, tc.commonLabels(), at);
      } else {
        if (l.path("includeTemplates").asBoolean(false)) {
          fss = TransformerConfig.mergeAll(fss, tc.templateLabels(), at);
        }
        fss = TransformerConfig.mergeAll(fss, List.of(FieldSpec.any("metadata/labels", true)), at);
      }
      out.add(new MapEntriesTransformer("labels", Kustomization.stringMap(l.get("pairs")), fss));
    }
    Map<String, String> common = k.stringMap("commonLabels");
    if (!common.isEmpty()) {
      out.add(new MapEntriesTransformer("labels", common, tc.commonLabels()));
    }
    return out;
  }

  private List<Transformer> commonAnnotations(TransformerConfig tc) {
    Map<String, String> a = k.stringMap("commonAnnotations");
    return a.isEmpty()
        ? List.of()
        : List.of(new MapEntriesTransformer("annotations", a, tc.commonAnnotations()));
  }

  private List<Transformer> replicas(TransformerConfig tc) {
    List<Transformer> out = new ArrayList<>();
    List<ObjectNode> entries = k.objects("replicas");
    for (int i = 0; i < entries.size(); i++) {
      ObjectNode r = entries.get(i);
      out.add(
          new ReplicaCountTransformer(
              text(r, "name"),
              r.path("count").asLong(0),
              tc.replicas(),
              k.positionOf("/replicas/" + i)));
    }
    return out;
  }

  private List<Transformer> images(TransformerConfig tc) {
    List<Transformer> out = new ArrayList<>();
    for (ObjectNode i : k.images()) {
      out.add(
          new ImageTagTransformer(
              new ImageTagTransformer.Image(
                  text(i, "name"),
                  text(i, "newName"),
                  text(i, "newTag"),
                  text(i, "digest"),
                  text(i, "tagSuffix")),
              tc.images()));
    }
    return out;
  }

  private List<Transformer> replacements() {
    List<ObjectNode> entries = k.objects("replacements");
    if (entries.isEmpty()) {
      return List.of();
    }
    return List.of(new ReplacementTransformer(Replacements.decode(entries, this)));
  }

  // ---- vars ----

  private List<Var> vars() {
    List<Var> out = new ArrayList<>();
    List<ObjectNode> entries = k.objects("vars");
    for (int i = 0; i < entries.size(); i++) {
      ObjectNode v = entries.get(i);
      ObjectNode ref = v.get("objref") instanceof ObjectNode o ? o : v.objectNode();
      String apiVersion = text(ref, "apiVersion");
      Gvk gvk = new Gvk(text(ref, "group"), text(ref, "version"), text(ref, "kind"));
      if (!apiVersion.isEmpty()) {
        String[] parts = apiVersion.split("/", -1);
        gvk =
            parts.length == 2
                ? new Gvk(parts[0], parts[1], gvk.kind())
                : parts.length == 1 ? new Gvk(gvk.group(), parts[0], gvk.kind()) : gvk;
      }
      JsonNode fr = v.get("fieldref");
      String fieldPath = fr == null ? "" : text(fr, "fieldPath");
      out.add(
          new Var(
              text(v, "name"),
              gvk,
              text(ref, "name"),
              text(ref, "namespace"),
              fieldPath.isEmpty() ? "metadata.name" : fieldPath,
              k.positionOf("/vars/" + i)));
    }
    return out;
  }

  // ---- small helpers over canonical nodes ----

  static String text(JsonNode o, String field) {
    JsonNode n = o == null ? null : o.get(field);
    return n == null || n.isNull() ? "" : n.asString();
  }

  static List<String> strings(JsonNode o, String field) {
    List<String> out = new ArrayList<>();
    JsonNode n = o == null ? null : o.get(field);
    if (n != null && n.isArray()) {
      n.forEach(e -> out.add(e.asString()));
    }
    return out;
  }
}
