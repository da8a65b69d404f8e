package dev.stonegarden.render.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diff.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

/**
 * The CI examples in deploy/ci cannot run here (they need GitHub and GitLab): they are checked to
 * be well-formed, to call platform-render with options that exist, to find their comment by the
 * marker the markdown report starts with, and to install the version the Argo CD sidecar runs.
 */
class CiExamplesTest {
  static final Path PROJECT = Path.of(System.getProperty("project.dir", "."));
  static final Path CI = PROJECT.resolve("deploy/ci");

  // `platform-render <command> ...` up to a redirection, a pipe or the end of the line.
  private static final Pattern CALL = Pattern.compile("(?m)^\\s*platform-render\\s+([^>|\\n]*)");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(String file) throws IOException {
    Object doc =
        new Load(LoadSettings.builder().build()).loadFromString(Files.readString(CI.resolve(file)));
    assertTrue(doc instanceof Map, file + ": not a mapping");
    return (Map<String, Object>) doc;
  }

  @Test
  @SuppressWarnings("unchecked")
  void gitHubWorkflowIsWellFormed() throws IOException {
    Map<String, Object> w = load("github-actions.yaml");
    assertTrue(((Map<String, Object>) w.get("on")).containsKey("pull_request"), "on.pull_request");
    assertEquals("write", ((Map<String, Object>) w.get("permissions")).get("pull-requests"));
    Map<String, Object> jobs = (Map<String, Object>) w.get("jobs");
    List<Map<String, Object>> steps =
        (List<Map<String, Object>>) ((Map<String, Object>) jobs.get("diff")).get("steps");
    Map<String, Object> checkout = steps.get(0);
    assertEquals("actions/checkout@v4", checkout.get("uses"));
    assertEquals(0, ((Map<String, Object>) checkout.get("with")).get("fetch-depth"));
    List<String> scripts = new ArrayList<>();
    for (Map<String, Object> step : steps) {
      assertTrue(
          step.containsKey("uses") ^ step.containsKey("run"), "a step uses or runs: " + step);
      if (step.get("run") instanceof String run) {
        scripts.add(run);
      }
    }
    checkScripts("github-actions.yaml", scripts);
    assertEquals(
        sidecarVersion(), ((Map<String, Object>) w.get("env")).get("PLATFORM_RENDER_VERSION"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void gitLabJobIsWellFormed() throws IOException {
    Map<String, Object> job = (Map<String, Object>) load("gitlab-ci.yaml").get("rendered-diff");
    List<Map<String, Object>> rules = (List<Map<String, Object>>) job.get("rules");
    assertTrue(
        String.valueOf(rules.get(0).get("if")).contains("merge_request_event"), rules.toString());
    Map<String, Object> variables = (Map<String, Object>) job.get("variables");
    assertEquals("0", variables.get("GIT_DEPTH"));
    assertEquals(sidecarVersion(), variables.get("PLATFORM_RENDER_VERSION"));
    List<String> scripts = new ArrayList<>();
    for (String key : List.of("before_script", "script")) {
      for (Object line : (List<Object>) job.get(key)) {
        assertTrue(line instanceof String, key + ": every entry is a shell line");
        scripts.add((String) line);
      }
    }
    checkScripts("gitlab-ci.yaml", scripts);
  }

  /** Every platform-render call parses; the comment is found by the report's marker. */
  private static void checkScripts(String file, List<String> scripts) {
    List<List<String>> calls = new ArrayList<>();
    for (String script : scripts) {
      Matcher m = CALL.matcher(script);
      while (m.find()) {
        calls.add(words(m.group(1)));
      }
    }
    assertFalse(calls.isEmpty(), file + ": no platform-render call");
    for (List<String> args : calls) {
      CommandLine cl =
          Cli.commandLine(
              new Invocation(
                  PROJECT,
                  Map.of(),
                  new PrintWriter(new StringWriter()),
                  new PrintWriter(new StringWriter())));
      CommandLine.ParseResult parsed =
          cl.parseArgs(args.toArray(String[]::new)); // throws on unknown options
      assertTrue(parsed.hasSubcommand(), file + ": " + args);
      assertEquals("diff", parsed.subcommand().commandSpec().name(), file + ": " + args);
      assertTrue(args.contains("--base-ref") && args.contains("markdown"), file + ": " + args);
    }
    String all = String.join("\n", scripts);
    assertTrue(all.contains("startswith(\"" + ReportWriter.MARKER + "\")"), file + ": marker");
  }

  /** Shell words of a simple command line: quotes removed, variables left as text. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : line.strip().toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          words.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else {
        w.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(w.toString());
    }
    return words;
  }

  /** The image tag of the sidecar in the kustomize component. */
  private static String sidecarVersion() throws IOException {
    String sidecar =
        Files.readString(
            PROJECT.resolve("deploy/kustomize/platform-render/repo-server-sidecar.yaml"));
    Matcher m =
        Pattern.compile("image: ghcr\\.io/stonegarden/platform-render:(\\S+)").matcher(sidecar);
    assertTrue(m.find(), "no sidecar image");
    return m.group(1);
  }
}
