package dev.stonegarden.render.appset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.argocd.ProcessRunner;
import dev.stonegarden.render.service.ServiceFinder;
import dev.stonegarden.render.yaml.YamlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code deploy/examples/} is generated output, never hand-written: the example service's {@code
 * applicationset.yaml} (what {@code appset --write} writes), its team's {@code appproject.yaml},
 * and {@code application.yaml}, the Application the ApplicationSet generates for staging (expanded
 * as the ApplicationSet controller does, {@link ApplicationSetExpansionTest#expand}). {@code
 * -Dupdate} rewrites them; read every changed line before committing.
 */
class DeployExamplesTest {
  private static final Path PROJECT = ProcessRunner.project();
  private static final Path EXAMPLES = PROJECT.resolve("deploy/examples");

  static final String APPLICATION_HEADER =
      "# The Application that applicationset.yaml generates for staging, expanded as the\n"
          + "# ApplicationSet controller does (generated; DeployExamplesTest keeps it equal).\n";

  private static void check(Path file, String expected) throws IOException {
    if (System.getProperty("update") != null && System.getenv("CI") == null) {
      Files.writeString(file, expected);
    }
    assertEquals(expected, Files.readString(file), PROJECT.relativize(file).toString());
  }

  @Test
  void examplesAreWhatAppsetGenerates() throws IOException {
    ApplicationSetGenerator.Output output =
        new ApplicationSetGenerator()
            .generate(
                ServiceFinder.find(PROJECT.resolve("examples/kubernetes/services/audiobookshelf")),
                PROJECT.resolve("examples"),
                null,
                null);
    ObjectNode set = output.services().get(0).applicationSet();
    check(EXAMPLES.resolve("applicationset.yaml"), AppSetFiles.applicationSetText(set));
    Map<Path, String> files = AppSetFiles.files(output, EXAMPLES);
    check(
        EXAMPLES.resolve("appproject.yaml"),
        files.get(EXAMPLES.resolve("teams/product/appproject.yaml")));
    ObjectNode staging =
        ApplicationSetExpansionTest.expand(set).stream()
            .filter(a -> a.at("/metadata/name").stringValue().equals("audiobookshelf-staging"))
            .findFirst()
            .orElseThrow();
    check(
        EXAMPLES.resolve("application.yaml"),
        APPLICATION_HEADER + YamlWriter.write(List.of(staging)).value());
  }
}
