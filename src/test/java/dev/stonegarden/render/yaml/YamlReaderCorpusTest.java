package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A sanity run over real inputs: every conformance input and every file of the wild repositories
 * either reads or fails with an {@link InputException}, never anything else.
 */
class YamlReaderCorpusTest {

  static Path shared() {
    return Prerequisites.shared("conformance");
  }

  static List<Path> files(Path root, boolean yamlOnly) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !yamlOnly || p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void everyInputReadsOrFailsCleanly() throws IOException {
    Path conformance = shared();
    List<Path> all = new ArrayList<>();
    try (Stream<Path> cases = Files.list(conformance.resolve("kustomize"))) {
      for (Path c : cases.sorted().collect(Collectors.toList())) {
        all.addAll(files(c.resolve("input"), true));
      }
    }
    int conformanceFiles = all.size();
    all.addAll(files(conformance.resolve("kustomize-wild/repos"), false));
    int parsed = 0;
    int documents = 0;
    List<String> failed = new ArrayList<>();
    long t0 = System.nanoTime();
    for (Path file : all) {
      try {
        documents += YamlReader.readFile(file, YamlReader.Options.resources()).size();
        parsed++;
      } catch (InputException e) {
        failed.add(conformance.relativize(file) + ": " + e.diagnostics().get(0).message());
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("unexpected " + e + " reading " + file, e);
      }
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "YamlReaderCorpusTest: %d files (%d conformance inputs), %d parsed (%d documents), %d InputExceptions, %d ms%n",
        all.size(), conformanceFiles, parsed, documents, failed.size(), millis);
    failed.forEach(f -> System.out.println("  " + f));
    assertTrue(conformanceFiles > 0, "no conformance inputs found");
  }
}
