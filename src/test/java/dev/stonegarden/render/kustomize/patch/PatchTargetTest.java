package dev.stonegarden.render.kustomize.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.LabelSelector;
import dev.stonegarden.render.resource.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

class PatchTargetTest {

  static Resource resource(String yaml) {
    return new Resource((ObjectNode) SmCase.parse(yaml), SourcePosition.none(), null);
  }

  private static final Resource WEB =
      resource(
          """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: prod
        labels: {app: web, tier: front, version: "3"}
        annotations: {owner: payments}
      """);

  private static final Resource PLAIN_SERVICE =
      resource(
          """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      """);

  private static final Resource CLUSTER_ROLE =
      resource(
          """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: reader
      """);

  static PatchTarget t(
      String group,
      String version,
      String kind,
      String name,
      String ns,
      String labels,
      String ann) {
    return new PatchTarget(group, version, kind, name, ns, labels, ann);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
      empty target selects all        | -     | -  | -                  | -        | -          | true
      group                           | apps  | -  | -                  | -        | -          | true
      group is anchored               | app   | -  | -                  | -        | -          | false
      group regex                     | ap.*  | -  | -                  | -        | -          | true
      version                         | -     | v1 | -                  | -        | -          | true
      kind alternation                | -     | -  | 'Deployment|Service' | -      | -          | true
      kind is anchored                | -     | -  | Deploy             | -        | -          | false
      kind is case sensitive          | -     | -  | deployment         | -        | -          | false
      name regex                      | -     | -  | -                  | w.b      | -          | true
      name prefix only does not match | -     | -  | -                  | we       | -          | false
      namespace                       | -     | -  | -                  | -        | prod       | true
      other namespace                 | -     | -  | -                  | -        | dev        | false
      default does not match prod     | -     | -  | -                  | -        | default    | false
      """)
  void regexFields(
      String title,
      String group,
      String version,
      String kind,
      String name,
      String ns,
      boolean selects) {
    assertEquals(selects, t(group, version, kind, name, ns, null, null).selects(WEB), title);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      equals                       | app=web                    | true
      double equals                | app==web                   | true
      not equals                   | app!=api                   | true
      not equals on the same value | app!=web                   | false
      not equals on a missing key  | missing!=x                 | true
      in                           | tier in (front, back)      | true
      in misses                    | tier in (back)             | false
      notin                        | tier notin (back)          | true
      notin on a missing key       | missing notin (x)          | true
      exists                       | tier                       | true
      does not exist               | !canary                    | true
      exists fails                 | canary                     | false
      all requirements             | app=web,tier in (front),!canary | true
      one requirement fails        | app=web,tier=back          | false
      greater than                 | version>2                  | true
      less than                    | version<2                  | false
      spaces around                | '  app = web , tier '      | true
      """)
  void labelSelectors(String title, String selector, boolean selects) {
    assertEquals(selects, t(null, null, null, null, null, selector, null).selects(WEB), title);
  }

  @Test
  void annotationSelector() {
    assertTrue(t(null, null, null, null, null, null, "owner=payments").selects(WEB));
    assertFalse(t(null, null, null, null, null, null, "owner=search").selects(WEB));
    assertFalse(t(null, null, null, null, null, null, "owner").selects(PLAIN_SERVICE));
  }

  @Test
  void defaultNamespaceSelectsUnnamespacedObjects() {
    assertTrue(t(null, null, null, null, "default", null, null).selects(PLAIN_SERVICE)); // case 097
    assertFalse(t(null, null, null, null, "prod", null, null).selects(PLAIN_SERVICE));
  }

  @Test
  void clusterScopedObjectsHaveNoNamespace() {
    assertFalse(t(null, null, null, null, "default", null, null).selects(CLUSTER_ROLE));
    assertTrue(t(null, null, "ClusterRole", null, null, null, null).selects(CLUSTER_ROLE));
  }

  @Test
  void originalOrCurrentNameAndNamespace() {
    Resource r = resource("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n");
    r.rememberId();
    r.setName("p-cfg");
    r.setNamespace("team");
    assertTrue(t(null, null, null, "cfg", null, null, null).selects(r));
    assertTrue(t(null, null, null, "p-cfg", null, null, null).selects(r));
    assertTrue(t(null, null, null, null, "default", null, null).selects(r));
    assertTrue(t(null, null, null, null, "team", null, null).selects(r));
    assertFalse(t(null, null, null, "other", null, null, null).selects(r));
  }

  @Test
  void kindMatchesTheCurrentKindOnly() {
    Resource r = resource("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n");
    r.rememberId();
    r.body().put("kind", "Rollout");
    assertFalse(t(null, null, "Deployment", null, null, null, null).selects(r));
    assertTrue(t("apps", null, "Rollout", null, null, null, null).selects(r));
  }

  @Test
  void problems() {
    assertEquals(
        List.of(),
        t("apps", "v1", "Deployment", "web-.*", "prod", "a in (b)", "x=y").compile().problems());
    assertFalse(t(null, null, null, "web-[", null, null, null).compile().ok());
    assertTrue(
        t(null, null, null, null, null, "a in (b", null)
            .compile()
            .problem()
            .message()
            .contains("expected ')'"));
    assertTrue(
        t(null, null, null, null, null, "a=b c", null)
            .compile()
            .problem()
            .message()
            .contains("invalid selector"));
    assertThrows(
        IllegalStateException.class,
        () -> t(null, null, null, null, null, "=x", null).selects(WEB));
  }

  @Test
  void labelSelectorEdgeCases() {
    assertTrue(LabelSelector.parse("").value().matches(Map.of()));
    assertTrue(LabelSelector.parse("a=").value().matches(Map.of("a", "")));
    assertTrue(
        LabelSelector.parse("example.com/team=x").value().matches(Map.of("example.com/team", "x")));
    assertFalse(LabelSelector.parse("a=b=c").ok());
    assertFalse(LabelSelector.parse("a>b").ok());
    assertFalse(LabelSelector.parse("a,").ok());
    assertFalse(LabelSelector.parse("a==b!").ok());
    assertFalse(LabelSelector.parse("a=" + "x".repeat(64)).ok());
  }
}
