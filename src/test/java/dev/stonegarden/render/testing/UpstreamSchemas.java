package dev.stonegarden.render.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates Kubernetes objects against the upstream schemas in {@code ../shared/schemas}: the
 * Kubernetes 1.33 OpenAPI definitions (found by {@code x-kubernetes-group-version-kind}) and the
 * {@code openAPIV3Schema} of the CRDs under {@code crds/} (Argo Rollouts, Argo CD, Prometheus
 * Operator, grafana-operator), with networknt (draft 2020-12).
 *
 * <p>Stricter than the API server in one way, looser in one other, both on purpose:
 *
 * <ul>
 *   <li>unknown fields are errors ({@code additionalProperties: false} on every object schema that
 *       lists properties, unless it says {@code x-kubernetes-preserve-unknown-fields}), so a typo
 *       in a generated field fails the test instead of being pruned silently;
 *   <li>IntOrString and Quantity accept integers (and Quantity any number) although the OpenAPI
 *       types them as strings (kustomize and the API server accept both); {@code
 *       x-kubernetes-int-or-string} likewise.
 * </ul>
 *
 * <p>A CRD's {@code metadata} (just {@code type: object} upstream) is checked as an ObjectMeta;
 * {@code apiVersion} and {@code kind} are allowed at its root whether it lists them or not. Loading
 * takes a moment, so one instance is shared: {@link #require()}.
 */
public final class UpstreamSchemas {
  private static final String DOCUMENT = "https://schemas.platform-render.test/upstream.json";
  private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static UpstreamSchemas instance;

  /** "group/version/kind" (group empty for core) → definition name in the combined document. */
  private final Map<String, String> definitionByGvk = new LinkedHashMap<>();

  private final Map<String, Schema> schemas = new LinkedHashMap<>();
  private final SchemaRegistry registry;

  /**
   * The shared validator. Without {@code ../shared/schemas} the calling test fails under CI and is
   * skipped otherwise ({@link Prerequisites}).
   */
  public static synchronized UpstreamSchemas require() {
    Path dir = Prerequisites.shared("schemas/kubernetes-1.33.0-openapi.json").getParent();
    if (instance == null) {
      instance = new UpstreamSchemas(dir);
    }
    return instance;
  }

  private UpstreamSchemas(Path dir) {
    ObjectNode definitions = JSON.createObjectNode();
    try {
      JsonNode openapi = JSON.readTree(dir.resolve("kubernetes-1.33.0-openapi.json").toFile());
      for (Map.Entry<String, JsonNode> e : openapi.get("definitions").properties()) {
        ObjectNode def = (ObjectNode) e.getValue().deepCopy();
        if (e.getKey().equals("io.k8s.apimachinery.pkg.util.intstr.IntOrString")) {
          def.set("type", types("integer", "string"));
        } else if (e.getKey().equals("io.k8s.apimachinery.pkg.api.resource.Quantity")) {
          def.set("type", types("number", "string"));
        }
        strict(def);
        definitions.set(e.getKey(), def);
        JsonNode gvks = def.get("x-kubernetes-group-version-kind");
        if (gvks != null) {
          for (JsonNode g : gvks) {
            definitionByGvk.putIfAbsent(
                g.get("group").asString()
                    + "/"
                    + g.get("version").asString()
                    + "/"
                    + g.get("kind").asString(),
                e.getKey());
          }
        }
      }
      List<Path> crds;
      try (Stream<Path> files = Files.list(dir.resolve("crds"))) {
        crds = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      }
      for (Path crd : crds) {
        addCrd(YAML.readTree(crd.toFile()), definitions);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode document = JSON.createObjectNode();
    document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    document.set("definitions", definitions);
    String text = JSON.writeValueAsString(document);
    registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(DOCUMENT, text)));
  }

  private void addCrd(JsonNode crd, ObjectNode definitions) {
    String group = crd.at("/spec/group").asString();
    String kind = crd.at("/spec/names/kind").asString();
    for (JsonNode version : crd.at("/spec/versions")) {
      JsonNode schema = version.at("/schema/openAPIV3Schema");
      if (!(schema instanceof ObjectNode s)) {
        continue;
      }
      ObjectNode def = s.deepCopy();
      strict(def);
      if (def.get("properties") instanceof ObjectNode props) {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("$ref", "#/definitions/" + OBJECT_META);
        props.set("metadata", meta);
        // The API server allows apiVersion and kind at the root of every custom resource, listed
        // or not (Istio's CRDs do not list them).
        for (String key : List.of("apiVersion", "kind")) {
          if (!props.has(key)) {
            props.putObject(key).put("type", "string");
          }
        }
      }
      String name = "crd." + group + "." + version.get("name").asString() + "." + kind;
      definitions.set(name, def);
      definitionByGvk.putIfAbsent(group + "/" + version.get("name").asString() + "/" + kind, name);
    }
  }

  /**
   * Makes one schema and everything below it reject unknown fields, and relaxes the int-or-string
   * types.
   */
  private static void strict(ObjectNode schema) {
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      schema.remove("anyOf");
      schema.set("type", types("integer", "string"));
    }
    if (schema.path("nullable").asBoolean(false)
        && schema.get("type") != null
        && schema.get("type").isString()) {
      schema.set("type", types(schema.get("type").asString(), "null"));
    }
    if (schema.get("properties") instanceof ObjectNode props) {
      if (!preserve && !schema.has("additionalProperties")) {
        schema.put("additionalProperties", false);
      }
      for (Map.Entry<String, JsonNode> p : props.properties()) {
        if (p.getValue() instanceof ObjectNode o) {
          strict(o);
        }
      }
    }
    for (String key : List.of("items", "additionalProperties", "not")) {
      if (schema.get(key) instanceof ObjectNode o) {
        strict(o);
      }
    }
    for (String key : List.of("allOf", "anyOf", "oneOf")) {
      if (schema.get(key) instanceof ArrayNode a) {
        for (JsonNode n : a) {
          if (n instanceof ObjectNode o) {
            strict(o);
          }
        }
      }
    }
  }

  private static ArrayNode types(String... names) {
    ArrayNode a = JSON.createArrayNode();
    for (String n : names) {
      a.add(n);
    }
    return a;
  }

  /** Whether a schema exists for this apiVersion and kind. */
  public boolean knows(String apiVersion, String kind) {
    return definitionByGvk.containsKey(gvk(apiVersion, kind));
  }

  /**
   * The problems of one object, each as {@code <json pointer>: <message>}; empty when it is valid.
   * An object of a kind without an upstream schema gives one problem saying so.
   */
  public List<String> validate(JsonNode object) {
    String apiVersion = object.path("apiVersion").asString("");
    String kind = object.path("kind").asString("");
    String definition = definitionByGvk.get(gvk(apiVersion, kind));
    if (definition == null) {
      return List.of("no upstream schema for " + apiVersion + " " + kind);
    }
    Schema schema;
    synchronized (schemas) {
      schema =
          schemas.computeIfAbsent(
              definition,
              d -> registry.getSchema(SchemaLocation.of(DOCUMENT + "#/definitions/" + d)));
    }
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(object)) {
      out.add(e.getInstanceLocation() + ": " + e.getMessage());
    }
    return out;
  }

  private static String gvk(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    return group + "/" + version + "/" + kind;
  }
}
