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
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
    for (Kustomization.Item<String> item : k.resources()) {
      String entry = item.value();
      SourcePosition at = item.place().at();
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
    for (Kustomization.Item<String> item : k.components()) {
      String entry = item.value();
      SourcePosition at = item.place().at();
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
    for (Kustomization.Item<String> path : k.configurations()) {
      SourcePosition at = path.place().at();
      FileLoader.Loaded l = loader.load(path.value(), at);
      List<YamlDocument> docs = Yaml.readData(l);
      for (YamlDocument d : docs) {
        tc = tc.merge(TransformerConfigs.fromJson(d.root(), d.start()), at);
      }
    }
    if (!k.crds().isEmpty()) {
      throw new InputException(
          k.place(Kustomization.Field.CRDS).key(),
          "'crds' is not supported: declare the name references "
              + "of custom resources in a 'configurations' file instead");
    }
    ra.mergeConfig(tc, k.filePosition());
  }

  // ---- generators ----

  private void runGenerators(Accumulator ra) {
    GeneratorOptions global = k.generatorOptions();
    FileSource files = fileSource();
    for (List<Kustomization.DataGeneratorEntry> entries :
        List.of(k.configMapGenerator(), k.secretGenerator())) {
      for (Kustomization.DataGeneratorEntry g : entries) {
        SourcePosition at = g.place().at();
        DataGenerator gen =
            new DataGenerator(
                g.args().withOptions(GeneratorOptions.merge(g.args().options(), global)),
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

  // ---- transformers ----

  private void runTransformers(Accumulator ra) {
    for (Transformer t : builtinTransformers(ra.config())) {
      t.transform(ra.resources());
    }
  }

  private List<Transformer> namespace(TransformerConfig tc) {
    String ns = k.namespace();
    return ns.isEmpty() ? List.of() : List.of(new NamespaceTransformer(ns, tc.namespace()));
  }

  private List<Transformer> namePrefix(TransformerConfig tc) {
    String p = k.namePrefix();
    return p.isEmpty() ? List.of() : List.of(new NameAffixTransformer(p, true, tc.namePrefix()));
  }

  private List<Transformer> nameSuffix(TransformerConfig tc) {
    String s = k.nameSuffix();
    return s.isEmpty() ? List.of() : List.of(new NameAffixTransformer(s, false, tc.nameSuffix()));
  }

  private List<Transformer> labels(TransformerConfig tc) {
    List<Transformer> out = new ArrayList<>();
    for (Kustomization.Label l : k.labels()) {
      SourcePosition at = l.place().at();
      List<FieldSpec> fss =
          TransformerConfig.mergeAll(TransformerConfigs.specs(l.fields(), at), tc.labels(), at);
      if (l.includeSelectors()) {
        fss = TransformerConfig.mergeAll(fss, tc.commonLabels(), at);
      } else {
        if (l.includeTemplates()) {
          fss = TransformerConfig.mergeAll(fss, tc.templateLabels(), at);
        }
        fss = TransformerConfig.mergeAll(fss, List.of(FieldSpec.any("metadata/labels", true)), at);
      }
      out.add(new MapEntriesTransformer("labels", l.pairs(), fss));
    }
    Map<String, String> common = k.commonLabels();
    if (!common.isEmpty()) {
      out.add(new MapEntriesTransformer("labels", common, tc.commonLabels()));
    }
    return out;
  }

  private List<Transformer> commonAnnotations(TransformerConfig tc) {
    Map<String, String> a = k.commonAnnotations();
    return a.isEmpty()
        ? List.of()
        : List.of(new MapEntriesTransformer("annotations", a, tc.commonAnnotations()));
  }

  private List<Transformer> replicas(TransformerConfig tc) {
    List<Transformer> out = new ArrayList<>();
    for (Kustomization.Replica r : k.replicas()) {
      out.add(new ReplicaCountTransformer(r.name(), r.count(), tc.replicas(), r.place().at()));
    }
    return out;
  }

  private List<Transformer> images(TransformerConfig tc) {
    List<Transformer> out = new ArrayList<>();
    for (ImageTagTransformer.Image i : k.images()) {
      out.add(new ImageTagTransformer(i, tc.images()));
    }
    return out;
  }

  private List<Transformer> replacements() {
    if (k.replacements().isEmpty()) {
      return List.of();
    }
    return List.of(new ReplacementTransformer(Replacements.decode(k.replacements(), this)));
  }

  // ---- vars ----

  private List<Var> vars() {
    List<Var> out = new ArrayList<>();
    for (Kustomization.VarDecl v : k.vars()) {
      out.add(
          new Var(
              v.name(), v.objGvk(), v.objName(), v.objNamespace(), v.fieldPath(), v.place().at()));
    }
    return out;
  }
}
