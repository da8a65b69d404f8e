package dev.stonegarden.render.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one result type of the layers: a value, or the problems that kept it from being computed. */
class CheckedTest {
  private static final Problem FIRST = new Problem.InText(3, "unexpected end of input");
  private static final Problem SECOND = new Problem.InValue("cannot decode !!str scalar as !!int");

  @Test
  void aValueHasNoProblems() {
    Checked<String> ok = Checked.ok("x");
    assertTrue(ok.ok());
    assertEquals("x", ok.value());
    assertEquals(List.of(), ok.problems());
    assertThrows(IllegalStateException.class, ok::problem);
  }

  @Test
  void problemsKeepTheirOrderAndReadingTheValueIsABug() {
    Checked<String> failed = Checked.failed(List.of(FIRST, SECOND));
    assertFalse(failed.ok());
    assertEquals(List.of(FIRST, SECOND), failed.problems());
    assertSame(FIRST, failed.problem());
    IllegalStateException e = assertThrows(IllegalStateException.class, failed::value);
    assertEquals("no value: unexpected end of input", e.getMessage());
  }

  @Test
  void aFailureNeedsAProblemAndAValueIsNeverNull() {
    assertThrows(IllegalArgumentException.class, () -> Checked.failed(List.of()));
    assertThrows(NullPointerException.class, () -> Checked.ok(null));
  }

  @Test
  void theProblemListCannotBeChangedFromOutside() {
    List<Problem> mine = new ArrayList<>(List.of(FIRST));
    Checked<String> failed = Checked.failed(mine);
    mine.add(SECOND);
    assertEquals(List.of(FIRST), failed.problems());
    assertThrows(UnsupportedOperationException.class, () -> failed.problems().add(SECOND));
  }

  @Test
  void mapAndFlatMapWorkOnValuesAndPassProblemsOn() {
    assertEquals(2, Checked.ok("ab").map(String::length).value());
    assertEquals(List.of(SECOND), Checked.ok("ab").flatMap(s -> Checked.failed(SECOND)).problems());
    assertEquals("b", Checked.ok("ab").flatMap(s -> Checked.ok(s.substring(1))).value());
    List<String> called = new ArrayList<>();
    Checked<String> failed = Checked.failed(FIRST);
    Checked<Integer> mapped =
        failed.map(
            s -> {
              called.add(s);
              return s.length();
            });
    Checked<Integer> flat =
        failed.flatMap(
            s -> {
              called.add(s);
              return Checked.ok(1);
            });
    assertEquals(List.of(FIRST), mapped.problems());
    assertEquals(List.of(FIRST), flat.problems());
    assertEquals(List.of(), called, "neither function may run without a value");
  }

  @Test
  void theBoundaryTurnsProblemsIntoItsException() {
    assertEquals("x", Checked.ok("x").orElseThrow(p -> new IllegalStateException("not called")));
    Path file = Path.of("service.yaml");
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                Checked.failed(List.of(FIRST, SECOND))
                    .orElseThrow(
                        problems ->
                            new InputException(
                                problems.stream()
                                    .map(
                                        p ->
                                            Diagnostic.error(
                                                new SourcePosition(file, 2, 5), p.message()))
                                    .toList())));
    assertEquals(
        List.of(
            "service.yaml:2:5: error: unexpected end of input",
            "service.yaml:2:5: error: cannot decode !!str scalar as !!int"),
        e.diagnostics().stream().map(Diagnostic::toString).toList());
  }
}
