package dev.stonegarden.render.kustomize.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problem;
import dev.stonegarden.render.kustomize.BuildOptions;
import dev.stonegarden.render.kustomize.Kustomizer;
import dev.stonegarden.render.kustomize.Trees;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.yaml.GoJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Worked examples of docs/kustomize.md#the-hash-suffix, each checked against the real kustomize.
 */
class HashSuffixTransformerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      FOO=bar                          | {apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {FOO: bar}}                                   | 59m54fbgh2
      Go's HTML escaping               | {apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {FOO: bar, HTML: '<b>&amp;</b>'}}             | gt69g858ft
      secret password                  | {apiVersion: v1, kind: Secret, metadata: {name: x}, type: Opaque, data: {password: czNjcjN0}}                | 25k92892fb
      empty ConfigMap                  | {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}                                                      | 6ct58987ht
      name and labels are not hashed   | {apiVersion: v1, kind: ConfigMap, metadata: {name: other, labels: {a: b}}, data: {FOO: bar}}               | 59m54fbgh2
      Go 1.22 writes backspace short   | {apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {L3: "a\\bb"}}                                  | hfg2tcdb48
      a NEL folds to a space           | {apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {L3: "a\\Nb"}}                                  | mggd9k97d4
      two NELs fold to a newline       | {apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {L3: "a\\N\\Nb"}}                              | d78dh678hf
      """)
  void hash(String what, String object, String expected) {
    Resource r = Trees.resources(object).get(0);
    assertEquals(expected, HashSuffixTransformer.hash(r.body()).value(), what);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      {"a":"<>&"}         | {"a":"\\u003c\\u003e\\u0026"}
      {"b":1,"a":"é"}     | {"a":"é","b":1}
      """)
  void goJson(String in, String out) {
    assertEquals(
        out, GoJson.marshal(tools.jackson.databind.json.JsonMapper.shared().readTree(in)).value());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      NaN in data               | {apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {b: ok, a: .nan}}           | /data/a    | NaN
      the first in Go's order   | {apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {z: .nan, y: -.inf}}        | /data/y    | -Inf
      infinity in stringData    | {apiVersion: v1, kind: Secret, metadata: {name: x}, stringData: {p: [1, .inf]}}          | /stringData/p/1 | +Inf
      """)
  void goRefusesNonFiniteNumbersAsKustomizeDoes(
      String what, String object, String pointer, String value) {
    // kubectl kustomize: `json: unsupported value: NaN`, the build fails (Go's json.Marshal of the
    // hash input); the problem names the value's place in the object.
    Resource r = Trees.resources(object).get(0);
    Checked<String> h = HashSuffixTransformer.hash(r.body());
    assertEquals(
        new Problem.InDocument(-1, pointer, "json: unsupported value: " + value),
        h.problem(),
        what);
  }

  @Test
  void aBuildWhosePatchMakesTheHashInputUnwritableIsAnInputError(@TempDir Path tmp)
      throws Exception {
    // The same build makes kubectl kustomize fail with "json: unsupported value: NaN"; it used to
    // end here as an internal error (exit 4). A patched value has no place of its own in the
    // object's source map, so the error points where the object came from: the generator entry,
    // as the writers' refusals of patched values do.
    Files.writeString(
        tmp.resolve("kustomization.yaml"),
        """
        configMapGenerator:
        - name: app
          literals:
          - b=2
        patches:
        - path: patch.yaml
        """);
    Files.writeString(
        tmp.resolve("patch.yaml"),
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: app
        data:
          a: .nan
        """);
    InputException e =
        assertThrows(InputException.class, () -> Kustomizer.build(tmp, BuildOptions.defaults()));
    Diagnostic d = e.diagnostics().get(0);
    assertEquals(
        "json: unsupported value: NaN (hash suffix of ConfigMap.v1.[noGrp]/app.[noNs])",
        d.message());
    assertEquals(tmp.resolve("kustomization.yaml"), d.at().file());
    assertEquals(2, d.at().line());
    assertEquals(3, d.at().column());
  }
}
