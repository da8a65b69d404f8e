package dev.stonegarden.render.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.argocd.ProcessRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The picocli-free path of Argo CD's `generate` prints exactly what {@code generate} through the
 * CLI prints.
 */
class ArgoGenerateTest {
  private static final String APP_PATH = "kubernetes/services/audiobookshelf";

  @TempDir static Path tmp;
  static Path app;

  @BeforeEach
  void copy() throws IOException {
    Path example = ProcessRunner.project().resolve("examples");
    assertTrue(
        Files.isRegularFile(example.resolve(APP_PATH).resolve("service.yaml")), "no example");
    if (app == null) {
      ProcessRunner.copyTree(example, tmp.resolve("repo"));
      app = tmp.resolve("repo").resolve(APP_PATH);
    }
  }

  record Run(int code, String out, String err) {}

  private static Run run(BiFunction<String[], Invocation, Integer> entry, Map<String, String> env) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        entry.apply(
            new String[] {"generate"},
            new Invocation(app, env, new PrintWriter(out), new PrintWriter(err)));
    return new Run(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "dev|audiobookshelf-dev|",
        "staging|audiobookshelf-staging|",
        "canary|audiobookshelf-canary|",
        "production|audiobookshelf|",
        "canary|audiobookshelf-canary|v1,apps/v1",
        "dev|elsewhere|",
        "qa|audiobookshelf-qa|",
        "|audiobookshelf-dev|",
        "Dev/..|x|"
      })
  void samePathSameBytes(String environment, String namespace, String apiVersions) {
    Map<String, String> env = new HashMap<>();
    env.put("ARGOCD_APP_NAME", "audiobookshelf");
    env.put("ARGOCD_APP_SOURCE_PATH", APP_PATH);
    env.put("ARGOCD_APP_NAMESPACE", namespace);
    env.put(
        "ARGOCD_APP_PARAMETERS",
        environment == null
            ? "null"
            : "[{\"name\":\"environment\",\"string\":\"" + environment + "\"}]");
    if (apiVersions != null) {
      env.put("KUBE_API_VERSIONS", apiVersions);
    }
    Run viaCli = run(Cli::run, env);
    Run direct = run(ArgoGenerate::run, env);
    assertEquals(viaCli, direct);
    assertTrue(
        viaCli.code() == 0 ? !viaCli.out().isEmpty() : viaCli.out().isEmpty(), viaCli.toString());
  }

  @org.junit.jupiter.api.Test
  void theDebugEnvEntryTracesTheSameOnBothPaths() {
    Map<String, String> env = new HashMap<>();
    env.put("ARGOCD_APP_NAME", "audiobookshelf");
    env.put("ARGOCD_APP_SOURCE_PATH", APP_PATH);
    env.put("ARGOCD_ENV_ENVIRONMENT", "staging");
    env.put("ARGOCD_ENV_PLATFORM_RENDER_DEBUG", "true");
    Run viaCli = run(Cli::run, env);
    assertEquals(viaCli, run(ArgoGenerate::run, env));
    assertTrue(viaCli.err().contains("platform-render: canary rollout: "), viaCli.err());
  }

  /** The everyday CLI forms take the same path, with the same bytes, from another directory. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "generate --env dev repo/kubernetes/services/audiobookshelf",
        "generate repo/kubernetes/services/audiobookshelf -e canary",
        "generate --env=production repo/kubernetes/services/audiobookshelf",
        "generate --env nope repo/kubernetes/services/audiobookshelf",
        "generate --env dev repo/kubernetes/services",
        "generate --env dev",
      })
  void cliFormsSameBytes(String line) {
    String[] args = line.split(" ");
    assertTrue(ArgoGenerate.matches(args), line);
    Invocation[] invs = new Invocation[2];
    StringWriter[] outs = {new StringWriter(), new StringWriter()};
    StringWriter[] errs = {new StringWriter(), new StringWriter()};
    for (int i = 0; i < 2; i++) {
      invs[i] = new Invocation(tmp, Map.of(), new PrintWriter(outs[i]), new PrintWriter(errs[i]));
    }
    int viaCli = Cli.run(args, invs[0]);
    int direct = ArgoGenerate.run(args, invs[1]);
    assertEquals(
        new Run(viaCli, outs[0].toString(), errs[0].toString()),
        new Run(direct, outs[1].toString(), errs[1].toString()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "generate --env dev --output json",
        "generate --verbose",
        "generate --env",
        "generate --env -x",
        "generate --env a --env b",
        "generate a b",
        "generate --help",
        "validate",
      })
  void everyOtherCommandLineGoesThroughPicocli(String line) {
    assertEquals(false, ArgoGenerate.matches(line.split(" ")), line);
  }
}
