package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problem;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.builtins.HashSuffixTransformer;
import dev.stonegarden.render.kustomize.builtins.MapEntriesTransformer;
import dev.stonegarden.render.kustomize.builtins.NameReferenceTransformer;
import dev.stonegarden.render.kustomize.builtins.VarTransformer;
import dev.stonegarden.render.kustomize.config.FieldSpec;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.yaml.JsonStreamWriter;
import dev.stonegarden.render.yaml.YamlWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a kustomization directory the way {@code kubectl kustomize} (kustomize 5.5.0) does
 * (kustomize's {@code krusty.Kustomizer}): the root level and everything it includes, then the
 * top-level steps — hash suffixes, name references, vars, dropping local-config objects
 * (docs/kustomize.md#the-build-pipeline); {@link #sortAndWrite} sorts and prints.
 */
public final class Kustomizer {
  private Kustomizer() {}

  /**
   * Builds {@code kustomizationDir}; input problems are {@link InputException}s, which also carry
   * the warnings found before the failure (kustomize prints its deprecation warnings first, too).
   */
  public static BuildResult build(Path kustomizationDir, BuildOptions options) {
    BuildContext ctx = new BuildContext(options);
    try {
      return build(kustomizationDir, options, ctx);
    } catch (InputException e) {
      if (ctx.warnings.warnings().isEmpty()) {
        throw e;
      }
      List<Diagnostic> all = new ArrayList<>(ctx.warnings.warnings());
      all.addAll(e.diagnostics());
      throw new InputException(all);
    }
  }

  private static BuildResult build(Path kustomizationDir, BuildOptions options, BuildContext ctx) {
    FileLoader root =
        FileLoader.forRoot(
            kustomizationDir,
            options.repositoryRoot(),
            options.reads(),
            options.parsedFiles(),
            SourcePosition.of(kustomizationDir));
    KustTarget target = KustTarget.load(root, SourcePosition.none(), ctx);
    PatchSteps.offerSchema(target, ctx, true);
    SortOptions sort = sortOptions(target.kustomization());
    boolean managedBy = buildMetadata(target.kustomization());
    Accumulator ra = target.accumulateTarget(new Accumulator());
    VarTransformer vars = new VarTransformer(ra.vars(), ra.config().varReference());
    // The top-level steps, in kustomize's order (makeCustomizedResMap).
    List<Transformer> steps =
        List.of(
            new HashSuffixTransformer(),
            new NameReferenceTransformer(ra.config().nameReference()),
            vars,
            Kustomizer::dropLocalConfig,
            Kustomizer::requireUniqueIds);
    for (Transformer step : steps) {
      step.transform(ra.resources());
    }
    if (managedBy) {
      new MapEntriesTransformer(
              "labels",
              java.util.Map.of("app.kubernetes.io/managed-by", "kustomize-(devel)"),
              List.of(FieldSpec.any("metadata/labels", true)))
          .transform(ra.resources());
    }
    List<Diagnostic> warnings = new ArrayList<>(ctx.warnings.warnings());
    for (Transformer step : steps) {
      warnings.addAll(step.warnings(ra.resources()));
    }
    return new BuildResult(ra.resources(), sort, warnings);
  }

  /** Sorts as the root asked, strips what kustomize strips, and prints the stream. */
  public static String sortAndWrite(BuildResult result) {
    return output(result.resources().asList(), result.sortOptions()).yaml();
  }

  /**
   * The documents to print, in output order, with the resources they were made from: a value the
   * writers refuse is reported at its place in the resource's file.
   */
  public record Output(List<Resource> resources, List<JsonNode> documents) {
    public Output {
      resources = List.copyOf(resources);
      documents = List.copyOf(documents);
    }

    /** The YAML stream; a value Go's JSON encoder or go-yaml refuses is an input error. */
    public String yaml() {
      return YamlWriter.write(documents).orElseThrow(this::refused);
    }

    /** One compact JSON document per line ({@code --output json}); refusals as {@link #yaml}. */
    public String json() {
      return JsonStreamWriter.write(documents).orElseThrow(this::refused);
    }

    private InputException refused(List<Problem> problems) {
      return new InputException(problems.stream().map(this::refusal).toList());
    }

    /** A refused value at its place in its resource's file, with the resource's id. */
    private Diagnostic refusal(Problem p) {
      if (p instanceof Problem.InDocument d
          && d.document() >= 0
          && d.document() < resources.size()) {
        Resource r = resources.get(d.document());
        return Diagnostic.error(r.positionOf(d.pointer()), p.message() + " (" + r.id() + ")");
      }
      return Diagnostic.error(SourcePosition.none(), p.message());
    }
  }

  /**
   * The documents to print, in output order: sorted as the root kustomization asked (fifo keeps the
   * accumulation order) and cleaned of kustomize's internal annotations
   * (docs/kustomize.md#output-format). The one output path of {@code kustomize} and {@code
   * generate}.
   */
  public static Output output(List<Resource> resources, SortOptions sortOptions) {
    List<Resource> list = new ArrayList<>(resources);
    Comparator<Resource> order = sortOptions.comparator();
    if (order != null) {
      list.sort(order);
    }
    List<JsonNode> docs = new ArrayList<>(list.size());
    for (Resource r : list) {
      docs.add(OutputCleaner.clean(r));
    }
    return new Output(list, docs);
  }

  /**
   * Objects annotated {@code config.kubernetes.io/local-config} (any value but "false") are not
   * output (case 007).
   */
  static void dropLocalConfig(ResourceList resources) {
    resources.removeIf(
        r -> {
          JsonNode a = r.metadata().get("annotations");
          if (!(a instanceof ObjectNode o) || !o.has("config.kubernetes.io/local-config")) {
            return false;
          }
          JsonNode v = o.get("config.kubernetes.io/local-config");
          return !(v != null && !v.isContainer() && !v.isNull() && v.asString().equals("false"));
        });
  }

  /**
   * What is left after the local-config drop is one resource map again, so two objects with the
   * same id fail the build (docs/kustomize.md#resource-identity). Only a JSON 6902 patch or a
   * replacement that renames objects onto each other gets here: every other step checks ids itself.
   * kustomize panics at this point ({@code IgnoreLocal}); we report the second object.
   */
  static void requireUniqueIds(ResourceList resources) {
    Resource r = resources.firstRepeatedId();
    if (r != null) {
      throw new InputException(
          r.origin(),
          "may not add resource with an already registered id: "
              + r.id()
              + ": two objects end the build with the same id (a patch or replacement renamed"
              + " one onto the other)");
    }
  }

  /**
   * The root's {@code buildMetadata}: {@code managedByLabel} adds kustomize's managed-by label
   * ({@code app.kubernetes.io/managed-by}) with the version kubectl's embedded kustomize reports,
   * {@code (devel)} (checked with kubectl 1.32.4); the origin and transformer annotations are
   * refused.
   */
  private static boolean buildMetadata(Kustomization k) {
    boolean managedBy = false;
    for (Kustomization.Item<String> option : k.buildMetadata()) {
      String o = option.value();
      if (o.equals("managedByLabel")) {
        managedBy = true;
      } else if (o.equals("originAnnotations") || o.equals("transformerAnnotations")) {
        throw new InputException(
            option.place().at(),
            "buildMetadata '"
                + o
                + "' is not supported: it would write build paths into the output");
      }
      // kustomize ignores other values.
    }
    return managedBy;
  }

  private static SortOptions sortOptions(Kustomization k) {
    Kustomization.Sort so = k.sortOptions();
    if (so == null) {
      return SortOptions.legacy();
    }
    String order = so.order();
    SourcePosition at = so.place().at();
    if (!order.equals("fifo") && !order.equals("legacy")) {
      throw new InputException(
          at, "the field 'sortOptions.order' must be one of [fifo, legacy], found '" + order + "'");
    }
    boolean hasLegacy = so.hasLegacy();
    if (order.equals("fifo")) {
      if (hasLegacy) {
        throw new InputException(
            at,
            "the field 'sortOptions.legacySortOptions' is set but the selected sort order "
                + "is 'fifo', not 'legacy'");
      }
      return new SortOptions(true, List.of(), List.of());
    }
    if (!hasLegacy) {
      return SortOptions.legacy();
    }
    return new SortOptions(false, so.orderFirst(), so.orderLast());
  }
}
