package dev.stonegarden.render.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --all}: the same bytes as single renders, whatever the thread count; published as
 * a whole; a broken service fails the run, is reported with the others' problems, and leaves OUT as
 * it was.
 */
class GenerateAllTest {
  /** What generate --all writes for the example repository, in the tree's order. */
  private static final List<String> EXAMPLE_FILES =
      List.of(
          "audiobookshelf/canary.yaml",
          "audiobookshelf/dev.yaml",
          "audiobookshelf/production.yaml",
          "audiobookshelf/staging.yaml",
          "catalog/canary.yaml",
          "catalog/dev.yaml",
          "checkout/canary.yaml",
          "checkout/dev.yaml",
          "checkout/production.yaml",
          "checkout/staging.yaml",
          "gallery/canary.yaml",
          "gallery/dev.yaml",
          "ledger/canary.yaml",
          "ledger/dev.yaml",
          "n8n/dev.yaml",
          "n8n/production.yaml",
          "n8n/staging.yaml",
          "storefront/canary.yaml",
          "storefront/dev.yaml",
          "storefront/production.yaml");

  static final Path EXAMPLE =
      Path.of(System.getProperty("project.dir", "."), "examples", "kubernetes");

  @TempDir Path tmp;
  Path repo;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void copyExample() throws IOException {
    repo = tmp.resolve("repo");
    copyTree(EXAMPLE, repo);
    Files.writeString(repo.resolve(".git"), "gitdir: elsewhere\n"); // the repository root
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Cli.run(args, new Invocation(tmp, Map.of(), new PrintWriter(out), new PrintWriter(err)));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void everyFileIsTheSingleRenderByteForByte() throws IOException {
    Run all = run("generate", "--all", "repo", "--output-dir", "out");
    assertEquals(0, all.exit(), all.err());
    assertEquals("", all.out());
    Map<String, String> files = tree(tmp.resolve("out"));
    assertEquals(EXAMPLE_FILES, List.copyOf(files.keySet()));
    for (Map.Entry<String, String> f : files.entrySet()) {
      String service = f.getKey().substring(0, f.getKey().indexOf('/'));
      String env = f.getKey().substring(service.length() + 1, f.getKey().length() - 5);
      Run single = run("generate", "--env", env, "repo/services/" + service);
      assertEquals(0, single.exit(), single.err());
      assertEquals(single.out(), f.getValue(), f.getKey());
    }
    // One line per service on stderr when it is not a terminal.
    // Lines come in the order services finish, which depends on the threads.
    assertTrue(all.err().contains("] n8n: 3 environments rendered\n"), all.err());
    assertTrue(all.err().contains("] audiobookshelf: 4 environments rendered\n"), all.err());
    assertTrue(all.err().contains("] checkout: 4 environments rendered\n"), all.err());
  }

  @Test
  void aProgressBarWhenStderrIsATerminal() {
    StringWriter err = new StringWriter();
    int exit =
        Cli.run(
            new String[] {"generate", "--all", "repo", "--output-dir", "out", "--threads", "1"},
            new Invocation(
                tmp, Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err), true));
    assertEquals(0, exit, err.toString());
    StringBuilder bars = new StringBuilder();
    for (int i = 1; i <= 7; i++) {
      int filled = i * 30 / 7;
      bars.append("\r[")
          .append("#".repeat(filled))
          .append(".".repeat(30 - filled))
          .append("] ")
          .append(i)
          .append("/7 services");
    }
    assertTrue(err.toString().startsWith(bars + "\n"), err.toString());
  }

  @Test
  void jsonFilesAreGenerateOutputJson() throws IOException {
    Run all = run("generate", "--all", "repo", "--output-dir", "out", "--output", "json");
    assertEquals(0, all.exit(), all.err());
    Run single = run("generate", "--env", "dev", "repo/services/n8n", "--output", "json");
    assertEquals(single.out(), Files.readString(tmp.resolve("out/n8n/dev.json")));
    assertFalse(Files.exists(tmp.resolve("out/n8n/dev.yaml")));
  }

