package dev.stonegarden.render.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Where a problem found inside a layer is, before anyone knows the file. */
class ProblemTest {

  @Test
  void aDocumentProblemGainsOneTokenPerLevelOnTheWayOut() {
    Problem.InDocument p = new Problem.InDocument(-1, "", "json: unsupported value: NaN");
    Problem.InDocument out = p.under("1").under("values").under("spec").inDocument(2);
    assertEquals(new Problem.InDocument(2, "/spec/values/1", "json: unsupported value: NaN"), out);
    assertEquals(new Problem.InDocument(-1, "", "json: unsupported value: NaN"), p);
  }

  @Test
  void theTokenIsTakenAsEscaped() {
    assertEquals("/a~1b", new Problem.InDocument(0, "", "m").under("a~1b").pointer());
  }

  @Test
  void placesAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new Problem.InText(-1, "m"));
    assertThrows(IllegalArgumentException.class, () -> new Problem.InDocument(-2, "", "m"));
    assertThrows(NullPointerException.class, () -> new Problem.InValue(null));
    assertThrows(NullPointerException.class, () -> new Problem.InDocument(0, null, "m"));
    assertEquals(0, new Problem.InText(0, "m").offset());
  }

  @Test
  void everyShapeHasItsMessage() {
    assertEquals("a", new Problem.InValue("a").message());
    assertEquals("b", new Problem.InText(4, "b").message());
    assertEquals("c", new Problem.InDocument(0, "/x", "c").message());
  }
}
