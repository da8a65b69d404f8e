package dev.stonegarden.render.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code and the pages cite only what a user of the repository has: comments cite {@code docs/}
 * (or state the rule), never the team's specification folder, and every cited page and anchor
 * exists.
 */
class DocsLinksTest {
  static final Path PROJECT = Path.of(System.getProperty("project.dir", "."));

  /** Citations of the specification files outside the repository, anywhere. */
  static final Pattern SPEC_CITATION =
      Pattern.compile(
          "(?:product|decisions|kustomize-semantics|quality|argocd-cmp|startup-measurements"
              + "|delivery-anchors|architecture-guide|ENTERPRISE_DESIGN)\\.md"
              + "|architecture guide|§|shared/(?:spec|reference|design|seed|hooks)");

  /** In shipped code and user-facing files, the folder itself is not mentioned either. */
  static final Pattern SHARED_FOLDER = Pattern.compile("\\.\\./shared|\\bshared/");

  /** A citation of a page of the repository, with an optional anchor. */
  static final Pattern PAGE_CITATION =
      Pattern.compile(
          "(?<![\\w./-])(docs/[\\w-]+\\.md|ARCHITECTURE\\.md|README\\.md|CHANGELOG\\.md)(#[\\w-]+)?");

  /** Files a user reads, next to the code. */
  static final List<String> USER_FILES =
      List.of("docs", "README.md", "CHANGELOG.md", "plugin.yaml", "examples", "deploy");

  /** Build and run files: they may name the test data folder, not the specification. */
  static final List<String> BUILD_FILES = List.of("bin", "bench", "Dockerfile", ".ci", "pom.xml");

  @Test
  void sourceCommentsCiteNoSpecificationFile() throws IOException {
    List<String> hits = new ArrayList<>();
    for (Path f : files("src", ".java")) {
      boolean main = rel(f).startsWith("src/main/");
      for (JavaComments.Line c : JavaComments.of(read(f))) {
        if (SPEC_CITATION.matcher(c.text()).find()
            || (main && SHARED_FOLDER.matcher(c.text()).find())) {
          hits.add(rel(f) + ":" + c.line() + ":" + c.text().strip());
        }
      }
    }
    for (Path f : files("src/main/resources", "")) {
      hits.addAll(lines(f, SPEC_CITATION, SHARED_FOLDER));
    }
    assertEquals(
        List.of(),
        hits,
        "cite docs/<page>.md#<anchor> (or state the rule) instead of the specification files");
  }

  @Test
  void userFilesCiteNoSpecificationFile() throws IOException {
    List<String> hits = new ArrayList<>();
    for (String name : USER_FILES) {
      for (Path f : files(name, "")) {
        hits.addAll(lines(f, SPEC_CITATION, SHARED_FOLDER));
      }
    }
    for (String name : BUILD_FILES) {
      for (Path f : files(name, "")) {
        hits.addAll(lines(f, SPEC_CITATION));
      }
    }
    assertEquals(List.of(), hits, "users have the repository, not the team's specification");
  }

  @Test
  void everyPageAndAnchorCitedFromTheCodeExists() throws IOException {
    List<String> missing = new ArrayList<>();
    int cited = 0;
    List<Path> sources = new ArrayList<>(files("src", ".java"));
    sources.addAll(files("src/main/resources", ""));
    for (Path f : sources) {
      String[] lines = read(f).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = PAGE_CITATION.matcher(lines[i]);
        while (m.find()) {
          cited++;
          String problem = check(PROJECT.resolve(m.group(1)), m.group(2));
          if (problem != null) {
            missing.add(rel(f) + ":" + (i + 1) + ": " + m.group() + ": " + problem);
          }
        }
      }
    }
    assertTrue(cited > 100, "the scan found " + cited + " citations: is " + PROJECT + " the root?");
    assertEquals(List.of(), missing);
  }

  @Test
  void everyRelativeLinkOfThePagesResolves() throws IOException {
    List<Path> pages = new ArrayList<>(files("docs", ".md"));
    for (String top : List.of("README.md", "CHANGELOG.md", "ARCHITECTURE.md", "deploy/README.md")) {
      pages.add(PROJECT.resolve(top));
    }
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      for (Markdown.Link link : Markdown.links(read(page))) {
        String target = link.target();
        if (target.matches("^[a-z]+:.*")) {
          continue; // https:, mailto:
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        String problem = check(resolved, anchor);
        if (problem != null) {
          broken.add(rel(page) + ":" + link.line() + ": " + target + ": " + problem);
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void anchorsAreGitHubs() {
    assertEquals("pluginyaml", Markdown.slug("plugin.yaml"));
    assertEquals("numbers-booleans-and-dates", Markdown.slug("Numbers, booleans and dates"));
    assertEquals("argocd_app_parameters", Markdown.slug("`ARGOCD_APP_PARAMETERS`"));
    assertEquals(
        Set.of("a", "a-1", "b", "x"),
        Markdown.anchors("# A\n```\n# not a heading\n```\n## A\n### B ###\n<a id=\"x\"></a>\n"));
    assertFalse(
        PAGE_CITATION.matcher("test-fixtures/README.md").find(), "a path that only ends like one");
  }

  @Test
  void commentsAreFoundAndLiteralsAreNot() {
    String source =
        "class A { // one\n"
            + "  String s = \"// not one\"; char c = '\\'';\n"
            + "  String t = \"\"\"\n    /* not one */\n    \"\"\";\n"
            + "  /** two\n   * three */ }\n";
    assertEquals(
        List.of(
            new JavaComments.Line(1, " one"),
            new JavaComments.Line(6, "* two"),
            new JavaComments.Line(7, "   * three ")),
        JavaComments.of(source));
  }

  private static final Map<Path, Set<String>> ANCHORS = new HashMap<>();

  /** Null when {@code file} exists and has {@code anchor} (with its '#', or null); else why not. */
  private static String check(Path file, String anchor) throws IOException {
    if (!Files.exists(file)) {
      return "no such file";
    }
    if (anchor == null || !file.toString().endsWith(".md")) {
      return null;
    }
    Set<String> anchors = ANCHORS.get(file);
    if (anchors == null) {
      anchors = Markdown.anchors(read(file));
      ANCHORS.put(file, anchors);
    }
    return anchors.contains(anchor.substring(1)) ? null : "no heading with that anchor";
  }

  private static List<String> lines(Path f, Pattern... patterns) throws IOException {
    List<String> hits = new ArrayList<>();
    String[] lines = read(f).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      for (Pattern p : patterns) {
        if (p.matcher(lines[i]).find()) {
          hits.add(rel(f) + ":" + (i + 1) + ":" + lines[i].strip());
          break;
        }
      }
    }
    return hits;
  }

  /**
   * The regular files below {@code name} (or {@code name} itself) whose names end in {@code ext}.
   */
  private static List<Path> files(String name, String ext) throws IOException {
    Path root = PROJECT.resolve(name);
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(ext))
          .filter(p -> !isBinary(p))
          .sorted()
          .toList();
    }
  }

  private static boolean isBinary(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".jar") || n.endsWith(".class") || n.endsWith(".png");
  }

  private static String read(Path f) throws IOException {
    return Files.readString(f, StandardCharsets.UTF_8);
  }

  private static String rel(Path f) {
    return PROJECT.relativize(f).toString().replace('\\', '/');
  }
}
