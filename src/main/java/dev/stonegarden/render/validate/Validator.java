package dev.stonegarden.render.validate;

import dev.stonegarden.render.appset.AppSetChecks;
import dev.stonegarden.render.appset.AppSetFiles;
import dev.stonegarden.render.appset.ApplicationSetGenerator;
import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.promote.PipelineOrder;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.TypoCheck;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code validate}'s pipeline, next to {@code generate}'s {@link EnvironmentRenderer}: every
 * service, every environment, every check, all problems at once (docs/rendering.md#validate).
 *
 * @param trace where {@code --verbose} traces the renders, or null
 * @param strictOrder a stage running ahead of the one before it is an error, not a warning
 */
public record Validator(PrintWriter trace, boolean strictOrder) {

  /**
   * What a successful validation found.
   *
   * @param environments the number of environments checked
   * @param warnings the warnings, each once
   */
  public record Result(int environments, List<Diagnostic> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Validates {@code services} (found at or below {@code start}) inside {@code root}.
   *
   * @throws InputException with every problem (errors and warnings, each once) when any is an error
   */
  public Result validate(List<Path> services, Path start, Path root) {
    Problems problems = new Problems();
    int[] environments = {0};
    for (Path serviceYaml : services) {
      // One service's failure is collected, and the next service is checked all the same.
      problems.collect(() -> environments[0] += validateService(serviceYaml, root, problems));
    }
    // The Argo CD objects of the repository (docs/appset.md#validate).
    for (Path serviceYaml : services) {
      problems.collect(() -> problems.addAll(committedApplicationSet(serviceYaml, root)));
    }
    Path dir = Files.isDirectory(start) ? start : start.getParent();
    problems.collect(
        () ->
            problems.addAll(
                AppSetChecks.pluginPaths(dir, PlatformReader.find(dir, root).argocd().plugin())));
    // A base shared by several environments reports the same problem once per environment: say it
    // once.
    List<Diagnostic> distinct = problems.all().stream().distinct().toList();
    if (problems.hasErrors()) {
      throw new InputException(distinct);
    }
    return new Result(environments[0], distinct);
  }

  /**
   * A committed {@code applicationset.yaml} next to {@code serviceYaml} compared with what {@code
   * appset --write} would write; the committed file's repository URL is used when platform.yaml
   * names none.
   */
  static List<Diagnostic> committedApplicationSet(Path serviceYaml, Path root) {
    Path file = serviceYaml.getParent().resolve(AppSetFiles.APPLICATIONSET_FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    ApplicationSetGenerator.Output output =
        new ApplicationSetGenerator()
            .generate(List.of(serviceYaml), root, null, AppSetChecks.committedRepoUrl(file));
    return AppSetChecks.committedApplicationSet(
        file, AppSetFiles.applicationSetText(output.services().get(0).applicationSet()));
  }

  /**
   * Everything that is checked for one service: its service.yaml and platform.yaml, then the full
   * render of every environment (as {@code generate} would do it outside Argo CD), with {@link
   * TypoCheck} on every rendered object, then the pipeline order check
   * (docs/promotion.md#the-pipeline-order-check) over the environments that rendered. Warnings go
   * into {@code problems}; a service whose service.yaml is broken is not rendered (its errors would
   * only repeat).
   *
   * @return the number of environments checked
   */
  private int validateService(Path serviceYaml, Path repoRoot, Problems problems) {
    PlatformSettings platform = PlatformReader.find(serviceYaml.getParent(), repoRoot);
    ServiceSpec spec =
        ServiceReader.read(
            RootedFiles.at(repoRoot == null ? serviceYaml.getParent() : repoRoot),
            serviceYaml,
            platform,
            problems);
    EnvironmentRenderer renderer = new EnvironmentRenderer(trace);
    Map<String, ResourceList> rendered = new LinkedHashMap<>();
    for (ServiceSpec.Environment env : spec.environments()) {
      problems.collect(
          () -> {
            EnvironmentRenderer.Built built =
                renderer.build(spec, env, platform, repoRoot, ArgoEnvironment.none());
            rendered.put(env.name(), built.resources());
            problems.addAll(built.warnings());
            for (Resource resource : built.resources()) {
              problems.addAll(TypoCheck.check(resource));
            }
          });
    }
    problems.addAll(PipelineOrder.check(spec, platform, rendered, strictOrder));
    return spec.environments().size();
  }
}
