package dev.stonegarden.render.cli;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.kargo.KargoPipeline;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.Values;
import dev.stonegarden.render.service.ValuesReader;
import dev.stonegarden.render.yaml.YamlWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code kargo [DIR or ROOT]}: the Kargo pipeline of each service found (docs/promotion.md#kargo),
 * for teams that automate promotion.
 */
@Command(
    name = "kargo",
    mixinStandardHelpOptions = true,
    description =
        "Print the Kargo pipeline of the service in DIR, or of every service below ROOT: a Project,"
            + " a Warehouse and one Stage per environment whose promotion does what `promote` does.")
final class KargoCommand implements Callable<Integer> {
  private final Invocation inv;

  @Mixin CommonOptions common;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description =
          "A service directory, or a directory with services below it (default: the working"
              + " directory).")
  String dir = ".";

  @Option(
      names = "--repo-root",
      paramLabel = "DIR",
      description = "The repository root (paths in the steps are relative to it).")
  String repoRoot;

  KargoCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    Workspace ws = Workspace.of(inv, dir, repoRoot, ArgoEnvironment.from(inv.env()));
    Path root = ws.root();
    Problems problems = new Problems();
    List<String> notes = new ArrayList<>();
    List<ObjectNode> documents = new ArrayList<>();
    EnvironmentRenderer renderer = new EnvironmentRenderer(common.verbose() ? inv.err() : null);
    for (Path serviceYaml : ws.services()) {
      problems.collect(() -> documents.addAll(service(serviceYaml, root, renderer, notes)));
    }
    if (problems.hasErrors()) {
      throw new InputException(problems.all());
    }
    notes.stream().distinct().forEach(n -> inv.err().println("note: " + n));
    inv.out().print(YamlWriter.write(documents).value());
    return ExitCode.OK;
  }

  private List<ObjectNode> service(
      Path serviceYaml, Path root, EnvironmentRenderer renderer, List<String> notes) {
    PlatformSettings platform = PlatformReader.find(serviceYaml.getParent(), root);
    ServiceSpec spec = ServiceReader.read(serviceYaml, platform);
    if (platform.argocd().repoURL().isEmpty()) {
      throw new InputException(
          platform.file() == null ? SourcePosition.none() : SourcePosition.of(platform.file()),
          "kargo needs spec.argocd.repoURL in platform.yaml: the repository the Stages clone");
    }
    Problems problems = new Problems();
    Map<String, ResourceList> rendered = new LinkedHashMap<>();
    Map<String, Values> values = new LinkedHashMap<>();
    for (ServiceSpec.Environment env : spec.environments()) {
      problems.collect(
          () -> {
            rendered.put(
                env.name(),
                renderer.build(spec, env, platform, root, ArgoEnvironment.none()).resources());
            values.put(
                env.name(),
                ValuesReader.read(
                    spec.serviceDirectory()
                        .resolve("environments")
                        .resolve(env.name())
                        .resolve(ValuesReader.FILE_NAME)));
          });
    }
    List<Diagnostic> errors = problems.all().stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      throw new InputException(errors);
    }
    if (!platform.kargo().enabled()) {
      notes.add(
          "platform.yaml kargo.enabled is false: the Applications appset generates lack "
              + KargoPipeline.AUTHORIZED_STAGE
              + ", and Kargo's argocd-update step will be refused until it is true");
    }
    for (ServiceSpec.Environment env : spec.environments()) {
      if (values.get(env.name()).file() == null) {
        notes.add(
            spec.name()
                + " has no environments/"
                + env.name()
                + "/values.yaml: Kargo's yaml-update needs one (`platform-render promote` creates"
                + " it)");
      }
    }
    if (spec.sla() == null) {
      notes.add(spec.name() + " has no sla: its Stages verify nothing after a promotion");
    }
    String path =
        root.toAbsolutePath()
            .normalize()
            .relativize(spec.serviceDirectory().toAbsolutePath().normalize())
            .toString()
            .replace('\\', '/');
    return KargoPipeline.objects(new KargoPipeline.Input(spec, platform, path, rendered, values));
  }
}
