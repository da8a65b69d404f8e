package dev.stonegarden.render.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionCheckTest {
  /** Conditions from Argo Rollouts' documentation and tests, and the render's own. */
  static final List<String> VALID =
      List.of(
          "result[0] >= 0.95",
          "result[0] < 1",
          "len(result) > 0 && !isNaN(result[0]) && result[0] >= 0.995",
          "len(result) == 0 || isNaN(result[0]) || result[0] <= 0.25",
          "all(result, # < 1000)",
          "any(result, {# > 5})",
          "result.successful == true",
          "result.data.ok and not result.data.failed",
          "asInt(result) == 1",
          "asFloat(result[0]) < 0.5",
          "default(result, 0) >= 1",
          "isNil(result) || result[0] > 0",
          "result == \"ok\"",
          "result[0] in [1, 2, 3]",
          "result[0] not in [1, 2]",
          "result matches '^ok'",
          "(result[0] > 1) ? true : false",
          "result | all(# > 0)",
          "result[0] >= 1e-3",
          "result[1:] != nil",
          "true");

  record Bad(String condition, int offset, String message) {}

  static final List<Bad> INVALID =
      List.of(
          new Bad("", 0, "the condition is empty"),
          new Bad("result[0] >=", 12, "unexpected end of the condition"),
          new Bad("reslt[0] > 1", 0, "unknown name reslt"),
          new Bad("isNAN(result[0])", 0, "unknown function isNAN"),
          new Bad("result[0] > 1 &&", 16, "unexpected end"),
          new Bad("result[0", 8, "expected \"]\""),
          new Bad("result[0]", 0, "not true or false"),
          new Bad("0.95", 0, "not true or false"),
          new Bad("result[0] + 1", 0, "not true or false"),
          new Bad("result[0] > 'a", 12, "literal not terminated"),
          new Bad("result[0] >= 0.95; result[0] < 1", 17, "unexpected character"));

  @Test
  void acceptsWhatArgoRolloutsCompiles() {
    for (String c : VALID) {
      assertEquals(List.of(), ConditionCheck.check(c).problems(), c);
    }
  }

  @Test
  void refusesWithThePosition() {
    for (Bad b : INVALID) {
      Checked<String> checked = ConditionCheck.check(b.condition());
      assertFalse(checked.ok(), b.condition());
      Problem.InText p = assertInstanceOf(Problem.InText.class, checked.problem(), b.condition());
      assertTrue(p.message().contains(b.message()), b.condition() + ": " + p.message());
      assertEquals(b.offset(), p.offset(), b.condition() + ": " + p.message());
    }
  }
}
