package dev.stonegarden.render.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.batch.BatchRenderer;
import dev.stonegarden.render.files.RenderBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record of what a render read (ReadLog, as BatchRenderer fills it) (what {@code diff} decides
 * "changed" from), and files parsed once per content.
 */
class ReadsTest {
  @TempDir Path tmp;

  @Test
  void parsedOncePerKindPathAndContent() {
    ParsedFiles files = new ParsedFiles();
    ParsedFiles.Kind<StringBuilder> text = new ParsedFiles.Kind<>("text", StringBuilder::new);
    ParsedFiles.Kind<StringBuilder> other = new ParsedFiles.Kind<>("other", StringBuilder::new);
    AtomicInteger parses = new AtomicInteger();
    java.util.function.Function<byte[], StringBuilder> parse =
        b -> {
          parses.incrementAndGet();
          return new StringBuilder(new String(b, StandardCharsets.UTF_8));
        };
    StringBuilder first = files.get(text, Path.of("/r/a.yaml"), bytes("x: 1"), null, parse);
    StringBuilder second = files.get(text, Path.of("/r/a.yaml"), bytes("x: 1"), null, parse);
    assertEquals(1, parses.get());
    assertEquals(1, files.parses(text));
    // Each caller gets its own copy: a change to one is not seen by the next.
    assertNotSame(first, second);
    first.append(" changed");
    assertEquals(
        "x: 1", files.get(text, Path.of("/r/a.yaml"), bytes("x: 1"), null, parse).toString());
    files.get(text, Path.of("/r/a.yaml"), bytes("x: 2"), null, parse);
    files.get(text, Path.of("/r/b.yaml"), bytes("x: 1"), null, parse);
    files.get(other, Path.of("/r/a.yaml"), bytes("x: 1"), null, parse);
    assertEquals(4, parses.get());
    assertEquals(3, files.parses(text));
    assertEquals(1, files.parses(other));
  }

  @Test
  void aHitChargesTheBudgetWhatTheParseChargedOrParsesAgainWhenThatDoesNotFit() {
    ParsedFiles files = new ParsedFiles();
    ParsedFiles.Kind<String> kind = new ParsedFiles.Kind<>("text", s -> s);
    RenderBudget first = new RenderBudget(100);
    java.util.function.Function<RenderBudget, java.util.function.Function<byte[], String>> parse =
        budget ->
            b -> {
              if (!budget.charge(40)) {
                throw new IllegalStateException(budget.exceeded());
              }
              return "parsed";
            };
    files.get(kind, Path.of("/r/a"), bytes("a"), first, parse.apply(first));
    assertEquals(40, first.used());
    RenderBudget second = new RenderBudget(100);
    second.charge(10);
    files.get(kind, Path.of("/r/a"), bytes("a"), second, parse.apply(second));
    assertEquals(50, second.used()); // charged as if it had parsed
    assertEquals(1, files.parses(kind));
    RenderBudget full = new RenderBudget(100);
    full.charge(70);
    assertThrows(
        IllegalStateException.class,
        () -> files.get(kind, Path.of("/r/a"), bytes("a"), full, parse.apply(full)));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aRenderRecordsEveryFileItReadsAndLooksFor() throws IOException {
    write("platform.yaml", "apiVersion: platform.stonegarden.dev/v1alpha1\nkind: Platform\n");
    write("shared/base/kustomization.yaml", "resources: [app.yaml]\n");
    write(
        "shared/base/app.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {a: b}\n");
    write("shared/unread.yaml", "not: read\n");
    write(
        "services/a/service.yaml",
        """
        apiVersion: platform.stonegarden.dev/v1alpha1
        kind: Service
        metadata: {name: a}
        spec:
          owner: {team: t}
          environments:
            - {name: dev, cluster: c, namespace: a-dev}
        """);
    write(
        "services/a/environments/dev/kustomization.yaml", "resources: [../../../../shared/base]\n");
    BatchRenderer batch = new BatchRenderer(tmp, BatchRenderer.Output.DOCUMENTS, 1);
    BatchRenderer.ServiceRender r =
        batch.renderService(tmp.resolve("services/a/service.yaml"), e -> true);
    assertEquals(List.of(), r.allDiagnostics().stream().filter(d -> d.isError()).toList());
    List<String> inputs =
        r.inputs().stream()
            .map(p -> tmp.toAbsolutePath().relativize(p).toString().replace('\\', '/'))
            .toList();
    for (String expected :
        List.of(
            "platform.yaml",
            "services/platform.yaml", // looked for: a nearer one would win
            "services/a/platform.yaml",
            "services/a/service.yaml",
            "services/a/environments/dev", // a kustomization directory: a file added there counts
            "services/a/environments/dev/kustomization.yaml",
            "services/a/environments/dev/values.yaml", // absent, but it would count
            "shared/base",
            "shared/base/kustomization.yaml",
            "shared/base/app.yaml")) {
      assertTrue(inputs.contains(expected), expected + " not in " + inputs);
    }
    assertTrue(inputs.stream().noneMatch(p -> p.equals("shared/unread.yaml")), inputs.toString());
  }

  private void write(String path, String text) throws IOException {
    Path p = tmp.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
