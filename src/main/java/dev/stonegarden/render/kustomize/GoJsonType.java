package dev.stonegarden.render.kustomize;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Go type of a kustomization field, as far as Go's {@code encoding/json} sees it when it
 * decodes a kustomization with {@code DisallowUnknownFields}
 * (docs/kustomize.md#the-kustomization-file): scalars, string-keyed maps, slices and structs whose
 * field names match case-insensitively.
 */
abstract class GoJsonType {
  /** The name Go prints in "of type ..." messages. */
  abstract String goName();

  static final GoJsonType STRING = scalar("string");
  static final GoJsonType BOOL = scalar("bool");
  static final GoJsonType INT64 = scalar("int64");
  static final GoJsonType INT = scalar("int");

  /** Anything (kept as it is). */
  static final GoJsonType ANY = scalar("interface {}");

  static GoJsonType scalar(String name) {
    return new Scalar(name);
  }

  static GoJsonType mapOf(GoJsonType value) {
    return new MapOf(value);
  }

  static GoJsonType listOf(GoJsonType elem) {
    return new ListOf(elem);
  }

  static Struct struct(String name) {
    return new Struct(name);
  }

  static final class Scalar extends GoJsonType {
    private final String name;

    Scalar(String name) {
      this.name = name;
    }

    @Override
    String goName() {
      return name;
    }
  }

  static final class MapOf extends GoJsonType {
    final GoJsonType value;

    MapOf(GoJsonType value) {
      this.value = value;
    }

    @Override
    String goName() {
      return "map[string]" + value.goName();
    }
  }

  static final class ListOf extends GoJsonType {
    final GoJsonType elem;

    ListOf(GoJsonType elem) {
      this.elem = elem;
    }

    @Override
    String goName() {
      return "[]" + elem.goName();
    }
  }

  /**
   * A Go struct: JSON field names (canonical spelling) and their types; embedded structs are
   * flattened.
   */
  static final class Struct extends GoJsonType {
    final String name;
    final Map<String, String> canonical = new LinkedHashMap<>();
    final Map<String, GoJsonType> types = new LinkedHashMap<>();
    boolean pointer;

    Struct(String name) {
      this.name = name;
    }

    Struct field(String json, GoJsonType type) {
      canonical.put(json.toLowerCase(Locale.ROOT), json);
      types.put(json, type);
      return this;
    }

    /** Marks the struct as used through a pointer ({@code *types.X} in messages). */
    Struct ptr() {
      Struct s = new Struct(name);
      s.canonical.putAll(canonical);
      s.types.putAll(types);
      s.pointer = true;
      return s;
    }

    @Override
    String goName() {
      return (pointer ? "*" : "") + "types." + name;
    }
  }
}
