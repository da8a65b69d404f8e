package dev.stonegarden.render.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.batch.BatchRenderer;
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
  void parsedOncePerPathAndContent() {
    ParsedFiles<String> files = new ParsedFiles<>();
    AtomicInteger parses = new AtomicInteger();
    java.util.function.Function<byte[], String> parse =
        b -> {
          parses.incrementAndGet();
          return new String(b, StandardCharsets.UTF_8);
        };
    String first = files.get(Path.of("/r/a.yaml"), "x: 1".getBytes(StandardCharsets.UTF_8), parse);
    assertSame(
        first, files.get(Path.of("/r/a.yaml"), "x: 1".getBytes(StandardCharsets.UTF_8), parse));
    assertEquals(1, parses.get());
    files.get(Path.of("/r/a.yaml"), "x: 2".getBytes(StandardCharsets.UTF_8), parse);
    files.get(Path.of("/r/b.yaml"), "x: 1".getBytes(StandardCharsets.UTF_8), parse);
    assertEquals(3, parses.get());
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
