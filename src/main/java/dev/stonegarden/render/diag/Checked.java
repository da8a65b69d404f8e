package dev.stonegarden.render.diag;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;

/**
 * What a function inside a layer returns when its input can be wrong: the value, or the {@link
 * Problem}s that kept it from being computed. The one result type of the layers; the boundary that
 * knows the file turns problems into {@link Diagnostic}s or an {@link InputException}.
 *
 * <p>A failed result has at least one problem. Reading the {@link #value()} of a failed result is a
 * bug (an {@link IllegalStateException}): callers that know their input is valid (the render built
 * it, a validator checked it before) may read it directly.
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
