package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.pipeline.Generator;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.ServiceSpec.DarkLaunch;
import dev.stonegarden.render.service.ServiceSpec.FeatureFlag;
import dev.stonegarden.render.service.ServiceSpec.FlagEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The feature flags of one environment (docs/feature-flags.md#what-is-rendered): an OpenFeature
 * Operator {@code FeatureFlag} {@code <service>-flags} with the flagd definition of every flag
 * rendered there (state, variants, default variant, targeting), and a {@code FeatureFlagSource}
 * {@code <service>-flags} that points the injected flagd sidecar at it (provider {@code
 * kubernetes}). Nothing when no flag is rendered in the environment.
 *
 * <p>A dark launch (docs/feature-flags.md#dark-launches) becomes targeting: {@code {"if": [{"==":
 * [{"var": "<header in lower case>"}, "<value>"]}, "<variant>", <the flag's own targeting or
 * null>]}}. Requests whose context carries the header's value get the dark-launch variant; all
 * others fall through to the flag's own rule, and null means the default variant. The source maps
 * the header to the same context key ({@code headerToContextMappings}), for applications that
 * forward the header to flagd instead of setting the context themselves.
 *
 * <p>With {@code KUBE_API_VERSIONS} from Argo CD, an environment with flags fails when the
 * destination cluster lacks the operator's kinds, as a rollout does without the Rollout CRD.
 *
 * @param kubeApiVersions {@code KUBE_API_VERSIONS} from Argo CD, or null
 */
public record FeatureFlagGenerator(
    ServiceSpec service, ServiceSpec.Environment environment, String kubeApiVersions)
    implements Generator {

  /** The flagd sync provider that reads FeatureFlag objects from the Kubernetes API. */
  static final String PROVIDER = "kubernetes";

  /** The name of both objects: {@code <service>-flags}. */
  static String objectName(ServiceSpec service) {
    return service.name() + "-flags";
  }

  @Override
  public List<Resource> generate(ResourceList current) {
    List<FeatureFlag> flags = service.featureFlags(environment.name());
    if (flags.isEmpty()) {
      return List.of();
    }
    String name = objectName(service);
    SourcePosition origin = Nodes.at(service, "/spec/featureFlags");
    Problems problems = new Problems();
    for (Resource r : current) {
      if ((KindTables.is(r, KindTables.FEATURE_FLAG)
              || KindTables.is(r, KindTables.FEATURE_FLAG_SOURCE))
          && r.name().equals(name)) {
        problems.error(
            r.origin(),
            Nodes.describe(r)
                + " is also generated from service.yaml spec.featureFlags"
                + " (docs/feature-flags.md#what-is-rendered): remove it from the overlay of"
                + " environment "
                + environment.name()
                + ", or give it another name");
      }
    }
    checkApiVersions(
        problems,
        service.sourceMap() == null
            ? origin
            : service.sourceMap().keyPosition("/spec/featureFlags"));
    problems.throwIfErrors();
    return List.of(
        Nodes.generated(featureFlag(name, flags), origin),
        Nodes.generated(featureFlagSource(name, flags), origin));
  }

  /** The operator's kinds must be served by the destination cluster, when Argo CD says which. */
  private void checkApiVersions(Problems problems, SourcePosition at) {
    if (kubeApiVersions == null || kubeApiVersions.isBlank()) {
      return;
    }
    List<String> missing = new ArrayList<>();
    for (Gvk kind : List.of(KindTables.FEATURE_FLAG, KindTables.FEATURE_FLAG_SOURCE)) {
      if (!KindTables.served(kubeApiVersions, kind)) {
        missing.add(KindTables.listEntry(kind));
      }
    }
    if (!missing.isEmpty()) {
      problems.error(
          at,
          "the OpenFeature Operator CRDs are missing on the destination cluster: KUBE_API_VERSIONS"
              + " lacks "
              + String.join(" and ", missing)
              + "; install the OpenFeature Operator there (docs/feature-flags.md#what-to-install),"
              + " or render no flag in environment "
              + environment.name());
    }
  }

  private ObjectNode featureFlag(String name, List<FeatureFlag> flags) {
    ObjectNode body = Nodes.newObject(KindTables.FEATURE_FLAG, name, environment.namespace());
    ObjectNode out = body.putObject("spec").putObject("flagSpec").putObject("flags");
    for (FeatureFlag f : flags) {
      FlagEnvironment here = f.in(environment.name());
      ObjectNode flag = out.putObject(f.name());
      flag.put("state", here.state());
      ObjectNode variants = flag.putObject("variants");
      for (Map.Entry<String, JsonNode> v : f.variants().entrySet()) {
        variants.set(v.getKey(), v.getValue().deepCopy());
      }
      flag.put("defaultVariant", here.defaultVariant());
      JsonNode targeting = targeting(f);
      if (targeting != null) {
        flag.set("targeting", targeting);
      }
    }
    return body;
  }

  /**
   * The flag's targeting in flagd: its own rule, or for a dark launch the header test in front of
   * it; null when there is neither.
   */
  static JsonNode targeting(FeatureFlag f) {
    JsonNode own = f.targeting() == null ? null : f.targeting().deepCopy();
    DarkLaunch d = f.darkLaunch();
    if (d == null) {
      return own;
    }
    ObjectNode rule = Nodes.object();
    ArrayNode branches = rule.putArray("if");
    ArrayNode equals = branches.addObject().putArray("==");
    equals.addObject().put("var", d.contextKey());
    equals.add(d.value());
    branches.add(d.variant());
    if (own == null) {
      branches.addNull();
    } else {
      branches.add(own);
    }
    return rule;
  }

  private ObjectNode featureFlagSource(String name, List<FeatureFlag> flags) {
    ObjectNode body =
        Nodes.newObject(KindTables.FEATURE_FLAG_SOURCE, name, environment.namespace());
    ObjectNode spec = body.putObject("spec");
    // A name without a namespace is looked up in the pod's own namespace by the operator.
    ArrayNode sources = spec.putArray("sources");
    sources.addObject().put("source", name).put("provider", PROVIDER);
    ObjectNode headers = null;
    for (FeatureFlag f : flags) {
      if (f.darkLaunch() != null) {
        if (headers == null) {
          headers = spec.putObject("headerToContextMappings");
        }
        headers.put(f.darkLaunch().header(), f.darkLaunch().contextKey());
      }
    }
    return body;
  }

  /** What {@code --verbose} prints; nothing for a service without feature flags. */
  @Override
  public String toString() {
    if (service.featureFlags().isEmpty()) {
      return "";
    }
    List<FeatureFlag> flags = service.featureFlags(environment.name());
    if (flags.isEmpty()) {
      return "feature flags: none in environment " + environment.name();
    }
    List<String> names =
        flags.stream()
            .map(
                f ->
                    f.name()
                        + " "
                        + f.in(environment.name()).state()
                        + (f.darkLaunch() == null
                            ? ""
                            : " (dark launch on header " + f.darkLaunch().header() + ")"))
            .toList();
    return "feature flags: FeatureFlag and FeatureFlagSource "
        + objectName(service)
        + " with "
        + String.join(", ", names);
  }
}
