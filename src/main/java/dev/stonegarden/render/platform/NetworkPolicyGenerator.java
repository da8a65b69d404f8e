package dev.stonegarden.render.platform;

import dev.stonegarden.render.pipeline.Generator;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * With {@code networkPolicy: true} (docs/rendering.md#network-policy), a NetworkPolicy {@code
 * <service>-egress} that selects the service's pods (by the platform's {@code
 * <labelDomain>/service} label) and allows egress to DNS, to the own namespace, and to each
 * dependency's namespace and ports.
 *
 * <p>DNS is allowed on port 53 (UDP and TCP) to any destination rather than to a kube-dns selector:
 * cluster DNS runs under different labels and namespaces (CoreDNS, NodeLocal DNSCache), and a
 * policy that guesses wrong breaks every lookup. Unknown dependencies are skipped here; {@link
 * DependencyTransformer} reports them.
 */
public record NetworkPolicyGenerator(
    ServiceSpec service, ServiceSpec.Environment environment, PlatformSettings platform)
    implements Generator {

  static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  @Override
  public List<Resource> generate(ResourceList current) {
    if (!platform.networkPolicy()) {
      return List.of();
    }
    ObjectNode body =
        Nodes.newObject(
            "networking.k8s.io/v1",
            "NetworkPolicy",
            service.name() + "-egress",
            environment.namespace());
    ObjectNode spec = body.putObject("spec");
    spec.putObject("podSelector")
        .putObject("matchLabels")
        .put(platform.labelDomain() + "/service", service.name());
    spec.putArray("policyTypes").add("Egress");
    ArrayNode egress = spec.putArray("egress");
    ObjectNode dns = egress.addObject();
    ArrayNode dnsPorts = dns.putArray("ports");
    dnsPorts.addObject().put("protocol", "UDP").put("port", 53);
    dnsPorts.addObject().put("protocol", "TCP").put("port", 53);
    egress.addObject().putArray("to").addObject().putObject("podSelector");
    List<String> dependencies = service.dependencies() == null ? List.of() : service.dependencies();
    for (String name : dependencies) {
      PlatformSettings.Dependency d = platform.dependencies().get(name);
      if (d == null) {
        continue;
      }
      ObjectNode rule = egress.addObject();
      rule.putArray("to")
          .addObject()
          .putObject("namespaceSelector")
          .putObject("matchLabels")
          .put(NAMESPACE_NAME_LABEL, d.namespace());
      if (d.ports() != null && !d.ports().isEmpty()) {
        ArrayNode ports = rule.putArray("ports");
        for (Integer port : d.ports()) {
          ports.addObject().put("protocol", "TCP").put("port", port.intValue());
        }
      }
    }
    return List.of(Nodes.generated(body, Nodes.at(service, "/spec/dependencies")));
  }

  /** What {@code --verbose} prints. */
  @Override
  public String toString() {
    return "egress NetworkPolicy: " + (platform.networkPolicy() ? "on" : "off (platform.yaml)");
  }
}
