package dev.stonegarden.render.promote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The source-preserving edit over a zoo of values.yaml styles: each case's {@code NAME.before.yaml}
 * with the changes below must give {@code NAME.after.yaml} byte for byte (both written by hand, in
 * {@code test-fixtures/values-edit}).
 */
class ValuesEditTest {
  static final Path DIR =
      Path.of(System.getProperty("fixtures.dir", "test-fixtures")).resolve("values-edit");

  static final List<String> TAG = List.of("image", "tag");

  static List<String> workload(String name) {
    return List.of("workloads", name, "image", "tag");
  }

  static ValuesEdit.Change set(List<String> path, String value) {
    return new ValuesEdit.Change(path, value);
  }

  static Stream<Arguments> zoo() {
    return Stream.of(
        Arguments.of("comments", List.of(set(TAG, "2.18.0"))),
        Arguments.of("flow", List.of(set(TAG, "1.1.0"), set(workload("worker"), "1.0.5"))),
        Arguments.of("plain", List.of(set(TAG, "v2.4.0"))),
        Arguments.of("plain-number", List.of(set(TAG, "1.10"))),
        Arguments.of("crlf", List.of(set(TAG, "1.1.0"))),
        Arguments.of("crlf-missing-image", List.of(set(TAG, "2.0.0"))),
        Arguments.of("no-final-newline", List.of(set(TAG, "1.2.0"))),
        Arguments.of(
            "anchors",
            List.of(
                set(TAG, "1.1.0"),
                set(workload("worker"), "1.0.9"),
                set(workload("web"), "0.2.0"),
                set(workload("cron"), "0.3.0"))),
        Arguments.of("missing-image", List.of(set(TAG, "3.0.0"))),
        Arguments.of("empty-image", List.of(set(TAG, "5.0.0"))),
        Arguments.of(
            "workloads",
            List.of(
                set(TAG, "1.81.0"),
                set(workload("n8n-worker"), "1.79.2"),
                set(workload("n8n-webhook"), "1.81.1"))),
        Arguments.of("only-comments", List.of(set(TAG, "2.0.0"))),
        Arguments.of("new-file", List.of(set(TAG, "2.0.0"))),
        Arguments.of("flow-root", List.of(set(TAG, "7.0.0"))),
        Arguments.of(
            "digest",
            List.of(
                set(
                    TAG,
                    "1.1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"))),
        Arguments.of("markers", List.of(set(TAG, "2.1.0"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("zoo")
  void editsOnlyTheTagValues(String name, List<ValuesEdit.Change> changes) throws IOException {
    String before = read(name + ".before.yaml");
    String expected = read(name + ".after.yaml");
    assertEquals(expected, ValuesEdit.apply(DIR.resolve("values.yaml"), before, changes));
  }

  @Test
  void everyFixtureIsInTheTable() throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.list(DIR)) {
      names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".before.yaml"))
              .map(n -> n.substring(0, n.length() - ".before.yaml".length()))
              .sorted()
              .toList();
    }
    List<String> table = zoo().map(a -> (String) a.get()[0]).sorted().toList();
    assertEquals(names, table);
  }

  @Test
  void anAliasSharedWithAnotherValueIsRefused() {
    // The anchor also feeds an env value: changing it through the tag would change that too.
    String text = "image:\n  tag: &v \"1.0\"\nenv:\n  VERSION: *v\n";
    InputException e =
        assertThrows(
            InputException.class,
            () -> ValuesEdit.apply(Path.of("values.yaml"), text, List.of(set(TAG, "2.0"))));
    assertTrue(e.getMessage().contains("anchor"), e.getMessage());
  }

  @Test
  void aWorkloadEntryThatIsAnAliasIsRefusedWithItsPosition() {
    String text = "workloads:\n  a: &w {replicas: 1}\n  b: *w\n";
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                ValuesEdit.apply(Path.of("values.yaml"), text, List.of(set(workload("b"), "2.0"))));
    assertEquals("values.yaml:3:6", e.diagnostics().get(0).at().toString());
  }

  private static String read(String name) throws IOException {
    return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
  }
}
