package dev.stonegarden.render.kustomize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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
    Path corpus = Prerequisites.shared("conformance/kustomize-wild/cases.tsv").getParent();
    List<String> lines = Files.readAllLines(corpus.resolve("cases.tsv"), StandardCharsets.UTF_8);
    List<String[]> cases = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        cases.add(line.split("\t", -1));
      }
    }
    long start = System.nanoTime();
    // The builds are independent; two at a time halves the wall time on a shared machine. Results
    // are kept by case index, so the report is in corpus order whatever the scheduling.
    String[] results = new String[cases.size()];
    IntStream.range(0, cases.size())
        .parallel()
        .forEach(
            i -> {
              String[] f = cases.get(i);
              try {
                String failure = check(corpus, f[0], f[1], f[2], f[3]);
                results[i] =
                    failure == null ? null : f[0] + " (" + f[1] + "/" + f[2] + "): " + failure;
              } catch (IOException e) {
                results[i] = f[0] + ": " + e;
              }
            });
    List<String> failures = new ArrayList<>();
    for (String r : results) {
      if (r != null) {
        failures.add(r);
      }
    }
    int total = cases.size();
    int passed = total - failures.size();
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.println("wild: " + passed + "/" + total + " identical (" + ms + " ms)");
    failures.forEach(x -> System.out.println("  FAIL " + x));
    assertTrue(passed >= FLOOR, "wild: " + passed + "/" + total + " identical, floor " + FLOOR);
  }

  private static String check(
      Path corpus, String id, String repo, String buildDir, String expectedFile)
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
        return "output differs at line "
            + KustomizeConformanceTest.firstDifference(want, run.stdout());
      }
      String warnings = expectedFile.substring(0, expectedFile.length() - ".yaml".length());
      return run.warningsDiffer(corpus.resolve(warnings + ".warnings.txt"));
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
