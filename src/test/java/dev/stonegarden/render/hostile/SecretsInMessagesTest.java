package dev.stonegarden.render.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.argocd.ProcessRunner;
import dev.stonegarden.render.testing.Prerequisites;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Defect 7 of issue 9: no secret in a message or an excerpt; excerpts and messages escape control
 * characters and are capped.
 */
class SecretsInMessagesTest {
  private static final String SECRET = "hunter2";
  private static final Map<String, String> ARGO = Map.of("ARGOCD_APP_NAME", "demo");

  @TempDir Path tmp;

  private HostileRepo withResource(String yaml) {
    return HostileRepo.create(tmp, "repo")
        .write("svc/environments/dev/kustomization.yaml", "resources:\n- cm.yaml\n- s.yaml\n")
        .write("svc/environments/dev/s.yaml", yaml);
  }

  private static void assertRefusedWithoutSecret(HostileRepo repo) {
    Tool.assertRefused(Tool.generate(repo), 3, SECRET);
    // Argo CD's one-line form too.
    Tool.assertRefused(Tool.run(repo.service(), ARGO, "generate", "--env", "dev"), 3, SECRET);
  }

  @Test
  void aSecretGeneratorLiteralWithATypoIsNotEchoed() {
    HostileRepo repo =
        HostileRepo.create(tmp, "repo")
            .write(
                "svc/environments/dev/kustomization.yaml",
                "resources:\n- cm.yaml\nsecretGenerator:\n- name: db\n  literals:\n"
                    + "  - \"DB_PASSWORD: hunter2\"\n");
    assertRefusedWithoutSecret(repo);
    assertFalse(Prerequisites.kustomize(repo.overlay()).ok(), "kubectl refuses it too");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "stringData:\n  password: \"hunter2\n  other: x\n", // an unclosed quote
        "stringData:\n  password: hunter2: x\n", // a colon in a plain value
        "data:\n  password: [hunter2\n", // an unclosed flow sequence
        "data:\n  password: aHVudGVyMg==\n  password: hunter2\n", // a repeated key
      })
  void aYamlErrorInsideASecretsDataShowsNoExcerpt(String data) {
    HostileRepo repo = withResource("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n" + data);
    assertRefusedWithoutSecret(repo);
    assertEquals(1, Tool.generate(repo).err().lines().count());
  }

  @Test
  void aSecretGeneratorBlockWithAYamlErrorShowsNoExcerpt() {
    HostileRepo repo =
        HostileRepo.create(tmp, "repo")
            .write(
                "svc/environments/dev/kustomization.yaml",
                "resources:\n- cm.yaml\nsecretGenerator:\n- name: db\n  literals:\n"
                    + "  - \"DB_PASSWORD=hunter2\n");
    assertRefusedWithoutSecret(repo);
  }

  @Test
  void otherErrorsKeepTheirExcerpt() {
    HostileRepo repo =
        withResource("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\ndata:\n  a: b: c\n");
    ProcessRunner.Result r = Tool.generate(repo);
    Tool.assertRefused(r, 3);
    assertEquals(
        "environments/dev/s.yaml:6:7: error: mapping values are not allowed here (check the"
            + " indentation, or quote a value that contains ': ')\n  a: b: c\n      ^\n",
        r.err());
  }

  @Test
  void controlCharactersAreEscapedInMessagesAndExcerpts() {
    HostileRepo repo =
        withResource(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\ndata:\n  a\u001b[31mb: c\u0000\n");
    ProcessRunner.Result r = Tool.generate(repo);
    Tool.assertRefused(r, 3);
    assertFalse(r.err().contains("\u001b") || r.err().contains("\u0000"), r::toString);
    assertTrue(r.err().contains("a\\x1b[31mb"), r::toString);
  }

  @Test
  void aFileNameWithNewlinesCannotForgeADiagnosticLine() {
    HostileRepo repo =
        HostileRepo.create(tmp, "repo")
            .write(
                "svc/environments/dev/kustomization.yaml",
                "resources:\n- cm.yaml\n- \"x\\nforged.yaml:1:1: error: all is well\\ny.yaml\"\n");
    ProcessRunner.Result r = Tool.generate(repo);
    Tool.assertRefused(r, 3);
    assertTrue(r.err().lines().noneMatch(l -> l.startsWith("forged.yaml")), r::toString);
    ProcessRunner.Result argo = Tool.run(repo.service(), ARGO, "generate", "--env", "dev");
    assertEquals(1, argo.err().lines().count(), argo::toString);
  }

  @Test
  void excerptsAndMessagesAreCapped() {
    // One 60,000-character line with the error at its end.
    String value = "v".repeat(60_000);
    HostileRepo repo =
        withResource(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\ndata:\n  a: "
                + value
                + ": c\n");
    ProcessRunner.Result r = Tool.generate(repo);
    Tool.assertRefused(r, 3);
    assertTrue(r.err().lines().allMatch(l -> l.length() <= 1_100), r::toString);
    assertTrue(r.err().length() < 2_000, () -> "stderr has " + r.err().length() + " characters");
  }
}