  @Test
  void sameBytesAcrossRunsAndThreadCounts() throws IOException {
    assertEquals(
        0, run("generate", "--all", "repo", "--output-dir", "one", "--threads", "1").exit());
    assertEquals(
        0, run("generate", "--all", "repo", "--output-dir", "four", "--threads", "4").exit());
    assertEquals(
        0, run("generate", "--all", "repo", "--output-dir", "four", "--threads", "4").exit());
    assertEquals(tree(tmp.resolve("one")), tree(tmp.resolve("four")));
  }

  @Test
  void staleFilesDoNotSurviveAndNothingIsLeftBeside() throws IOException {
    assertEquals(0, run("generate", "--all", "repo", "--output-dir", "out").exit());
    deleteTree(repo.resolve("services/n8n"));
    assertEquals(0, run("generate", "--all", "repo", "--output-dir", "out").exit());
    assertEquals(
        EXAMPLE_FILES.stream().filter(f -> !f.startsWith("n8n/")).toList(),
        List.copyOf(tree(tmp.resolve("out")).keySet()));
    try (Stream<Path> beside = Files.list(tmp)) {
      assertEquals(
          List.of("out", "repo"), beside.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void oneBrokenServiceFailsTheRunReportsEverythingAndLeavesOutAsItWas() throws IOException {
    assertEquals(0, run("generate", "--all", "repo", "--output-dir", "out").exit());
    Map<String, String> before = tree(tmp.resolve("out"));
    // Two problems in two places: a broken overlay in one environment, a broken values.yaml in
    // another service.
    Files.writeString(
        repo.resolve("services/n8n/environments/staging/kustomization.yaml"),
        "resources: [../base, missing.yaml]\n");
    Files.writeString(
        repo.resolve("services/audiobookshelf/environments/dev/values.yaml"), "images: [1\n");
    Run r = run("generate", "--all", "repo", "--output-dir", "out");
    assertEquals(3, r.exit(), r.err());
    assertEquals("", r.out());
    assertTrue(
        r.err().contains("repo/services/n8n/environments/staging/kustomization.yaml:1:22: error:"),
        r.err());
    assertTrue(
        r.err().contains("repo/services/audiobookshelf/environments/dev/values.yaml:"), r.err());
    assertTrue(r.err().contains("2 of 7 services failed; out left as it was"), r.err());
    // The other environments were rendered all the same (their progress lines), OUT untouched.
    assertEquals(before, tree(tmp.resolve("out")));
  }

  @Test
  void twoServicesWithOneNameAreAnError() throws IOException {
    copyTree(repo.resolve("services/n8n"), repo.resolve("services/n8n-copy"));
    Run r = run("generate", "--all", "repo", "--output-dir", "out");
    assertEquals(3, r.exit());
    assertTrue(
        r.err()
            .contains(
                "repo/services/n8n-copy/service.yaml: error: service name \"n8n\" is also used by"
                    + " services/n8n"),
        r.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void refusesToReplaceADirectoryWithOtherFiles() throws IOException {
    Files.createDirectories(tmp.resolve("out/src"));
    Files.writeString(tmp.resolve("out/README.md"), "mine\n");
    Run r = run("generate", "--all", "repo", "--output-dir", "out");
    assertEquals(3, r.exit());
    assertTrue(
        r.err().contains("holds files generate --all did not write (e.g. README.md)"), r.err());
    assertEquals("mine\n", Files.readString(tmp.resolve("out/README.md")));
  }

  @Test
  void usageErrors() {
    assertEquals(2, run("generate", "--all", "repo").exit());
    assertEquals(2, run("generate", "--output-dir", "out", "repo/services/n8n").exit());
    assertEquals(2, run("generate", "--all", "--env", "dev", "repo", "--output-dir", "o").exit());
  }

  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(
            root.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
