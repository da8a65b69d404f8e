package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Jackson's errors worded and placed for diagnostics (issue 9: dashboard nesting had neither). */
class JsonErrorsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void nestingBeyondJacksonsLimitIsPlacedAtTheBracketThatGoesTooDeep() {
    String text = "{\"a\": \"[[[\",\n \"b\":" + "[".repeat(600) + "]".repeat(600) + "}";
    JacksonException e = assertThrows(JacksonException.class, () -> JSON.readTree(text));
    // '{' is level 1, so the 500th '[' is level 501: column 6 + 499 on line 2
    assertEquals("d.json:2:505", JsonErrors.position(Path.of("d.json"), text, e).toString());
    assertEquals(
        "Document nesting depth (501) exceeds the maximum allowed (500)", JsonErrors.message(e));
  }

  @Test
  void aSyntaxErrorKeepsJacksonsPosition() {
    String text = "{\n  \"a\": tru\n}";
    JacksonException e = assertThrows(JacksonException.class, () -> JSON.readTree(text));
    assertEquals(2, JsonErrors.position(Path.of("d.json"), text, e).line());
  }
}
