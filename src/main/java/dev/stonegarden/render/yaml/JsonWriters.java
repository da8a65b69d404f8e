package dev.stonegarden.render.yaml;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every JSON text the product writes with Jackson, one constant per form, each named for what it
 * writes (the readers are {@link JsonTrees}; rendered objects go through {@link JsonStreamWriter},
 * hash inputs through {@link GoJson}). A mapper is built on first use only: building one costs
 * start-up that a render which writes no such text never pays (docs/install.md#start-up).
 */
public enum JsonWriters {
  /**
   * Values Argo CD reads, on one line without spaces: the parameter announcement of {@code cmp
   * parameters} (docs/argocd.md#parameters) and the JSON values of an ApplicationSet's list
   * elements (docs/appset.md).
   */
  ARGO_CD_VALUE(false),

  /**
   * The report of {@code diff --output json}, indented for people too (docs/ci.md#output-formats).
   */
  DIFF_REPORT(true);

  private final boolean indent;

  JsonWriters(boolean indent) {
    this.indent = indent;
  }

  /** {@code value} (a tree, a collection or a record) as JSON text. */
  public String write(Object value) {
    return (indent ? Indented.MAPPER : Compact.MAPPER).writeValueAsString(value);
  }

  /** Built when first used (a holder class is initialised on first access). */
  private static final class Compact {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
  }

  /** Built when first used. */
  private static final class Indented {
    static final JsonMapper MAPPER =
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  }
}
