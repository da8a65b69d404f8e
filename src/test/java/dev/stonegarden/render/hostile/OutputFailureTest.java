package dev.stonegarden.render.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.argocd.ProcessRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Defect 1 of issue 9: a write to stdout that fails (full disk, closed stream, broken pipe, file
 * size limit) is exit 4 with one line on stderr, never exit 0 with a cut stream.
 */
class OutputFailureTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "generate --env dev",
        "kustomize environments/dev",
        "schema service",
        "cmp parameters",
        "--help"
      })
  void everyCommandReportsAFailedWrite(String commandLine) {
    HostileRepo repo = HostileRepo.create(tmp, "repo");
    StringWriter err = new StringWriter();
    int code =
        Tool.run(
            repo.service(),
            Map.of(),
            new PrintWriter(Tool.failingAfter(10)),
            new PrintWriter(err),
            commandLine.split(" "));
    Tool.assertOneLineFault(new ProcessRunner.Result(code, "", err.toString()));
    assertTrue(
        err.toString().startsWith("error: cannot write the output to stdout"), err::toString);
  }

  @Test
  void argoCdsFastPathReportsAFailedWrite() {
    HostileRepo repo = HostileRepo.create(tmp, "repo");
    StringWriter err = new StringWriter();
    Map<String, String> env =
        Map.of(
            "ARGOCD_APP_NAME", "demo",
            "ARGOCD_APP_SOURCE_PATH", "svc",
            "ARGOCD_ENV_ENVIRONMENT", "dev");
    int code =
        Tool.run(
            repo.service(),
            env,
            new PrintWriter(Tool.failingAfter(10)),
            new PrintWriter(err),
            "generate");
    Tool.assertOneLineFault(new ProcessRunner.Result(code, "", err.toString()));
  }

  @Test
  void devFullIsNotASuccess() {
    HostileRepo repo = HostileRepo.create(tmp, "repo");
    ProcessRunner.Result r =
        Tool.process(repo.service(), Map.of(), "tool generate --env dev >/dev/full");
    Tool.assertOneLineFault(r);
  }

  @Test
  void closedStdoutIsNotASuccess() {
    HostileRepo repo = HostileRepo.create(tmp, "repo");
    ProcessRunner.Result r = Tool.process(repo.service(), Map.of(), "tool schema service >&-");
    Tool.assertOneLineFault(r);
  }

  @Test
  void fileSizeLimitIsNotASuccess() throws Exception {
    // 6,000 bytes of output against a limit of 2 KiB (ulimit -f counts 1,024-byte blocks).
    HostileRepo repo = HostileRepo.create(tmp, "repo");
    repo.write(
        "svc/environments/dev/cm.yaml",
        HostileRepo.CONFIG_MAP.replace("a: b", "a: " + "x".repeat(6_000)));
    ProcessRunner.Result r =
        Tool.process(
            repo.service(), Map.of(), "ulimit -f 2; tool generate --env dev >" + tmp + "/out");
    Tool.assertOneLineFault(r);
    assertEquals(2048, Files.size(tmp.resolve("out")), "the limit cut the stream");
  }
}
