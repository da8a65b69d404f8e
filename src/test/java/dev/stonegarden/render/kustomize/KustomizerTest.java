package dev.stonegarden.render.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public API the {@code generate} path uses, and the repository-root bound it adds. */
class KustomizerTest {
  @TempDir Path tmp;

  private Path write(String rel, String text) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void buildReturnsUnsortedResourcesAndSortAndWritePrintsKustomizeOrder() throws IOException {
    write("repo/app/kustomization.yaml", "resources: [d.yaml, ns.yaml]\n");
    write("repo/app/d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n");
    write("repo/app/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n");
    BuildResult r = Kustomizer.build(tmp.resolve("repo/app"), BuildOptions.defaults());
    assertEquals("Deployment", r.resources().get(0).kind());
    assertEquals(
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: ns
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        """,
        Kustomizer.sortAndWrite(r));
  }

  @Test
  void theRepositoryRootBoundsBasesThatKustomizeItselfWouldAllow() throws IOException {
    write("shared/kustomization.yaml", "resources: [cm.yaml]\n");
    write("shared/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    write("repo/app/kustomization.yaml", "resources: [../../shared]\n");
    Path app = tmp.resolve("repo/app");
    assertEquals(1, Kustomizer.build(app, BuildOptions.defaults()).resources().size());
    InputException e =
        assertThrows(
            InputException.class,
            () -> Kustomizer.build(app, new BuildOptions(tmp.resolve("repo"))));
    assertTrue(
        e.diagnostics().get(0).message().contains("outside the repository root"),
        e.diagnostics().get(0).message());
  }

  @Test
  void annotationValuesKeepTheTextTheyHadInTheFile() throws IOException {
    // kubectl kustomize 5.5.0 prints these exact strings (checked by hand).
    write("repo/app/kustomization.yaml", "resources: [c.yaml]\n");
    write(
        "repo/app/c.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n"
            + "    a: 1.10\n    b: 0x1F\n    c: True\n    d: 2024-01-01\n    e: {x: 1}\n");
    String out =
        Kustomizer.sortAndWrite(Kustomizer.build(tmp.resolve("repo/app"), BuildOptions.defaults()));
    assertTrue(
        out.contains("    a: \"1.10\"\n    b: \"0x1F\"\n    c: \"True\"\n    d: \"2024-01-01\"\n"),
        out);
  }

  @Test
  void annotationKeysThatKustomizeRetypesAsNonStringsFailTheBuild() throws IOException {
    // kubectl kustomize 5.5.0 fails on each of these quoted keys (json: unsupported type), case
    // 147;
    // a date-like key too, although its resolved value prints as a string.
    for (String key : List.of("\"1\"", "\"true\"", "\"2024-01-01\"", "\"~\"")) {
      write("repo/app/kustomization.yaml", "resources: [c.yaml]\n");
      write(
          "repo/app/c.yaml",
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    "
              + key
              + ": x\n");
      BuildResult built = Kustomizer.build(tmp.resolve("repo/app"), BuildOptions.defaults());
      InputException e =
          assertThrows(InputException.class, () -> Kustomizer.sortAndWrite(built), key);
      assertTrue(
          e.diagnostics().get(0).message().contains("is not a string"),
          e.diagnostics().get(0).message());
    }
    write(
        "repo/app/c.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n"
            + "    \"1.2.3\": x\n    \"plain\": y\n");
    String out =
        Kustomizer.sortAndWrite(Kustomizer.build(tmp.resolve("repo/app"), BuildOptions.defaults()));
    assertTrue(out.contains("    1.2.3: x\n    plain: \"y\"\n"), out); // as kubectl prints it
  }

  @Test
  void aFileOfTwentyThousandObjectsBuilds() throws IOException {
    // The id check on append used to compare every new object with every object already there
    // (20,000 ConfigMaps took 19 s); its scaling is measured by bench/scaling.sh.
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      many.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-")
          .append(i)
          .append("\n");
    }
    write("repo/app/kustomization.yaml", "resources: [many.yaml]\n");
    write("repo/app/many.yaml", many.toString());
    BuildResult built = Kustomizer.build(tmp.resolve("repo/app"), BuildOptions.defaults());
    assertEquals(20_000, built.resources().size());
    assertEquals("cm-19999", built.resources().get(19_999).body().at("/metadata/name").asString());
  }

  @Test
  void nameReferencesOverTenThousandReferrers() throws IOException {
    // Each referrer used to filter every object for its candidates (5,000 took 6 s); candidates
    // per namespace are now computed once. Its scaling is measured by bench/scaling.sh.
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      many.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d-")
          .append(i)
          .append(
              "\nspec:\n  template:\n    spec:\n      volumes:\n      - name: c\n        configMap: {name: settings}\n");
    }
    write(
        "repo/app/kustomization.yaml",
        "namePrefix: p-\nresources: [many.yaml]\n"
            + "configMapGenerator:\n- name: settings\n  literals: [a=b]\n");
    write("repo/app/many.yaml", many.toString());
    BuildResult built = Kustomizer.build(tmp.resolve("repo/app"), BuildOptions.defaults());
    String ref =
        built
            .resources()
            .get(9_999)
            .body()
            .at("/spec/template/spec/volumes/0/configMap/name")
            .asString();
    assertTrue(ref.startsWith("p-settings-"), ref);
  }

  @Test
  void twoObjectsThatEndTheBuildWithOneIdAreAnErrorAtTheSecond() throws IOException {
    write(
        "app/kustomization.yaml",
        """
        resources: [cms.yaml]
        patches:
        - target: {kind: ConfigMap}
          patch: '[{"op": "replace", "path": "/metadata/name", "value": "same"}]'
        """);
    write(
        "app/cms.yaml",
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: one}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: two}
        """);
    InputException e =
        assertThrows(
            InputException.class,
            () -> Kustomizer.build(tmp.resolve("app"), BuildOptions.defaults()));
    var d = e.diagnostics().get(0);
    assertTrue(
        d.message()
            .startsWith(
                "may not add resource with an already registered id: ConfigMap.v1.[noGrp]/same"),
        d.message());
    assertEquals(5, d.at().line()); // the second document
  }
}
