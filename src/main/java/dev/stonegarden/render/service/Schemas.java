package dev.stonegarden.render.service;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.stonegarden.render.yaml.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The three JSON Schemas platform-render publishes ({@code schema service|values|platform}), each
 * loaded once from the classpath and compiled once by networknt's validator.
 */
public enum Schemas {
  SERVICE("service"),
  VALUES("values"),
  PLATFORM("platform");

  private final String kind;
  private volatile Loaded loaded;

  Schemas(String kind) {
    this.kind = kind;
  }

  /** The name used on the command line: service, values or platform. */
  public String kind() {
    return kind;
  }

  /** The schema's {@code $id}, the URL editors know the schema by. */
  public String id() {
    return "https://platform.stonegarden.dev/schemas/" + kind + "-v1alpha1.json";
  }

  /** The schema exactly as shipped (UTF-8 text of the classpath resource). */
  public String text() {
    return load().text;
  }

  /** The schema as a tree (for suggestions and tests). */
  public JsonNode tree() {
    return load().tree;
  }

  /** Validates {@code instance}; networknt's raw errors, for {@link SchemaCheck} to word. */
  List<Error> validate(JsonNode instance) {
    return load().schema.validate(instance);
  }

  /** The schema named {@code kind} (service, values, platform), or null. */
  public static Schemas byKind(String kind) {
    for (Schemas s : values()) {
      if (s.kind.equals(kind)) {
        return s;
      }
    }
    return null;
  }

  /**
   * Loads every schema now, validators included. A render that needs one meanwhile waits for it
   * (the load is synchronized), so this may run on another thread: {@code cli.WarmUp}.
   */
  public static void loadAll() {
    for (Schemas s : values()) {
      s.load();
    }
  }

  private Loaded load() {
    Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        l = loaded;
        if (l == null) {
          l = new Loaded(resource());
          loaded = l;
        }
      }
    }
    return l;
  }

  private String resource() {
    String name = "/dev/stonegarden/render/schema/" + kind + "-v1alpha1.json";
    try (InputStream in = Schemas.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the classpath: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Loaded {
    final String text;
    final JsonNode tree;
    final Schema schema;

    Loaded(String text) {
      this.text = text;
      this.tree = JsonTrees.SCHEMA.read(text);
      // English whatever the default locale: networknt picks its message bundle by locale
      // (and loads it at start-up). We word most messages ourselves, but not all.
      SchemaRegistryConfig config = SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build();
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config));
      this.schema = registry.getSchema(SchemaLocation.of(tree.get("$id").stringValue()), tree);
      this.schema.initializeValidators();
    }
  }
}
