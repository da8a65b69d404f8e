package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The schemas and the records cannot drift apart: for each record, the property names of its part
 * of the schema, after the few deliberate renames, are exactly its record components minus
 * bookkeeping. Adding a key to a schema without a component (or the other way round) fails here.
 */
class SchemaDriftTest {
  /**
   * One record and where its keys are in a schema.
   *
   * @param pointers schema pointers whose {@code properties} together make the record's keys
   * @param renames schema key → the components it is bound to (derived or flattened values)
   * @param bookkeeping components that are not keys of the file
   */
  record Binding(
      Class<?> type,
      Schemas schema,
      List<String> pointers,
      Map<String, List<String>> renames,
      Set<String> bookkeeping) {
    @Override
    public String toString() {
      return type.getName().substring(type.getPackageName().length() + 1);
    }
  }

  static Stream<Binding> bindings() {
    return Stream.of(
        new Binding(
            ServiceSpec.class,
            Schemas.SERVICE,
            List.of("/properties/metadata", "/properties/spec"),
            Map.of(),
            Set.of("file", "sourceMap")),
        new Binding(
            ServiceSpec.Owner.class,
            Schemas.SERVICE,
            List.of("/properties/spec/properties/owner"),
            Map.of(),
            Set.of()),
        new Binding(
            ServiceSpec.Environment.class,
            Schemas.SERVICE,
            List.of("/$defs/environment"),
            Map.of(),
            Set.of("index")),
        new Binding(
            ServiceSpec.Rollout.class,
            Schemas.SERVICE,
            List.of("/$defs/rollout"),
            Map.ofEntries(
                Map.entry("analysis", List.of("metrics")),
                Map.entry("trafficRouting", List.of("routing")),
                Map.entry("antiAffinity", List.of()),
                Map.entry("abortScaleDownDelaySeconds", List.of()),
                Map.entry("dynamicStableScale", List.of()),
                Map.entry("maxSurge", List.of()),
                Map.entry("maxUnavailable", List.of()),
                Map.entry("scaleDownDelaySeconds", List.of("blueGreen", "routing")),
                Map.entry("autoPromotionEnabled", List.of("blueGreen")),
                Map.entry("autoPromotionSeconds", List.of("blueGreen")),
                Map.entry("prePromotionAnalysis", List.of("blueGreen")),
                Map.entry("postPromotionAnalysis", List.of("blueGreen"))),
            Set.of()),
        new Binding(
            ServiceSpec.BlueGreen.class,
            Schemas.SERVICE,
            List.of("/$defs/rollout"),
            Map.ofEntries(
                Map.entry("strategy", List.of()),
                Map.entry("steps", List.of()),
                Map.entry("analysis", List.of()),
                Map.entry("prePromotionAnalysis", List.of("prePromotion")),
                Map.entry("postPromotionAnalysis", List.of("postPromotion")),
                Map.entry("trafficRouting", List.of()),
                Map.entry("antiAffinity", List.of()),
                Map.entry("abortScaleDownDelaySeconds", List.of()),
                Map.entry("dynamicStableScale", List.of()),
                Map.entry("maxSurge", List.of()),
                Map.entry("maxUnavailable", List.of())),
            Set.of()),
        new Binding(
            ServiceSpec.CanaryRouting.class,
            Schemas.SERVICE,
            List.of("/$defs/rollout"),
            Map.ofEntries(
                Map.entry("strategy", List.of()),
                Map.entry("steps", List.of()),
                Map.entry("analysis", List.of()),
                Map.entry("antiAffinity", List.of("antiAffinity", "antiAffinityWeight")),
                Map.entry("autoPromotionEnabled", List.of()),
                Map.entry("autoPromotionSeconds", List.of()),
                Map.entry("prePromotionAnalysis", List.of()),
                Map.entry("postPromotionAnalysis", List.of())),
            Set.of()),
        new Binding(
            ServiceSpec.SetWeight.class,
            Schemas.SERVICE,
            List.of("/$defs/step"),
            Map.ofEntries(
                Map.entry("setWeight", List.of("weight")),
                Map.entry("pause", List.of()),
                Map.entry("analysis", List.of()),
                Map.entry("setCanaryScale", List.of()),
                Map.entry("setHeaderRoute", List.of()),
                Map.entry("setMirrorRoute", List.of())),
            Set.of()),
        new Binding(
            ServiceSpec.AnalysisStep.class,
            Schemas.SERVICE,
            List.of("/$defs/step/properties/analysis"),
            Map.of(),
            Set.of()),
        new Binding(
            ServiceSpec.SetCanaryScale.class,
            Schemas.SERVICE,
            List.of("/$defs/step/properties/setCanaryScale"),
            Map.of(),
            Set.of()),
        new Binding(
            ServiceSpec.SetHeaderRoute.class,
            Schemas.SERVICE,
            List.of("/$defs/step/properties/setHeaderRoute"),
            Map.of(),
            Set.of()),
        new Binding(
            ServiceSpec.HeaderMatch.class,
            Schemas.SERVICE,
            List.of("/$defs/step/properties/setHeaderRoute/properties/match/items"),
            Map.of(),
            Set.of()),
        new Binding(
            ServiceSpec.SetMirrorRoute.class,
            Schemas.SERVICE,
            List.of("/$defs/step/properties/setMirrorRoute"),
            Map.of(),
            Set.of()),
        new Binding(
            ServiceSpec.MirrorMatch.class,
            Schemas.SERVICE,
            List.of("/$defs/step/properties/setMirrorRoute/properties/match/items"),
            Map.of(),
            Set.of()),
        new Binding(
            ServiceSpec.StringMatch.class,
            Schemas.SERVICE,
            List.of("/$defs/stringMatch"),
            Map.of("exact", List.of("type", "value"), "prefix", List.of(), "regex", List.of()),
            Set.of()),
        new Binding(
            PlatformSettings.TrafficRouting.class,
            Schemas.PLATFORM,
            List.of("/properties/spec/properties/trafficRouting"),
            Map.of(),
            Set.of()),
        new Binding(
            PlatformSettings.GatewayApi.class,
            Schemas.PLATFORM,
            List.of("/$defs/gatewayAPI"),
            Map.of(),
            Set.of()),
        new Binding(
            PlatformSettings.ParentRef.class,
            Schemas.PLATFORM,
            List.of("/$defs/gatewayAPI/properties/parentRefs/items"),
            Map.of(),
            Set.of()),
        new Binding(
            PlatformSettings.Nginx.class,
            Schemas.PLATFORM,
            List.of("/$defs/nginx"),
            Map.of(),
            Set.of()),
        new Binding(
            PlatformSettings.Istio.class,
            Schemas.PLATFORM,
            List.of("/$defs/istio"),
            Map.of(),
            Set.of()),
        new Binding(
            ServiceSpec.Pause.class,
            Schemas.SERVICE,
            List.of("/$defs/step/properties/pause"),
            Map.of(),
            Set.of()),
        // One schema object, three records: the keys a kind of metric does not use are the ones its
        // branch of /$defs/metric forbids ("not": {}), bound to nothing here.
        new Binding(
            ServiceSpec.SuccessRate.class,
            Schemas.SERVICE,
            List.of("/$defs/metric"),
            Map.of(
                "threshold", List.of("ratio"),
                "query", List.of(),
                "successCondition", List.of(),
                "failureCondition", List.of()),
            Set.of("index")),
        new Binding(
            ServiceSpec.Latency.class,
            Schemas.SERVICE,
            List.of("/$defs/metric"),
            Map.of(
                "threshold", List.of("seconds"),
                "query", List.of(),
                "successCondition", List.of(),
                "failureCondition", List.of()),
            Set.of("index")),
        new Binding(
            ServiceSpec.Custom.class,
            Schemas.SERVICE,
            List.of("/$defs/metric"),
            Map.of("threshold", List.of()),
            Set.of("index")),
        new Binding(
            ServiceSpec.Sla.class,
            Schemas.SERVICE,
            List.of("/properties/spec/properties/sla"),
            Map.of(
                "availability",
                List.of("availabilityPercent", "errorBudget"),
                "latency",
                List.of("latencySeconds")),
            Set.of()),
        new Binding(
            ServiceSpec.Monitoring.class,
            Schemas.SERVICE,
            List.of("/properties/spec/properties/monitoring"),
            Map.of(),
            Set.of()),
        new Binding(
            Values.class,
            Schemas.VALUES,
            List.of(""),
            Map.of(
                "image",
                List.of("defaults"),
                "replicas",
                List.of(),
                "resources",
                List.of(),
                "env",
                List.of()),
            Set.of("file", "sourceMap")),
        new Binding(
            Values.Settings.class,
            Schemas.VALUES,
            List.of("/properties/workloads/additionalProperties"),
            Map.of("image", List.of("imageTag")),
            Set.of()),
        new Binding(
            PlatformSettings.class,
            Schemas.PLATFORM,
            List.of("/properties/metadata", "/properties/spec"),
            Map.of(),
            Set.of("file")),
        new Binding(
            PlatformSettings.Kargo.class,
            Schemas.PLATFORM,
            List.of("/properties/spec/properties/kargo"),
            Map.of(),
            Set.of()),
        new Binding(
            PlatformSettings.ArgoCd.class,
            Schemas.PLATFORM,
            List.of("/properties/spec/properties/argocd"),
            Map.of(),
            Set.of()),
        new Binding(
            PlatformSettings.Prometheus.class,
            Schemas.PLATFORM,
            List.of("/properties/spec/properties/prometheus"),
            Map.of(),
            Set.of()),
        new Binding(
            PlatformSettings.Sli.class,
            Schemas.PLATFORM,
            List.of("/properties/spec/properties/sli"),
            Map.of(),
            Set.of()),
        new Binding(
            PlatformSettings.Monitoring.class,
            Schemas.PLATFORM,
            List.of("/properties/spec/properties/monitoring"),
            Map.of(),
            Set.of()),
        new Binding(
            PlatformSettings.Dependency.class,
            Schemas.PLATFORM,
            List.of("/properties/spec/properties/dependencies/additionalProperties"),
            Map.of(),
            Set.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bindings")
  void schemaKeysAreRecordComponents(Binding b) {
    assertTrue(b.type().isRecord(), b + " is not a record");
    Set<String> fromSchema = new TreeSet<>();
    for (String pointer : b.pointers()) {
      JsonNode props = b.schema().tree().at(pointer).get("properties");
      assertTrue(props != null && props.isObject(), "no properties at " + pointer);
      for (String key : props.propertyNames()) {
        fromSchema.addAll(b.renames().getOrDefault(key, List.of(key)));
      }
    }
    fromSchema.removeAll(List.of("apiVersion", "kind"));
    Set<String> components = new TreeSet<>();
    for (RecordComponent c : b.type().getRecordComponents()) {
      components.add(c.getName());
    }
    components.removeAll(b.bookkeeping());
    // Values binds the top-level keys into `defaults` and `workloads` keeps its name.
    assertEquals(
        components, fromSchema, b + ": schema keys (after renames) against record components");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bindings")
  void renamedKeysExist(Binding b) {
    List<String> keys = new ArrayList<>();
    for (String pointer : b.pointers()) {
      b.schema().tree().at(pointer).get("properties").propertyNames().forEach(keys::add);
    }
    for (String renamed : b.renames().keySet()) {
      assertTrue(
          keys.contains(renamed),
          b + ": the table renames \"" + renamed + "\", which the schema no longer has");
    }
  }
}
