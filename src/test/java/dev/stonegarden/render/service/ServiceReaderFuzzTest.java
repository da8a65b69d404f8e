package dev.stonegarden.render.service;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The service reader (and the values and platform readers) on arbitrary bytes: an {@link
 * InputException} is the only acceptable failure; anything else escaping (a NullPointerException in
 * binding, a ClassCastException, a stack overflow) is a bug. {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=ServiceReaderFuzzTest} fuzzes for real; a plain test run replays the seeds: every file of
 * {@code test-fixtures/schema} and deterministic mutations of each (truncations, dropped lines,
 * swapped punctuation).
 */
class ServiceReaderFuzzTest {
  private static final PlatformSettings PLATFORM = PlatformReader.defaults();

  @FuzzTest(maxDuration = "30s")
  void fuzz(byte[] data) {
    readOnce(data);
  }

  static void readOnce(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      ServiceReader.readText(Path.of("service.yaml"), text, PLATFORM, new Problems());
    } catch (InputException expected) {
      // bad input, reported as such
    }
    // The same bytes as values.yaml and platform.yaml: the other two readers share the schema
    // check.
    try {
      ValuesReader.read(YamlFiles.parseSingle(Path.of("values.yaml"), "values.yaml", text));
    } catch (InputException expected) {
      // bad input, reported as such
    }
    try {
      PlatformReader.read(YamlFiles.parseSingle(Path.of("platform.yaml"), "platform.yaml", text));
    } catch (InputException expected) {
      // bad input, reported as such
    }
  }

  @TestFactory
  Stream<DynamicTest> seedsFromFixtures() throws IOException {
    List<Path> seeds = new ArrayList<>();
    seeds.addAll(SchemaFixturesTest.yamlFiles(SchemaFixturesTest.FIXTURES.resolve("valid")));
    seeds.addAll(SchemaFixturesTest.yamlFiles(SchemaFixturesTest.FIXTURES.resolve("invalid")));
    return seeds.stream()
        .map(
            f ->
                dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      String text = Files.readString(f, StandardCharsets.UTF_8);
                      for (String variant : mutations(text)) {
                        readOnce(variant.getBytes(StandardCharsets.UTF_8));
                      }
                    }));
  }

  /**
   * The text itself, 17 truncations, each line dropped, and punctuation swaps at every 13th
   * character.
   */
  static List<String> mutations(String text) {
    List<String> out = new ArrayList<>();
    out.add(text);
    for (int i = 1; i <= 17; i++) {
      out.add(text.substring(0, text.length() * i / 18));
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < lines.length; j++) {
        if (j != i) {
          sb.append(lines[j]).append('\n');
        }
      }
      out.add(sb.toString());
    }
    String[] swaps = {"", ":", "-", "[", "{}", "~", "0", "null", "*a", "&a ", "\t", "'"};
    for (int i = 0, k = 0; i < text.length(); i += 13, k++) {
      out.add(
          text.substring(0, i)
              + swaps[k % swaps.length]
              + text.substring(Math.min(text.length(), i + 1)));
    }
    return out;
  }
}
