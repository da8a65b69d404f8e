package dev.stonegarden.render.scaffold;

import dev.stonegarden.render.service.PlatformSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The files of a new service (docs/promotion.md#new-services): a service.yaml for the platform's
 * pipeline (a canary rollout on the {@code canary} stage when the pipeline has one), a base with a
 * Deployment (probes, resources, a restricted securityContext), a Service and an HPA, and one
 * overlay with a values.yaml per stage. Nothing else: it renders and validates as it is.
 */
public final class ServiceScaffold {
  /** A DNS-1123 label: what service names, team names and namespaces must be. */
  public static final Pattern DNS_1123_LABEL =
      Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** The image of a scaffold when none is given: a placeholder that renders. */
  public static final String PLACEHOLDER_REGISTRY = "registry.example.com";

  private ServiceScaffold() {}

  /**
   * The namespace of {@code stage}: {@code <name>-<stage>}, and the service's own name for the last
   * stage of the pipeline (production), as in the example repository.
   */
  public static String namespace(String name, String stage, List<String> pipeline) {
    return stage.equals(pipeline.get(pipeline.size() - 1)) ? name : name + "-" + stage;
  }

  /**
   * Every file, path (relative to the service directory, '/'-separated) → content, in the order
   * they are written.
   *
   * @param image repository with a tag or digest ({@code ghcr.io/acme/payments:1.0.0})
   * @param tag what values.yaml's {@code image.tag} holds
   */
  public static Map<String, String> files(
      String name, String team, String image, String tag, PlatformSettings platform) {
    List<String> pipeline = platform.pipeline();
    Map<String, String> files = new LinkedHashMap<>();
    files.put("service.yaml", serviceYaml(name, team, pipeline));
    files.put("environments/base/kustomization.yaml", BASE_KUSTOMIZATION);
    files.put(
        "environments/base/deployment.yaml",
        DEPLOYMENT.replace("NAME", name).replace("IMAGE", image));
    files.put("environments/base/service.yaml", SERVICE.replace("NAME", name));
    files.put("environments/base/hpa.yaml", HPA.replace("NAME", name));
    for (String stage : pipeline) {
      files.put("environments/" + stage + "/kustomization.yaml", OVERLAY);
      files.put("environments/" + stage + "/values.yaml", values(stage, tag, pipeline));
    }
    return files;
  }

  private static String serviceYaml(String name, String team, List<String> pipeline) {
    StringBuilder out = new StringBuilder();
    out.append("# yaml-language-server: $schema=https://platform.stonegarden.dev/schemas/")
        .append("service-v1alpha1.json\n")
        .append("apiVersion: platform.stonegarden.dev/v1alpha1\n")
        .append("kind: Service\n")
        .append("metadata:\n")
        .append("  name: ")
        .append(name)
        .append('\n')
        .append("spec:\n")
        .append("  owner:\n")
        .append("    team: ")
        .append(team)
        .append('\n')
        .append("  environments:\n");
    for (int i = 0; i < pipeline.size(); i++) {
      String stage = pipeline.get(i);
      out.append("    - name: ").append(stage).append('\n');
      out.append("      namespace: ").append(namespace(name, stage, pipeline)).append('\n');
      if (i == 0) {
        out.append("      autoSync: true\n");
      }
      if (stage.equals("canary")) {
        out.append(CANARY);
      }
    }
    return out.toString();
  }

  private static String values(String stage, String tag, List<String> pipeline) {
    int i = pipeline.indexOf(stage);
    String note =
        i == 0
            ? "# The first stage: CI (or you) sets the tag of each new build here.\n"
            : "# Changed by `platform-render promote . --to "
                + stage
                + "` (from "
                + pipeline.get(i - 1)
                + ").\n";
    return "# yaml-language-server: $schema=https://platform.stonegarden.dev/schemas/"
        + "values-v1alpha1.json\n"
        + note
        + "image:\n"
        + "  tag: \""
        + tag
        + "\"\n";
  }

  private static final String CANARY =
      """
            rollout:
              strategy: canary
              steps:
                - setWeight: 20
                - pause: {duration: 5m}
                - setWeight: 50
                - pause: {duration: 5m}
                - setWeight: 100
              analysis:
                metrics:
                  - name: success-rate
                    threshold: 99
      """;

  private static final String BASE_KUSTOMIZATION =
      """
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources:
        - deployment.yaml
        - service.yaml
        - hpa.yaml
      """;

  private static final String OVERLAY =
      """
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources:
        - ../base
      """;

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: NAME
        labels:
          app.kubernetes.io/name: NAME
      spec:
        # No replicas: the HorizontalPodAutoscaler owns them.
        selector:
          matchLabels:
            app.kubernetes.io/name: NAME
        template:
          metadata:
            labels:
              app.kubernetes.io/name: NAME
          spec:
            securityContext:
              runAsNonRoot: true
              seccompProfile:
                type: RuntimeDefault
            containers:
              - name: NAME
                # The tag comes from each stage's values.yaml.
                image: IMAGE
                ports:
                  - name: http
                    containerPort: 8080
                readinessProbe:
                  httpGet:
                    path: /readyz
                    port: http
                livenessProbe:
                  httpGet:
                    path: /healthz
                    port: http
                resources:
                  requests:
                    cpu: 100m
                    memory: 128Mi
                  limits:
                    memory: 256Mi
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities:
                    drop: [ALL]
      """;

  private static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: NAME
        labels:
          app.kubernetes.io/name: NAME
      spec:
        selector:
          app.kubernetes.io/name: NAME
        ports:
          - name: http
            port: 80
            targetPort: http
      """;

  private static final String HPA =
      """
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: NAME
      spec:
        scaleTargetRef:
          apiVersion: apps/v1
          kind: Deployment
          name: NAME
        minReplicas: 2
        maxReplicas: 5
        metrics:
          - type: Resource
            resource:
              name: cpu
              target:
                type: Utilization
                averageUtilization: 80
      """;
}
