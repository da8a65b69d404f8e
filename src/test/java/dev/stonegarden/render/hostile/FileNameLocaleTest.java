package dev.stonegarden.render.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.argocd.ProcessRunner;
import dev.stonegarden.render.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 2 of issue 9: non-ASCII file names. The JVM decodes them with the locale's charset, so
 * everything that starts it sets a UTF-8 locale; started under {@code LC_ALL=C} anyway, an unusable
 * name is a positioned exit 3, never a crash.
 */
class FileNameLocaleTest {
  private static final String PVC =
      """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
      spec:
        resources:
          requests:
            storage: 1Gi
      """;

  @TempDir Path tmp;

  // The non-ASCII names are made by bash from ASCII escapes: this test JVM may itself run under a
  // locale in which it cannot name them.
  private static final String CAFE = "$'caf\\303\\251'";

  private HostileRepo repo() {
    HostileRepo repo =
        HostileRepo.create(tmp, "repo")
            .write(
                "svc/environments/dev/kustomization.yaml",
                "resources:\n- cm.yaml\n- pvc-café.yaml\n")
            .write("svc/environments/dev/pvc.yaml", PVC);
    ProcessRunner.Result mv =
        Tool.process(repo.overlay(), Map.of(), "mv pvc.yaml pvc-" + CAFE + ".yaml");
    assertEquals(0, mv.code(), mv::toString);
    return repo;
  }

  @Test
  void underAUtf8LocaleANonAsciiNameRendersAsKubectlRendersIt() {
    HostileRepo repo = repo();
    ProcessRunner.Result r =
        Tool.process(
            repo.service(), Map.of("LC_ALL", "C.UTF-8"), "tool kustomize environments/dev");
    assertEquals(0, r.code(), r::toString);
    Prerequisites.Output kubectl = Prerequisites.kustomize(repo.overlay());
    assertEquals(kubectl.stdout(), r.out());
    ProcessRunner.Result g =
        Tool.process(repo.service(), Map.of("LC_ALL", "C.UTF-8"), "tool generate --env dev");
    assertEquals(0, g.code(), g::toString);
    assertTrue(g.out().contains("kind: PersistentVolumeClaim"), g::toString);
  }

  @Test
  void underLcAllCAnUnusableNameIsAPositionedExit3() {
    HostileRepo repo = repo();
    for (String command : List.of("tool generate --env dev", "tool kustomize environments/dev")) {
      ProcessRunner.Result r = Tool.process(repo.service(), Map.of("LC_ALL", "C"), command);
      Tool.assertRefused(r, 3);
      assertTrue(
          r.err()
              .startsWith("environments/dev/kustomization.yaml:3:3: error: cannot load resource"),
          r::toString);
    }
  }

  @Test
  void underLcAllCANonAsciiServiceDirectoryIsAPositionedExit3() throws Exception {
    HostileRepo.create(tmp, "repo");
    ProcessRunner.Result r =
        Tool.process(
            tmp,
            Map.of("LC_ALL", "C"),
            "mv repo " + CAFE + " && cd " + CAFE + "/svc && tool generate --env dev");
    Tool.assertRefused(r, 3);
    assertTrue(r.err().contains("run with LC_ALL=C.UTF-8"), r::toString);
  }

  @Test
  void theLauncherChoosesAUtf8LocaleUnlessItHasOne() throws Exception {
    String launcher = Files.readString(ProcessRunner.project().resolve("bin/platform-render"));
    Matcher line = Pattern.compile("(?m)^case \\$\\{LC_ALL.*$").matcher(launcher);
    assertTrue(line.find(), "the launcher sets the locale");
    for (String[] c :
        new String[][] {
          {"LANG", "C", "C.UTF-8"},
          {"LC_ALL", "POSIX", "C.UTF-8"},
          {"LANG", "en_US.UTF-8", ""},
          {"LC_ALL", "de_DE.utf8", "de_DE.utf8"}
        }) {
      ProcessRunner.Result r =
          Tool.process(tmp, Map.of(c[0], c[1]), line.group() + "\nprintf %s \"${LC_ALL:-}\"");
      assertEquals(c[2], r.out(), () -> String.join("=", c) + ": " + r);
    }
  }

  @Test
  void imagesAndManifestsSetAUtf8Locale() throws Exception {
    Path project = ProcessRunner.project();
    String dockerfile = Files.readString(project.resolve("Dockerfile"));
    assertEquals(
        2,
        Pattern.compile("(?m)^ENV .*LC_ALL=C\\.UTF-8").matcher(dockerfile).results().count(),
        "both image targets");
    for (String manifest :
        List.of(
            "deploy/kustomize/platform-render/repo-server-sidecar.yaml",
            "deploy/helm-values.yaml")) {
      String text = Files.readString(project.resolve(manifest));
      assertTrue(
          Pattern.compile("- name: LC_ALL\\n\\s+value: C\\.UTF-8").matcher(text).find(), manifest);
    }
  }
}
