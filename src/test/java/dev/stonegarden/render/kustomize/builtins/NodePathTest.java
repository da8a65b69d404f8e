package dev.stonegarden.render.kustomize.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Field paths of replacements and vars: places as values, kyaml's errors as problems. */
class NodePathTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static ObjectNode deployment() {
    ObjectNode root = F.objectNode();
    root.putObject("spec").putArray("ports").addObject().put("name", "http").put("port", 80);
    return root;
  }

  private static Checked<List<NodePath.Hit>> match(String path, NodePath.Kind create) {
    return NodePath.match(deployment(), NodePath.split(path), create);
  }

  private static String problem(String path) {
    return assertInstanceOf(Problem.InValue.class, match(path, NodePath.Kind.NONE).problem())
        .message();
  }

  @Test
  void reachedPlacesAreTheValue() {
    List<NodePath.Hit> hits = match("spec.ports.[name=http].port", NodePath.Kind.NONE).value();
    assertEquals(1, hits.size());
    assertEquals(80, hits.get(0).slot().value().intValue());
    assertEquals(List.of(), match("spec.missing", NodePath.Kind.NONE).value());
  }

  @Test
  void pathsThatCannotBeFollowedAreProblemsWithKyamlsWords() {
    assertEquals("index 3 specified but only 1 elements found", problem("spec.ports.3.port"));
    assertEquals(
        "list path element must contain fieldName=fieldValue for element to match",
        problem("spec.ports.[http].port"));
    // ten digits are no index but a field name, which a list does not have
    assertEquals(List.of(), match("spec.ports.1234567890.port", NodePath.Kind.NONE).value());
    String regex = problem("spec.ports.[name=(].port");
    assertEquals(true, regex.startsWith("Unclosed group near index 1"), regex);
  }
}
