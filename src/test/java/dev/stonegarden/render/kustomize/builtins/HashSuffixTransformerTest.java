package dev.stonegarden.render.kustomize.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.kustomize.Trees;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.yaml.GoJson;
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
      """)
  void hash(String what, String object, String expected) {
    Resource r = Trees.resources(object).get(0);
    assertEquals(expected, HashSuffixTransformer.hash(r.body()), what);
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
    assertEquals(out, GoJson.marshal(tools.jackson.databind.json.JsonMapper.shared().readTree(in)));
  }
}
