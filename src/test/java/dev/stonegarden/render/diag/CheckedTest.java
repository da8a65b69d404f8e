package dev.stonegarden.render.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
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

  @Test
  void aDescentsValuePassesThrough() {
    Checked<String> ok = Checked.of(() -> "x");
    assertTrue(ok.ok());
    assertEquals("x", ok.value());
  }

  @Test
  void anEscapeFromDeepInADescentBecomesTheSameProblem() {
    Checked<Integer> failed = Checked.of(() -> depth(5));
    assertFalse(failed.ok());
    assertSame(FIRST, failed.problem());
    assertEquals(List.of(FIRST), failed.problems());
  }

  /** A recursion that escapes with {@code FIRST} at its bottom. */
  private static int depth(int n) {
    if (n == 0) {
      throw new Checked.Escape(FIRST);
    }
    return depth(n - 1) + 1;
  }

  @Test
  void anythingElseADescentThrowsIsABugAndPassesOn() {
    IllegalStateException bug =
        assertThrows(
            IllegalStateException.class,
            () ->
                Checked.of(
                    () -> {
                      throw new IllegalStateException("a bug");
                    }));
    assertEquals("a bug", bug.getMessage());
  }

  @Test
  void anEscapeIsStacklessAndCarriesItsProblemsMessage() {
    Checked.Escape e = new Checked.Escape(SECOND);
    assertSame(SECOND, e.problem());
    assertEquals("cannot decode !!str scalar as !!int", e.getMessage());
    assertEquals(0, e.getStackTrace().length);
    assertNull(e.getCause());
    e.addSuppressed(new IllegalStateException("ignored"));
    assertEquals(0, e.getSuppressed().length);
    assertThrows(NullPointerException.class, () -> new Checked.Escape(null));
  }

  @Test
  void anEscapeThroughADocumentGainsOneTokenPerLevel() {
    Problem.InDocument bottom = new Problem.InDocument(-1, "", "json: unsupported value: NaN");
    Checked<String> written =
        Checked.of(
            () -> {
              try {
                try {
                  throw new Checked.Escape(bottom);
                } catch (Checked.Escape e) {
                  throw e.under("1");
                }
              } catch (Checked.Escape e) {
                throw e.under("a~1b");
              }
            });
    Problem.InDocument p = assertInstanceOf(Problem.InDocument.class, written.problem());
    assertEquals("/a~1b/1", p.pointer());
    assertEquals(-1, p.document());
    assertEquals("json: unsupported value: NaN", p.message());
  }

  @Test
  void onlyADocumentProblemHasAPointerToExtend() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new Checked.Escape(FIRST).under("a"));
    assertEquals("no pointer to extend: unexpected end of input", e.getMessage());
  }
}
