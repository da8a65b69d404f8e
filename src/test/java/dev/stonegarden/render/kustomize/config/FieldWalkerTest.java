package dev.stonegarden.render.kustomize.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** Field-spec walks: the walked body, or the problem that stopped the walk. */
class FieldWalkerTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void aWalkSetsEveryFieldItReachesAndReturnsTheBody() {
    ObjectNode body = F.objectNode();
    body.putObject("spec").putArray("containers").add(F.objectNode().put("image", "a"));
    ((tools.jackson.databind.node.ArrayNode) body.at("/spec/containers")).addObject();
    List<String> seen = new ArrayList<>();
    Checked<ObjectNode> walked =
        FieldWalker.walk(
            body,
            FieldSpec.any("spec/containers/image", false),
            FieldWalker.Create.NONE,
            slot -> {
              seen.add(slot.value().asString());
              slot.set(StringNode.valueOf("b"));
            });
    assertSame(body, walked.value());
    assertEquals(List.of("a"), seen);
    assertEquals("b", body.at("/spec/containers/0/image").asString());
  }

  @Test
  void aScalarOnThePathIsKustomizesError() {
    ObjectNode body = F.objectNode().put("spec", "text");
    Checked<ObjectNode> walked =
        FieldWalker.walk(
            body,
            FieldSpec.any("spec/template", false),
            FieldWalker.Create.NONE,
            slot -> {
              throw new AssertionError("nothing to set");
            });
    assertEquals(
        "expected sequence or mapping node",
        assertInstanceOf(Problem.InValue.class, walked.problem()).message());
  }
}
