package dev.stonegarden.render.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** plugin.yaml as docs/argocd.md#pluginyaml describes it. */
class PluginYamlTest {
  Map<?, ?> plugin;
  Map<?, ?> spec;

  @BeforeEach
  void load() throws IOException {
    Path file = Path.of(System.getProperty("project.dir", "."), "plugin.yaml");
    plugin =
        (Map<?, ?>)
            new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build())
                .loadFromString(Files.readString(file));
    spec = (Map<?, ?>) plugin.get("spec");
  }

  @Test
  void identity() {
    assertEquals("ConfigManagementPlugin", plugin.get("kind"));
    assertEquals("platform-render", ((Map<?, ?>) plugin.get("metadata")).get("name"));
    assertEquals("v1", spec.get("version"));
  }

  @Test
  void generateIsExecutedWithoutAShell() {
    assertEquals(Map.of("command", List.of("platform-render", "generate")), spec.get("generate"));
    assertNull(spec.get("init"));
  }

  @Test
  void noDiscoveryAndNoIgnoredFields() {
    assertNull(spec.get("discover"), "Applications name the plugin: no discovery");
    for (String ignored :
        List.of("lockRepo", "allowConcurrency", "preserveFileMode", "provideGitCreds")) {
      assertFalse(spec.containsKey(ignored), ignored);
    }
  }

  @Test
  void parametersMatchTheKnownParameterTable() {
    Map<?, ?> parameters = (Map<?, ?>) spec.get("parameters");
    assertEquals(
        Map.of("command", List.of("platform-render", "cmp", "parameters")),
        parameters.get("dynamic"));
    List<?> statics = (List<?>) parameters.get("static");
    assertEquals(KnownParameter.ALL.size(), statics.size());
    for (int i = 0; i < statics.size(); i++) {
      Map<?, ?> s = (Map<?, ?>) statics.get(i);
      KnownParameter k = KnownParameter.ALL.get(i);
      assertEquals(k.name(), s.get("name"));
      assertEquals(k.title(), s.get("title"));
      assertEquals(k.tooltip(), s.get("tooltip"));
      assertEquals(k.required(), s.get("required"));
      assertEquals(k.form().key(), s.get("collectionType"));
      assertEquals(k.defaultValue(), s.get("string"));
    }
    assertTrue(KnownParameter.ENVIRONMENT.required());
  }
}
