package dev.stonegarden.render.cli;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.argocd.RepositoryRoot;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.promote.AtomicWrites;
import dev.stonegarden.render.promote.ImageRef;
import dev.stonegarden.render.scaffold.ServiceScaffold;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code new NAME --team T [--image IMAGE] [ROOT]}: scaffolds {@code services/NAME} for the
 * platform's pipeline; it renders and validates as it is (docs/promotion.md#new-services).
 */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description =
        "Scaffold services/NAME below ROOT: service.yaml for the platform's pipeline, a base"
            + " (Deployment, Service, HPA) and one overlay with values.yaml per stage.")
final class NewCommand implements Callable<Integer> {
  private final Invocation inv;

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "NAME", description = "The service name (DNS-1123 label).")
  String name;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "ROOT",
      description =
          "The platform directory (default: the nearest directory up from here with a services/"
              + " folder or a platform.yaml).")
  String root;

  @Option(
      names = "--team",
      required = true,
      paramLabel = "T",
      description = "The owning team (DNS-1123 label).")
  String team;

  @Option(
      names = "--image",
      paramLabel = "IMAGE",
      description =
          "The container image with its tag or digest (default: a placeholder,"
              + " registry.example.com/<team>/<name>:0.1.0).")
  String image;

  @Option(
      names = "--repo-root",
      paramLabel = "DIR",
      description = "The repository root (bounds the search for platform.yaml).")
  String repoRoot;

  NewCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    label("NAME", name);
    label("--team", team);
    String img =
        image != null
            ? image
            : ServiceScaffold.PLACEHOLDER_REGISTRY + "/" + team + "/" + name + ":0.1.0";
    ImageRef ref = ImageRef.parse(img);
    if (ref.version() == null || ref.repository().isEmpty() || img.contains(" ")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--image needs a tag or a digest (e.g. ghcr.io/acme/" + name + ":1.0.0), found " + img);
    }
    Path base = root != null ? inv.resolve(root) : nearestRoot(inv.workingDirectory());
    Path dir = base.resolve("services").resolve(name);
    if (Files.exists(dir)) {
      throw new InputException(
          SourcePosition.of(dir),
          "already exists: new never overwrites a service; pick another name");
    }
    Path bound =
        RepositoryRoot.find(
            inv.workingDirectory(),
            base,
            ArgoEnvironment.none(),
            repoRoot == null ? null : inv.resolve(repoRoot));
    PlatformSettings platform = PlatformReader.find(base, bound);
    for (String stage : platform.pipeline()) {
      String ns = ServiceScaffold.namespace(name, stage, platform.pipeline());
      if (!ServiceScaffold.DNS_1123_LABEL.matcher(ns).matches()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "NAME is too long: the namespace of stage "
                + stage
                + ", "
                + ns
                + ", exceeds 63 characters");
      }
    }
    Map<String, String> files = ServiceScaffold.files(name, team, img, ref.version(), platform);
    AtomicWrites writes = new AtomicWrites();
    files.forEach((path, text) -> writes.add(dir.resolve(path), text));
    writes.commit();
    String shown = inv.printer().displayPath(dir);
    for (String path : files.keySet()) {
      inv.out().println(shown + "/" + path);
    }
    inv.err()
        .println(
            "note: next: set the image in "
                + shown
                + "/environments/"
                + platform.pipeline().get(0)
                + "/values.yaml, then `platform-render validate "
                + shown
                + "`");
    return ExitCode.OK;
  }

  private void label(String what, String value) {
    if (!ServiceScaffold.DNS_1123_LABEL.matcher(value).matches()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          what
              + " must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending"
              + " with a letter or digit, at most 63 characters), found \""
              + value
              + "\"");
    }
  }

  /** The nearest directory from {@code start} up that has a services/ folder or a platform.yaml. */
  private static Path nearestRoot(Path start) {
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("services"))
          || Files.isRegularFile(p.resolve(PlatformReader.FILE_NAME))) {
        return p;
      }
    }
    return start;
  }
}
