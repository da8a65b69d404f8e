package dev.stonegarden.render.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.argocd.ProcessRunner;
import dev.stonegarden.render.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Defect 3 of issue 9: every input file goes through the one root-bound loader. A link out of the
 * repository is refused without quoting the file it points to; only regular files are read (a FIFO
 * would block forever, a device never ends); platform.yaml is never looked for above the root.
 */
// A FIFO that is opened blocks forever in native code: time out on another thread, so that such a
// regression fails instead of hanging the build.
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FileAccessTest {
  private static final String CREDENTIALS =
      "aws_access_key_id = AKIAHOSTILEIO0000000\naws_secret_access_key = s3cr3t-hostile-io\n";

  @TempDir Path tmp;
  HostileRepo repo;
  Path outside;

  @BeforeEach
  void repo() throws Exception {
    repo = HostileRepo.create(tmp, "repo");
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("credentials"), CREDENTIALS);
    // A valid file of each kind outside: it must not be used silently either.
    Files.writeString(outside.resolve("values.yaml"), "replicas: 7\n");
    Files.writeString(outside.resolve("service.yaml"), HostileRepo.SERVICE_YAML);
    Files.writeString(
        outside.resolve("platform.yaml"),
        "apiVersion: platform.stonegarden.dev/v1alpha1\nkind: Platform\nmetadata:\n  name: evil\n"
            + "spec:\n  labelDomain: evil.example\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"credentials", "values.yaml"})
  void valuesLinkedOutsideIsRefusedUnquoted(String target) {
    repo.link("svc/environments/dev/values.yaml", outside.resolve(target));
    ProcessRunner.Result r = Tool.generate(repo);
    Tool.assertRefused(r, 3, "AKIA", "s3cr3t", "replicas", outside.toString());
    assertTrue(
        r.err().startsWith("environments/dev/values.yaml:1:1: error: values.yaml resolves outside"),
        r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
  }

  @Test
  void valuesLinkedToTheProcessEnvironmentIsRefused() {
    repo.link("svc/environments/dev/values.yaml", Path.of("/proc/self/environ"));
    ProcessRunner.Result r = Tool.generate(repo);
    Tool.assertRefused(r, 3, "PATH=", "HOME=", "JAVA");
  }

  @Test
  void valuesLinkedToDevZeroIsRefusedWithoutReading() {
    repo.link("svc/environments/dev/values.yaml", Path.of("/dev/zero"));
    Tool.assertRefused(Tool.generate(repo), 3);
  }

  @Test
  void aFifoIsRefusedNotOpened() throws Exception {
    Path fifo = repo.overlay().resolve("values.yaml");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, mkfifo.waitFor());
    ProcessRunner.Result r = Tool.generate(repo);
    Tool.assertRefused(r, 3);
    assertTrue(r.err().contains("not a regular file"), r::toString);
  }

  @Test
  void serviceYamlLinkedOutsideIsRefused() throws Exception {
    Files.delete(repo.service().resolve("service.yaml"));
    repo.link("svc/service.yaml", outside.resolve("credentials"));
    ProcessRunner.Result r = Tool.generate(repo);
    Tool.assertRefused(r, 3, "AKIA", "s3cr3t", outside.toString());
    assertTrue(r.err().startsWith("service.yaml:1:1: error: "), r::toString);
  }

  @Test
  void serviceYamlLinkedToAValidFileOutsideIsNotUsed() throws Exception {
    repo.link("svc/service.yaml", outside.resolve("service.yaml"));
    Tool.assertRefused(Tool.generate(repo), 3, outside.toString());
  }

  @Test
  void platformYamlLinkedOutsideIsRefused() {
    repo.link("platform.yaml", outside.resolve("credentials"));
    Tool.assertRefused(Tool.generate(repo), 3, "AKIA", "s3cr3t", outside.toString());
  }

  @Test
  void platformYamlAboveTheRepositoryRootIsNotRead() throws Exception {
    Files.copy(outside.resolve("platform.yaml"), tmp.resolve("platform.yaml"));
    ProcessRunner.Result r = Tool.generate(repo);
    assertEquals(0, r.code(), r::toString);
    assertFalse(r.out().contains("evil.example"), r::toString);
    // Under Argo CD, with the root taken from ARGOCD_APP_SOURCE_PATH, the same.
    ProcessRunner.Result argo =
        Tool.run(
            repo.service(),
            Map.of(
                "ARGOCD_APP_NAME", "demo",
                "ARGOCD_APP_SOURCE_PATH", "svc",
                "ARGOCD_ENV_ENVIRONMENT", "dev"),
            "generate");
    assertEquals(0, argo.code(), argo::toString);
    assertFalse(argo.out().contains("evil.example"), argo::toString);
  }

  @Test
  void cmpParametersDoesNotQuoteALinkedServiceYaml() throws Exception {
    Files.delete(repo.service().resolve("service.yaml"));
    repo.link("svc/service.yaml", outside.resolve("credentials"));
    ProcessRunner.Result r =
        Tool.run(repo.service(), Map.of("ARGOCD_APP_SOURCE_PATH", "svc"), "cmp", "parameters");
    assertEquals(0, r.code(), r::toString); // the announcement still works, without environments
    assertTrue(r.out().startsWith("["), r::toString);
    assertFalse(r.err().contains("AKIA") || r.err().contains("s3cr3t"), r::toString);
    assertTrue(r.err().contains("resolves outside the repository root"), r::toString);
  }

  @Test
  void kustomizeRefusesAResourceLinkedOutsideAsKubectlDoes() {
    repo.write("svc/environments/dev/kustomization.yaml", "resources:\n- cm.yaml\n- out.yaml\n");
    repo.link("svc/environments/dev/out.yaml", outside.resolve("credentials"));
    ProcessRunner.Result r = Tool.run(repo.service(), Map.of(), "kustomize", "environments/dev");
    Tool.assertRefused(r, 3, "AKIA", "s3cr3t");
    Prerequisites.Output kubectl = Prerequisites.kustomize(repo.overlay());
    assertFalse(kubectl.ok(), kubectl::stderr);
  }
}
