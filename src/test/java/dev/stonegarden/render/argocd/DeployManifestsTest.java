package dev.stonegarden.render.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * deploy/: the kustomize component builds (kubectl kustomize as the oracle), the sidecar meets
 * docs/argocd.md#install-the-sidecar, the Helm values say the same, and the examples name the
 * plugin as plugin.yaml defines it.
 */
class DeployManifestsTest {
  private static final Path PROJECT = ProcessRunner.project();

  private static List<Object> load(String text) {
    List<Object> docs = new ArrayList<>();
    new Load(LoadSettings.builder().build()).loadAllFromString(text).forEach(docs::add);
    return docs;
  }

  private static Object loadFile(String path) throws IOException {
    return load(Files.readString(PROJECT.resolve(path))).get(0);
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, Object... path) {
    Object current = node;
    for (Object step : path) {
      current =
          step instanceof Integer i ? ((List<?>) current).get(i) : ((Map<?, ?>) current).get(step);
      assertNotNull(current, "missing " + step);
    }
    return (T) current;
  }

  private static Map<?, ?> named(List<?> list, String name) {
    return list.stream()
        .map(Map.class::cast)
        .filter(m -> name.equals(m.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry named " + name + " in " + list));
  }

  private static List<Object> kustomize() {
    Prerequisites.Output r = Prerequisites.kustomize(PROJECT.resolve("deploy/kustomize/example"));
    assertEquals(0, r.exitCode(), r.stderr());
    return load(r.stdout());
  }

  @Test
  void kustomizeComponentAddsAConformingSidecar() {
    List<Object> objects = kustomize();
    Map<?, ?> deployment =
        objects.stream()
            .map(Map.class::cast)
            .filter(o -> "Deployment".equals(o.get("kind")))
            .findFirst()
            .orElseThrow();
    Map<?, ?> podSpec = at(deployment, "spec", "template", "spec");
    Map<?, ?> sidecar = named(at(podSpec, "containers"), "platform-render");
    assertEquals(List.of("/var/run/argocd/argocd-cmp-server"), sidecar.get("command"));
    Map<?, ?> security = at(sidecar, "securityContext");
    assertEquals(true, security.get("runAsNonRoot"));
    assertEquals(999, security.get("runAsUser"));
    assertEquals(true, security.get("readOnlyRootFilesystem"));
    List<?> mounts = at(sidecar, "volumeMounts");
    assertEquals("/var/run/argocd", named(mounts, "var-files").get("mountPath"));
    assertEquals("/home/argocd/cmp-server/plugins", named(mounts, "plugins").get("mountPath"));
    assertEquals("/tmp", named(mounts, "platform-render-tmp").get("mountPath"));
    // The sidecar's /tmp is private: not the repo-server's tmp volume
    // (docs/argocd.md#install-the-sidecar).
    Map<?, ?> repoServer = named(at(podSpec, "containers"), "argocd-repo-server");
    assertTrue(
        ((List<?>) repoServer.get("volumeMounts"))
            .stream().noneMatch(m -> "platform-render-tmp".equals(((Map<?, ?>) m).get("name"))));
    assertEquals(Map.of(), named(at(podSpec, "volumes"), "platform-render-tmp").get("emptyDir"));
    Map<?, ?> params =
        objects.stream()
            .map(Map.class::cast)
            .filter(o -> "ConfigMap".equals(o.get("kind")))
            .findFirst()
            .orElseThrow();
    assertEquals(".git/*", at(params, "data", "reposerver.plugin.tar.exclusions"));
  }

  @Test
  void helmValuesSayTheSame() throws IOException {
    Object values = loadFile("deploy/helm-values.yaml");
    List<Object> objects = kustomize();
    Map<?, ?> deployment =
        objects.stream()
            .map(Map.class::cast)
            .filter(o -> "Deployment".equals(o.get("kind")))
            .findFirst()
            .orElseThrow();
    Map<?, ?> podSpec = at(deployment, "spec", "template", "spec");
    assertEquals(
        named(at(podSpec, "containers"), "platform-render"),
        named(at(values, "repoServer", "extraContainers"), "platform-render"));
    assertEquals(
        named(at(podSpec, "volumes"), "platform-render-tmp"),
        named(at(values, "repoServer", "volumes"), "platform-render-tmp"));
    Map<?, ?> params =
        objects.stream()
            .map(Map.class::cast)
            .filter(o -> "ConfigMap".equals(o.get("kind")))
            .findFirst()
            .orElseThrow();
    assertEquals(params.get("data"), at(values, "configs", "params"));
  }

  @Test
  void examplesNameThePluginAndTheEnvironment() throws IOException {
    Map<?, ?> plugin = (Map<?, ?>) loadFile("plugin.yaml");
    String name = at(plugin, "metadata", "name") + "-" + at(plugin, "spec", "version");
    assertEquals("platform-render-v1", name);

    Object application = loadFile("deploy/examples/application.yaml");
    assertEquals(name, at(application, "spec", "source", "plugin", "name"));
    assertEquals(
        "staging",
        named(at(application, "spec", "source", "plugin", "parameters"), "environment")
            .get("string"));

    Object appset = loadFile("deploy/examples/applicationset.yaml");
    assertEquals(name, at(appset, "spec", "template", "spec", "source", "plugin", "name"));
    assertEquals(
        "{{.env}}",
        named(
                at(appset, "spec", "template", "spec", "source", "plugin", "parameters"),
                "environment")
            .get("string"));
    // Every element's environment is an environment of the example service.
    Object service = loadFile("examples/kubernetes/services/audiobookshelf/service.yaml");
    List<Object> environments = new ArrayList<>();
    for (Object e : (List<?>) at(service, "spec", "environments")) {
      environments.add(((Map<?, ?>) e).get("name"));
    }
    List<?> elements = at(appset, "spec", "generators", 0, "list", "elements");
    for (Object element : elements) {
      assertTrue(environments.contains(((Map<?, ?>) element).get("env")), element.toString());
    }
  }
}
