package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stonegarden.render.diag.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A values.yaml written as a Helm chart's: each Helm habit is named with what to write instead. */
class HelmKeysTest {
  @TempDir Path tmp;

  private List<String> problems(String yaml) throws Exception {
    Path f = tmp.resolve("values.yaml");
    Files.writeString(f, yaml);
    InputException e = assertThrows(InputException.class, () -> ValuesReader.read(f));
    return e.diagnostics().stream()
        .map(d -> d.at().line() + ":" + d.at().column() + " " + d.message())
        .toList();
  }

  @Test
  void helmKeysGetTheirValuesYamlNames() throws Exception {
    assertEquals(
        List.of(
            "1:1 unknown key \"replicaCount\" at the top level; did you mean \"replicas\"?",
            "3:3 unknown key \"repository\" in image; values.yaml sets only image.tag: set the"
                + " image's repository in the overlay (kustomize images: or the manifest)",
            "5:3 unknown key \"pullPolicy\" in image; values.yaml sets only image.tag: set the"
                + " image's pullPolicy in the overlay (kustomize images: or the manifest)",
            "6:1 unknown key \"extraEnv\" at the top level; did you mean \"env\"?",
            "8:1 unknown key \"nodeSelector\" at the top level; values.yaml is not a Helm chart's"
                + " values file: it sets image.tag, replicas, resources, env and workloads; set"
                + " nodeSelector in the environment's kustomize overlay",
            "12:5 unknown key \"replicaCount\" in workloads.worker; did you mean \"replicas\"?",
            "14:7 unknown key \"version\" in workloads.worker.image; did you mean \"tag\"?"),
        problems(
            """
            replicaCount: 2
            image:
              repository: ghcr.io/example/app
              tag: "1.2.3"
              pullPolicy: IfNotPresent
            extraEnv:
              LOG_LEVEL: debug
            nodeSelector:
              disk: ssd
            workloads:
              worker:
                replicaCount: 1
                image:
                  version: "1.2.4"
            """));
  }

  @Test
  void otherUnknownKeysStillGetTheNearestSpelling() throws Exception {
    assertEquals(
        List.of("1:1 unknown key \"replica\" at the top level; did you mean \"replicas\"?"),
        problems("replica: 2\n"));
  }
}
