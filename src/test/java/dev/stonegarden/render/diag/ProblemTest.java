package dev.stonegarden.render.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
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
    assertEquals("d", new Problem.At(SourcePosition.none(), "d").message());
  }

  @Test
  void aPositionedErrorKeepsItsFirstPlaceAndMessage() {
    SourcePosition first = new SourcePosition(Path.of("patch.yaml"), 3, 7);
    InputException e =
        new InputException(
            List.of(
                Diagnostic.error(first, "mapping values are not allowed here"),
                Diagnostic.error(new SourcePosition(Path.of("patch.yaml"), 9, 1), "later")));
    assertEquals(new Problem.At(first, "mapping values are not allowed here"), Problem.At.of(e));
    assertThrows(NullPointerException.class, () -> new Problem.At(null, "m"));
  }
}
