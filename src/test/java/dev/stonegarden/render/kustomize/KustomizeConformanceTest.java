package dev.stonegarden.render.kustomize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@code conformance/kustomize} (the real kustomize's output on hand-written trees),
 * run in process through the CLI: success cases must print {@code expected.yaml} byte for byte and
 * exit 0; error cases must exit 3 with nothing on stdout. The pass count is a ratchet.
 */
class KustomizeConformanceTest {
  /** Raise as cases start passing; never lower. */
  static final int FLOOR = 109;

  @Test
  void conformance() throws IOException {
    String shared = System.getProperty("shared.dir");
    Assumptions.assumeTrue(shared != null, "shared.dir not set");
    Path corpus = Path.of(shared, "conformance", "kustomize");
    Assumptions.assumeTrue(Files.isDirectory(corpus), "no conformance corpus at " + corpus);
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
    assertTrue(passed >= FLOOR, "conformance: " + passed + "/" + cases.size() + " passed, floor " + FLOOR);
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
      return null;
    }
    if (run.exitCode() != 3) {
      return "expected exit 3, got " + run.exitCode() + " " + firstLine(run.stderr());
    }
    if (!run.stdout().isEmpty()) {
      return "error case printed on stdout";
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
