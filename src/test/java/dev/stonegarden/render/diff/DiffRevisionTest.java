package dev.stonegarden.render.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.cli.Cli;
import dev.stonegarden.render.cli.Invocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff --base-ref} in a temporary git repository made from the example, and which services
 * {@code diff --base} renders for a change to a shared base, platform.yaml, a dashboard, or a file
 * no service reads.
 */
class DiffRevisionTest {
  static final Path EXAMPLE =
      Path.of(System.getProperty("project.dir", "."), "examples", "kubernetes");
  static final Path EXPECTED = Path.of(System.getProperty("fixtures.dir", "test-fixtures"), "diff");

  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  Run run(Path cwd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Cli.run(args, new Invocation(cwd, Map.of(), new PrintWriter(out), new PrintWriter(err)));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void baseRefShowsExactlyTheChangedImageTagAndTouchesNothingOfGit() throws Exception {
    Path repo = tmp.resolve("clone");
    copyTree(EXAMPLE, repo.resolve("examples/kubernetes"));
    git(repo, "init", "-q");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "example");
    Path values =
        repo.resolve(
            "examples/kubernetes/services/audiobookshelf/environments/production/values.yaml");
    Files.writeString(
        values, Files.readString(values).replace("tag: \"2.17.5\"", "tag: \"2.17.7\""));
    git(repo, "commit", "-q", "-am", "promote audiobookshelf to production");
    Files.writeString(repo.resolve("untracked.txt"), "not added\n");
    byte[] index = Files.readAllBytes(repo.resolve(".git/index"));
    String status = git(repo, "status", "--porcelain");
    String worktrees = git(repo, "worktree", "list", "--porcelain");

    Run changed =
        run(repo, "diff", "--base-ref", "HEAD~1", "examples/kubernetes", "--format", "markdown");
    assertEquals(1, changed.exit(), changed.err());
    assertEquals(Files.readString(EXPECTED.resolve("base-ref-one-tag.md")), changed.out());

    Run same =
        run(repo, "diff", "--base-ref", "HEAD", "examples/kubernetes", "--format", "markdown");
    assertEquals(0, same.exit(), same.err());
    assertEquals(Files.readString(EXPECTED.resolve("base-ref-none.md")), same.out());

    // git was only read: the index, the status and the worktrees are as they were.
    assertArrayEquals(index, Files.readAllBytes(repo.resolve(".git/index")));
    assertEquals(status, git(repo, "status", "--porcelain"));
    assertEquals(worktrees, git(repo, "worktree", "list", "--porcelain"));

    Run bad = run(repo, "diff", "--base-ref", "no-such-ref", "examples/kubernetes");
    assertEquals(3, bad.exit());
    assertTrue(bad.err().contains("--base-ref: no-such-ref is not a commit"), bad.err());
  }

  // ---- which services are rendered ----

  /** Three services: a and b include the shared base, c has its own; a names a shared dashboard. */
  private Path repository(String name) throws IOException {
    Path root = tmp.resolve(name);
    write(root, ".git", "gitdir: elsewhere\n");
    write(
        root,
        "platform.yaml",
        "apiVersion: platform.stonegarden.dev/v1alpha1\nkind: Platform\nspec:\n"
            + "  monitoring:\n    environments: [dev]\n");
    write(root, "shared/base/kustomization.yaml", "resources: [app.yaml]\n");
    write(
        root,
        "shared/base/app.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shared}\ndata: {a: b}\n");
    write(root, "shared/dashboards/a.json", "{\"title\": \"a\"}\n");
    write(root, "shared/README.md", "read by no render\n");
    for (String s : List.of("a", "b", "c")) {
      write(
          root,
          "services/" + s + "/service.yaml",
          "apiVersion: platform.stonegarden.dev/v1alpha1\nkind: Service\nmetadata: {name: "
              + s
              + "}\nspec:\n  owner: {team: t}\n  environments:\n    - {name: dev, namespace: "
              + s
              + "-dev}\n"
              + (s.equals("a")
                  ? "  monitoring:\n    dashboards: [../../shared/dashboards/a.json]\n"
                  : ""));
      write(
          root,
          "services/" + s + "/environments/dev/kustomization.yaml",
          s.equals("c") ? "resources: [own.yaml]\n" : "resources: [../../../../shared/base]\n");
    }
    write(
        root,
        "services/c/environments/dev/own.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: own}\ndata: {c: d}\n");
    return root;
  }

  private Run diffAfter(String file, String text) throws IOException {
    Path base = repository("base");
    Path head = repository("head");
    write(head, file, text);
    return run(head, "diff", "--base", "../base", "--verbose");
  }

