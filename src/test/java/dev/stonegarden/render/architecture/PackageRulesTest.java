package dev.stonegarden.render.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules ARCHITECTURE.md states about who may use what, checked on the sources (plain text
 * scans, no extra library): they keep the `generate` start-up path light and the process boundary
 * in one place.
 */
class PackageRulesTest {
  private static final Path MAIN =
      Path.of(System.getProperty("project.dir", "."), "src/main/java/dev/stonegarden/render");

  private static List<String> filesWhere(Predicate<String> content) throws IOException {
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        if (content.test(text)) {
          hits.add(MAIN.relativize(f).toString().replace('\\', '/'));
        }
      }
    }
    return hits;
  }

  private static boolean code(String text, String token) {
    // Ignore comments and Javadoc: only lines that are not comment lines count.
    return text.lines()
        .map(String::strip)
        .filter(l -> !l.startsWith("*") && !l.startsWith("//") && !l.startsWith("/*"))
        .anyMatch(l -> l.contains(token));
  }

  @Test
  void onlyCliUsesPicocli() throws IOException {
    List<String> users = filesWhere(t -> code(t, "import picocli."));
    assertFalse(users.isEmpty(), "the scan found nothing: is " + MAIN + " the source tree?");
    assertEquals(List.of(), users.stream().filter(f -> !f.startsWith("cli/")).toList());
  }

  @Test
  void onlyTheTypoCheckUsesFabric8() throws IOException {
    // fabric8's typed model costs 90-260 ms of start-up: validate only
    // (ARCHITECTURE.md#decisions-that-shape-the-code).
    assertEquals(List.of("service/TypoCheck.java"), filesWhere(t -> code(t, "io.fabric8.")));
  }

  @Test
  void onlyMainTouchesTheProcess() throws IOException {
    for (String token :
        List.of("System.out", "System.err", "System.exit(", "System.getenv(", "System.in.")) {
      List<String> users = filesWhere(t -> code(t, token));
      assertTrue(
          List.of("cli/Main.java").containsAll(users),
          token + " used outside cli/Main.java: " + users);
    }
  }

  @Test
  void noClocksAndNoDefaultLocaleInProductCode() throws IOException {
    // Determinism: no time in output, and formatting that does not depend on the machine.
    for (String token :
        List.of(
            "System.currentTimeMillis(",
            "Instant.now(",
            "LocalDateTime.now(",
            "new Date(",
            ".toLowerCase()",
            ".toUpperCase()",
            "new Random(",
            "String.format(\"",
            ".formatted(")) {
      assertEquals(List.of(), filesWhere(t -> code(t, token)), token);
    }
  }

  @Test
  void onlyTheLoaderReadsInputFiles() throws IOException {
    // Every input goes through files.RootedFiles (inside the root, regular files, bounded); the
    // printer reads source lines for excerpts of files the loader already read
    // (docs/robustness.md).
    for (String token :
        List.of(
            "Files.readAllBytes(",
            "Files.readString(",
            "Files.readAllLines(",
            "Files.lines(",
            "Files.newInputStream(",
            "Files.newBufferedReader(",
            "new FileInputStream(",
            "new FileReader(")) {
      List<String> users = filesWhere(t -> code(t, token));
      assertTrue(
          users.stream()
              .allMatch(
                  f ->
                      f.startsWith("files/")
                          || f.equals("diag/DiagnosticPrinter.java")
                          // the program's own jar, hashed for --version: not an input
                          || f.equals("cli/Version.java")),
          token + " used outside files/: " + users);
    }
  }

  /**
   * The layers of ARCHITECTURE.md, top to bottom, written once: a package may use its own layer and
   * the layers below it, never one above.
   */
  private static final List<List<String>> LAYERS =
      List.of(
          List.of("cli"),
          List.of("validate", "diff"),
          List.of("appset"),
          List.of("kargo"),
          List.of("promote", "scaffold"),
          List.of("batch"),
          List.of("generate"),
          List.of("argocd", "platform", "kustomize"),
          List.of("service"),
          List.of("kustomize.builtins", "kustomize.patch"),
          List.of("kustomize.config"),
          List.of("resource", "pipeline"),
          List.of("input"),
          List.of("promql", "analysis"),
          List.of("yaml"),
          List.of("files"),
          List.of("diag"));

  private static final java.util.regex.Pattern REFERENCE =
      java.util.regex.Pattern.compile("dev\\.stonegarden\\.render\\.([a-z][a-z0-9.]*?)\\.[A-Z]");

  private static int layerOf(String pkg) {
    for (int i = 0; i < LAYERS.size(); i++) {
      if (LAYERS.get(i).contains(pkg)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void noPackageUsesALayerAboveIt() throws IOException {
    List<String> unplaced = new ArrayList<>();
    List<String> upward = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String rel = MAIN.relativize(f.getParent()).toString().replace('\\', '/');
        String pkg = rel.replace('/', '.');
        int from = layerOf(pkg);
        if (from < 0) {
          unplaced.add(pkg);
          continue;
        }
        String code =
            Files.readString(f, StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.strip().startsWith("*") && !l.strip().startsWith("//"))
                .reduce("", (a, b) -> a + "\n" + b);
        java.util.regex.Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
          String to = m.group(1);
          int layer = layerOf(to);
          if (layer < 0) {
            unplaced.add(to);
          } else if (layer < from) {
            upward.add(MAIN.relativize(f) + " uses " + to);
          }
        }
      }
    }
    assertEquals(List.of(), unplaced.stream().distinct().toList(), "packages missing from LAYERS");
    assertEquals(List.of(), upward.stream().distinct().toList());
  }
}
