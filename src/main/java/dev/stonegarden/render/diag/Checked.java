package dev.stonegarden.render.diag;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a function inside a layer returns when its input can be wrong: the value, or the {@link
 * Problem}s that kept it from being computed. The one result type of the layers; the boundary that
 * knows the file turns problems into {@link Diagnostic}s or an {@link InputException}.
 *
 * <p>A failed result has at least one problem. Reading the {@link #value()} of a failed result is a
 * bug (an {@link IllegalStateException}): callers that know their input is valid (the render built
 * it, a validator checked it before) may read it directly.
 *
 * <p>A recursive descent (a parser, a tree walk, an emitter) that finds its first problem deep down
 * throws it out as an {@link Escape} to its class's entry point, which turns it into a failed
 * result ({@link #of}): the one way a problem travels by exception, and only inside one class.
 */
public sealed interface Checked<T> permits Checked.Ok, Checked.Failed {

  /** A value that passed. */
  record Ok<T>(T value) implements Checked<T> {
    public Ok {
      requireNonNull(value, "value == null");
    }

    @Override
    public List<Problem> problems() {
      return List.of();
    }
  }

  /** No value: the problems, in the order they were found (at least one). */
  record Failed<T>(List<Problem> problems) implements Checked<T> {
    public Failed {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a failed result needs at least one problem");
      }
    }

    @Override
    public T value() {
      throw new IllegalStateException("no value: " + problems.get(0).message());
    }
  }

  static <T> Checked<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Checked<T> failed(Problem problem) {
    return new Failed<>(List.of(problem));
  }

  static <T> Checked<T> failed(List<Problem> problems) {
    return new Failed<>(problems);
  }

  /**
   * What {@code descent} returns, or the problem of the {@link Escape} it throws. For a class's
   * entry point around its own recursion; anything else {@code descent} throws is a bug and passes
   * on.
   */
  static <T> Checked<T> of(Supplier<? extends T> descent) {
    T value;
    try {
      value = descent.get();
    } catch (Escape e) {
      return failed(e.problem());
    }
    return ok(value);
  }

  /**
   * A problem on its way out of a recursive descent: thrown only inside a class's own recursion and
   * caught by that class's entry point, which returns it as a failed {@link Checked} (with {@link
   * Checked#of}, or its own {@code catch} where it adds something on the way). It never crosses a
   * public API: every public method of a layer returns {@code Checked}, and a caller never sees
   * this exception. Stackless (it is control flow, not a bug), its message the problem's.
   */
  final class Escape extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public Escape(Problem problem) {
      super(requireNonNull(problem, "problem == null").message(), null, false, false);
      this.problem = problem;
    }

    /** The problem that escaped. */
    public Problem problem() {
      return problem;
    }

    /**
     * The same escape one level further out, for a descent through a document (the writers): its
     * {@link Problem.InDocument} with {@code escapedToken} (a key already escaped for a JSON
     * pointer, or an index) in front of the pointer. Any other problem has no pointer to extend (an
     * {@link IllegalStateException}: a bug).
     */
    public Escape under(String escapedToken) {
      if (!(problem instanceof Problem.InDocument d)) {
        throw new IllegalStateException("no pointer to extend: " + problem.message());
      }
      return new Escape(d.under(escapedToken));
    }
  }

  /** The value; {@link IllegalStateException} when there is none. */
  T value();

  /** The problems; empty when there is a value. */
  List<Problem> problems();

  default boolean ok() {
    return this instanceof Ok;
  }

  /** The first problem; {@link IllegalStateException} when there is none. */
  default Problem problem() {
    if (problems().isEmpty()) {
      throw new IllegalStateException("no problem: the result has a value");
    }
    return problems().get(0);
  }

  /** The value passed through {@code f}, or the same problems. */
  default <U> Checked<U> map(Function<? super T, ? extends U> f) {
    return ok() ? ok(f.apply(value())) : failed(problems());
  }

  /** {@code f} of the value (which may fail in its turn), or the same problems. */
  default <U> Checked<U> flatMap(Function<? super T, Checked<U>> f) {
    return ok() ? f.apply(value()) : failed(problems());
  }

  /**
   * The value, or what {@code boundary} makes of the problems thrown: the boundary that knows the
   * file turns them into an {@link InputException} there.
   */
  default <X extends RuntimeException> T orElseThrow(
      Function<? super List<Problem>, ? extends X> boundary) {
    if (ok()) {
      return value();
    }
    throw boundary.apply(problems());
  }
}
