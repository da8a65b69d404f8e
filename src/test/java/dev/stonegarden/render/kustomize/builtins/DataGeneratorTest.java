package dev.stonegarden.render.kustomize.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.Trees;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ConfigMap and Secret generators (docs/kustomize.md#configmap-and-secret-generators). The expected
 * text is what {@code kubectl kustomize} printed for the equivalent kustomization (checked by
 * hand).
 */
class DataGeneratorTest {
  private static FileSource files(Map<String, String> content) {
    return new FileSource() {
      @Override
      public byte[] read(String relative, SourcePosition at) {
        return content.get(relative).getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public Path resolve(String relative) {
        return Path.of(relative);
      }
    };
  }

  private static String generate(DataGenerator... gens) {
    List<Resource> out = new ArrayList<>();
    for (DataGenerator g : gens) {
      out.addAll(g.generate(new ResourceList()));
    }
    return Trees.yaml(out);
  }

  @Test
  void literalsEnvsOptionsAndWrappedSecrets() {
    FileSource fs = files(Map.of("a.env", "# c\n  K=v  \nN\n"));
    GeneratorOptions noHash = new GeneratorOptions(null, null, true, false);
    assertEquals(
        """
        apiVersion: v1
        data:
          E: ""
          K: 'v  '
          "N": ""
          Q: quoted
        immutable: true
        kind: ConfigMap
        metadata:
          labels:
            l: v
          name: app
        ---
        apiVersion: v1
        data:
          long: |
            MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMT
            IzNDU2Nzg5MDEyMzQ1Njc4OQ==
        kind: Secret
        metadata:
          name: s
        type: Opaque
        """,
        generate(
            new DataGenerator(
                new DataGenerator.Args(
                    "ConfigMap",
                    "app",
                    "",
                    "",
                    List.of("Q=\"quoted\"", "E="),
                    List.of(),
                    List.of("a.env"),
                    new GeneratorOptions(Map.of("l", "v"), null, true, true),
                    ""),
                fs,
                SourcePosition.none()),
            new DataGenerator(
                new DataGenerator.Args(
                    "Secret",
                    "s",
                    "",
                    "",
                    List.of(
                        "long=0123456789012345678901234567890123456789012345678901234567890123456789"),
                    List.of(),
                    List.of(),
                    noHash,
                    ""),
                fs,
                SourcePosition.none())));
  }

  @Test
  void aRepeatedKeyIsAnError() {
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                generate(
                    new DataGenerator(
                        new DataGenerator.Args(
                            "ConfigMap",
                            "dup",
                            "",
                            "",
                            List.of("A=1", "A=2"),
                            List.of(),
                            List.of(),
                            null,
                            ""),
                        files(Map.of()),
                        SourcePosition.none())));
    assertTrue(e.diagnostics().get(0).message().contains("illegally repeats the key `A`"));
  }

  @Test
  void globalOptionsMergeIntoLocalOnes() {
    GeneratorOptions merged =
        GeneratorOptions.merge(
            new GeneratorOptions(Map.of("a", "local"), null, false, false),
            new GeneratorOptions(
                Map.of("a", "global", "b", "global"), Map.of("x", "y"), true, false));
    assertEquals(Map.of("a", "local", "b", "global"), merged.labels());
    assertEquals(Map.of("x", "y"), merged.annotations());
    assertTrue(merged.disableNameSuffixHash());
  }
}
