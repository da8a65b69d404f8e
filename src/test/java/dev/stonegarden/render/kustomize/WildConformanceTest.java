package dev.stonegarden.render.kustomize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The 610 real-world builds of {@code conformance/kustomize-wild}: each success case must print
 * {@code expected/<id>.yaml} byte for byte, each error case must fail with nothing on stdout. The
 * identical count is a ratchet.
 */
class WildConformanceTest {
  /** Raise as cases start passing; never lower. */
  static final int FLOOR = 610;

  @Test
  void wild() throws IOException {
    String shared = System.getProperty("shared.dir");
    Assumptions.assumeTrue(shared != null, "shared.dir not set");
    Path corpus = Path.of(shared, "conformance", "kustomize-wild");
    Assumptions.assumeTrue(Files.isRegularFile(corpus.resolve("cases.tsv")), "no wild corpus at " + corpus);
    List<String> lines = Files.readAllLines(corpus.resolve("cases.tsv"), StandardCharsets.UTF_8);
    List<String> failures = new ArrayList<>();
    int passed = 0;
    int total = 0;
    long start = System.nanoTime();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      total++;
      String failure = check(corpus, f[0], f[1], f[2], f[3]);
      if (failure == null) {
        passed++;
      } else {
        failures.add(f[0] + " (" + f[1] + "/" + f[2] + "): " + failure);
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.println("wild: " + passed + "/" + total + " identical (" + ms + " ms)");
    failures.forEach(x -> System.out.println("  FAIL " + x));
    assertTrue(passed >= FLOOR, "wild: " + passed + "/" + total + " identical, floor " + FLOOR);
  }

  private static String check(Path corpus, String id, String repo, String buildDir, String expectedFile)
      throws IOException {
    ConformanceRun run;
    try {
      run = ConformanceRun.run(corpus.resolve("repos").resolve(repo), buildDir);
    } catch (RuntimeException e) {
      return "threw " + e;
    }
    if (expectedFile.endsWith(".yaml")) {
      if (run.exitCode() != 0) {
        return "exit " + run.exitCode() + ": " + KustomizeConformanceTest.firstLine(run.stderr());
      }
      String want = Files.readString(corpus.resolve(expectedFile), StandardCharsets.UTF_8);
      if (!want.equals(run.stdout())) {
        return "output differs at line " + KustomizeConformanceTest.firstDifference(want, run.stdout());
      }
      return null;
    }
    if (run.exitCode() == 0) {
      return "expected a failure, got exit 0";
    }
    if (!run.stdout().isEmpty()) {
      return "error case printed on stdout";
    }
    return null;
  }
}
