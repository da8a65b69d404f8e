package dev.stonegarden.render.kustomize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@code conformance/kustomize} (the real kustomize's output on hand-written trees),
 * run in process through the CLI: success cases must print {@code expected.yaml} byte for byte and
 * exit 0; error cases must exit 3 with nothing on stdout. The pass count is a ratchet.
 */
class KustomizeConformanceTest {
  /**
   * The key phrase of kustomize's message that our message must contain too, by case number, for
   * the error cases where sharing kustomize's wording helps users search for it. Other error cases
   * only need to fail with nothing on stdout (the corpus README: the message is not compared).
   */
  static final Map<String, String> KEY_PHRASES =
      Map.ofEntries(
          Map.entry("010", "no such file or directory"),
          Map.entry("011", "security; file"),
          Map.entry("013", "cycle detected"),
          Map.entry("015", "multiple kustomization files"),
          Map.entry("016", "kustomization.yaml is empty"),
          Map.entry("017", "json: unknown field \"namePrefx\""),
          Map.entry(
              "018",
              "unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization'"),
          Map.entry("020", "security; file"),
          Map.entry("029", "the field 'sortOptions.order' must be one of [fifo, legacy]"),
          Map.entry("034", "namespace transformation produces ID conflict"),
          Map.entry("035", "may not add resource with an already registered id"),
          Map.entry(
              "036",
              "cannot unmarshal bool into Go struct field Kustomization.namespace of type string"),
          Map.entry(
              "056",
              "cannot unmarshal number into Go struct field Label.labels.pairs of type string"),
          Map.entry("065", "does not match a config with the following GVK"),
          Map.entry("078", "exists; behavior must be merge or replace"),
          Map.entry("079", "does not exist; cannot merge or replace"),
          Map.entry("082", "illegally repeats the key `A`"),
          Map.entry("108", "unable to parse SM or JSON patch"),
          Map.entry("109", "illegally qualifies as both an SM and JSON patch"),
          Map.entry("117", "must specify one of patch and path"),
          Map.entry("118", "no resource matches strategic merge patch"),
          Map.entry("120", "testing value /spec/replicas failed: test failed"),
          Map.entry("121", "must specify a target for JSON patch"),
          Map.entry("122", "remove operation does not apply: doc is missing path"),
          Map.entry("125", "patch and path can't be set at the same time"),
          Map.entry("132", "expected kind 'Component'"),
          Map.entry("133", "expected kind != 'Component'"),
          Map.entry("147", "json: unsupported type: map[interface {}]interface {}"),
          Map.entry("150", "missing kind in object"),
          Map.entry("152", "mapping key \"a\" already defined"),
          Map.entry("153", "missing metadata.name in object"));

  /** Raise as cases start passing; never lower. */
  static final int FLOOR = 109;

  @Test
  void conformance() throws IOException {
    Path corpus = Prerequisites.shared("conformance/kustomize");
    List<Path> cases;
    try (Stream<Path> s = Files.list(corpus)) {
      cases = s.filter(p -> Files.isRegularFile(p.resolve("build-dir"))).sorted().toList();
    }
    List<String> failures = new ArrayList<>();
    int passed = 0;
    for (Path c : cases) {
      String failure = check(c);
      if (failure == null) {
        passed++;
      } else {
        failures.add(c.getFileName() + ": " + failure);
      }
    }
    System.out.println("conformance: " + passed + "/" + cases.size() + " passed");
    failures.forEach(f -> System.out.println("  FAIL " + f));
    assertTrue(
        passed >= FLOOR, "conformance: " + passed + "/" + cases.size() + " passed, floor " + FLOOR);
  }

  static String check(Path c) throws IOException {
    String buildDir = Files.readString(c.resolve("build-dir"), StandardCharsets.UTF_8).strip();
    ConformanceRun run;
    try {
      run = ConformanceRun.run(c.resolve("input"), buildDir);
    } catch (RuntimeException e) {
      return "threw " + e;
    }
    Path expected = c.resolve("expected.yaml");
    if (Files.exists(expected)) {
      if (run.exitCode() != 0) {
        return "exit " + run.exitCode() + ": " + firstLine(run.stderr());
      }
      String want = Files.readString(expected, StandardCharsets.UTF_8);
      if (!want.equals(run.stdout())) {
        return "output differs at line " + firstDifference(want, run.stdout());
      }
      return run.warningsDiffer(c.resolve("expected-warnings.txt"));
    }
    if (run.exitCode() != 3) {
      return "expected exit 3, got " + run.exitCode() + " " + firstLine(run.stderr());
    }
    if (!run.stdout().isEmpty()) {
      return "error case printed on stdout";
    }
    String phrase = KEY_PHRASES.get(c.getFileName().toString().substring(0, 3));
    if (phrase != null && !run.stderr().contains(phrase)) {
      return "message lacks kustomize's key phrase [" + phrase + "]: " + firstLine(run.stderr());
    }
    return null;
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static String firstDifference(String want, String got) {
    String[] a = want.split("\n", -1);
    String[] b = got.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "<eof>";
      String y = i < b.length ? b[i] : "<eof>";
      if (!x.equals(y)) {
        return (i + 1) + ": want [" + x + "] got [" + y + "]";
      }
    }
    return "?";
  }
}