  private static String traceLine(Run r) {
    return r.err()
        .lines()
        .filter(l -> l.startsWith("platform-render: diff:"))
        .findFirst()
        .orElse(r.err());
  }

  @Test
  void aBaseRenderThatReadsIntoAnotherServiceGetsTheWholeRevision() throws Exception {
    // Only the touched service's files are written out for the base side; audiobookshelf's
    // production overlay reads a component kept in n8n's directory, which is left out at first.
    Path repo = tmp.resolve("clone");
    Path services = repo.resolve("examples/kubernetes/services");
    copyTree(EXAMPLE, repo.resolve("examples/kubernetes"));
    write(
        services,
        "n8n/shared/kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
            + "commonAnnotations: {shared-from: n8n}\n");
    Path overlay = services.resolve("audiobookshelf/environments/production/kustomization.yaml");
    Files.writeString(
        overlay, Files.readString(overlay) + "components:\n  - ../../../n8n/shared\n");
    git(repo, "init", "-q");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "example");
    Path values = services.resolve("audiobookshelf/environments/production/values.yaml");
    Files.writeString(
        values, Files.readString(values).replace("tag: \"2.17.5\"", "tag: \"2.17.7\""));
    git(repo, "commit", "-q", "-am", "promote audiobookshelf to production");

    Run r = run(repo, "diff", "--base-ref", "HEAD~1", "examples/kubernetes");
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("+        image: ghcr.io/advplyr/audiobookshelf:2.17.7"), r.out());
    assertFalse(r.out().contains("shared-from"), r.out()); // on both sides: no difference
    assertFalse(r.err().contains("error"), r.err());
  }

  @Test
  void aSharedBaseTouchesTheServicesThatIncludeIt() throws IOException {
    Run r =
        diffAfter(
            "shared/base/app.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shared}\ndata: {a: c}\n");
    assertEquals(1, r.exit(), r.err());
    assertEquals(
        "platform-render: diff: 1 changed files; 2 of 3 services touched (3 rendered to learn what"
            + " they read); rendered 2 environments on the head side, 2 on the base side",
        traceLine(r));
    assertTrue(r.out().contains("a dev: 0 added, 0 removed, 1 changed"), r.out());
    assertTrue(r.out().contains("b dev: 0 added, 0 removed, 1 changed"), r.out());
  }

  @Test
  void platformYamlTouchesEveryService() throws IOException {
    Run r =
        diffAfter(
            "platform.yaml",
            "apiVersion: platform.stonegarden.dev/v1alpha1\nkind: Platform\nspec:\n"
                + "  labelDomain: example.org\n  monitoring:\n    environments: [dev]\n");
    assertEquals(1, r.exit(), r.err());
    assertTrue(traceLine(r).contains("; 3 of 3 services touched"), traceLine(r));
    assertTrue(traceLine(r).endsWith("3 on the base side"), traceLine(r));
  }

  @Test
  void aDashboardTouchesTheServiceThatNamesIt() throws IOException {
    Run r = diffAfter("shared/dashboards/a.json", "{\"title\": \"a, renamed\"}\n");
    assertEquals(1, r.exit(), r.err());
    assertTrue(traceLine(r).contains("; 1 of 3 services touched"), traceLine(r));
    assertTrue(r.out().contains("a dev: 0 added, 0 removed, 1 changed"), r.out());
  }

  @Test
  void aFileNoServiceReadsRendersNothingOnTheBaseSide() throws IOException {
    Run r = diffAfter("shared/README.md", "still read by no render\n");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        "platform-render: diff: 1 changed files; 0 of 3 services touched (3 rendered to learn what"
            + " they read); rendered 0 environments on the head side, 0 on the base side",
        traceLine(r));
    assertEquals("No differences (../base → working tree).\n", r.out());
  }

  @Test
  void aChangeInsideOneServiceRendersOnlyThatService() throws IOException {
    Run r =
        diffAfter(
            "services/c/environments/dev/own.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: own}\ndata: {c: e}\n");
    assertEquals(1, r.exit(), r.err());
    assertEquals(
        "platform-render: diff: 1 changed files; 1 of 3 services touched; rendered 1 environments"
            + " on the head side, 1 on the base side",
        traceLine(r));
  }

  private static void write(Path root, String file, String text) throws IOException {
    Path p = root.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("GIT_AUTHOR_NAME", "test");
    pb.environment().put("GIT_AUTHOR_EMAIL", "test@example.org");
    pb.environment().put("GIT_COMMITTER_NAME", "test");
    pb.environment().put("GIT_COMMITTER_EMAIL", "test@example.org");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "git " + String.join(" ", args) + ": " + out);
    return out;
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
}
