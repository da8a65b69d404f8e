package dev.stonegarden.render.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decoding of kustomization files with Go's JSON rules (docs/kustomize.md#the-kustomization-file,
 * cases 016, 017, 024, 036, 056).
 */
class KustomizationLoaderTest {
  @TempDir Path dir;

  private Kustomization load(String text) throws IOException {
    Files.writeString(dir.resolve("kustomization.yaml"), text);
    FileLoader loader = FileLoader.forRoot(dir, null, SourcePosition.of(dir));
    return KustomizationLoader.load(loader, SourcePosition.none(), new Problems());
  }

  @Test
  void keysMatchCaseInsensitivelyAndTheLastDuplicateWins() throws IOException {
    Kustomization k = load("NAMEPREFIX: a-\nnamePrefix: b-\nnamePrefix: c-\n");
    assertEquals("c-", k.namePrefix());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      namePrefx: x-                                 | 1:1 | invalid Kustomization: json: unknown field "namePrefx"
      namespace: yes                                | 1:12 | cannot unmarshal bool into Go struct field Kustomization.namespace of type string
      'labels: [{pairs: {v: 2}}]'                   | 1:22 | cannot unmarshal number into Go struct field Label.labels.pairs of type string
      'images: [{name: a, newtag: 1}]'              | 1:28 | cannot unmarshal number into Go struct field Image.images.newTag of type string
      resources: cm.yaml                            | 1:12 | cannot unmarshal string into Go struct field Kustomization.resources of type []string
      'apiVersion: v1\\nnamePrefix: x-'              | 1:13 | apiVersion for Kustomization should be kustomize.config.k8s.io/v1beta1
      'kind: Kustomization'                         | 0:0  | kustomization.yaml is empty
      """)
  void rejects(String text, String at, String message) throws IOException {
    InputException e =
        assertThrows(InputException.class, () -> load(text.replace("\\n", "\n") + "\n"));
    String got = e.diagnostics().get(0).message();
    assertTrue(got.contains(message), got);
    SourcePosition p = e.diagnostics().get(0).at();
    assertEquals(at, p.line() + ":" + p.column());
  }

  @Test
  void deprecatedFieldsWarnOncePerFile() throws IOException {
    Files.writeString(dir.resolve("kustomization.yaml"), "commonLabels: {a: b}\nbases: []\n");
    Problems p = new Problems();
    KustomizationLoader.load(
        FileLoader.forRoot(dir, null, SourcePosition.of(dir)), SourcePosition.none(), p);
    assertEquals(2, p.warnings().size());
    assertTrue(p.warnings().get(0).message().startsWith("'bases' is deprecated"));
  }

  @Test
  void theModelNamesExactlyTheFieldsTheDecoderAccepts() {
    List<String> model = new ArrayList<>();
    for (Kustomization.Field f : Kustomization.Field.values()) {
      model.add(f.key());
    }
    assertEquals(new ArrayList<>(KustomizationSchema.KUSTOMIZATION.types.keySet()), model);
  }

  @Test
  void entriesKeepTheirPlacesAndDeprecatedSpellingsFoldIn() throws IOException {
    Kustomization k =
        load(
            "resources: [a.yaml]\nBases: [b]\nimageTags: [{name: img1, newTag: '1'}]\n"
                + "images: [{name: img2}]\npatches: [{path: p.yaml, target: {kind: K}}]\n");
    assertEquals(
        List.of("a.yaml", "b"), k.resources().stream().map(Kustomization.Item::value).toList());
    assertEquals("2:9", at(k.resources().get(1).place().at()));
    assertEquals(List.of("img2", "img1"), k.images().stream().map(i -> i.name()).toList());
    Kustomization.Patch patch = k.patches().get(0);
    assertEquals("K", patch.target().kind());
    assertEquals("5:18", at(patch.pathPlace().at()));
    assertThrows(UnsupportedOperationException.class, () -> k.resources().clear());
  }

  private static String at(SourcePosition p) {
    return p.line() + ":" + p.column();
  }
}
