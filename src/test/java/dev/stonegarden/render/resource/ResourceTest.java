package dev.stonegarden.render.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stonegarden.render.diag.SourcePosition;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@link Resource}'s bookkeeping changes only through its own methods. */
class ResourceTest {
  private static Resource configMap(String name) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("apiVersion", "v1");
    body.put("kind", "ConfigMap");
    body.putObject("metadata").put("name", name);
    return new Resource(body, SourcePosition.none(), null);
  }

  @Test
  void itsListsAreReadOnly() {
    Resource r = configMap("a");
    r.addPrefix("p-");
    r.addSuffix("-s");
    r.addRefVarName("V");
    assertThrows(UnsupportedOperationException.class, () -> r.prefixes().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> r.suffixes().clear());
    assertThrows(UnsupportedOperationException.class, () -> r.refVarNames().add("W"));
    assertEquals(List.of("p-"), r.prefixes());
    assertEquals(List.of("-s"), r.suffixes());
    assertEquals(List.of("V"), r.refVarNames());
  }

  @Test
  void takesTheWholeHistoryOfAnother() {
    Resource old = configMap("old");
    old.addPrefix("p-");
    old.addRefVarName("V");
    old.rememberId();
    Resource r = configMap("new");
    r.addSuffix("-s");
    r.takeHistoryOf(old);
    assertEquals(List.of("p-"), r.prefixes());
    assertEquals(List.of(), r.suffixes());
    assertEquals(List.of("V"), r.refVarNames());
    assertEquals(old.previousIds(), r.previousIds());
    Resource copy = r.copy();
    copy.addPrefix("q-");
    assertEquals(List.of("p-"), r.prefixes());
  }
}
