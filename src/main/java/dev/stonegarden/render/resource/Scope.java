package dev.stonegarden.render.resource;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which kinds kustomize treats as cluster-scoped: exactly the apiVersion/kind pairs that the
 * compiled Kubernetes 1.21.2 schema marks as not namespaced ({@code
 * openapi.IsCertainlyClusterScoped}, docs/kustomize.md#resource-identity). Every other kind,
 * including every custom resource, is namespaced.
 */
public final class Scope {
  // apiVersion + " " + kind; a Set used only for lookups, never iterated.
  private static final Set<Gvk> CLUSTER_SCOPED =
      Stream.of(
              "admissionregistration.k8s.io/v1 MutatingWebhookConfiguration",
              "admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration",
              "admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration",
              "admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration",
              "apiextensions.k8s.io/v1 CustomResourceDefinition",
              "apiextensions.k8s.io/v1beta1 CustomResourceDefinition",
              "apiregistration.k8s.io/v1 APIService",
              "apiregistration.k8s.io/v1beta1 APIService",
              "certificates.k8s.io/v1 CertificateSigningRequest",
              "certificates.k8s.io/v1beta1 CertificateSigningRequest",
              "flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema",
              "flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration",
              "networking.k8s.io/v1 IngressClass",
              "networking.k8s.io/v1beta1 IngressClass",
              "node.k8s.io/v1 RuntimeClass",
              "node.k8s.io/v1beta1 RuntimeClass",
              "policy/v1beta1 PodSecurityPolicy",
              "rbac.authorization.k8s.io/v1 ClusterRole",
              "rbac.authorization.k8s.io/v1 ClusterRoleBinding",
              "rbac.authorization.k8s.io/v1beta1 ClusterRole",
              "rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding",
              "scheduling.k8s.io/v1 PriorityClass",
              "scheduling.k8s.io/v1beta1 PriorityClass",
              "storage.k8s.io/v1 CSIDriver",
              "storage.k8s.io/v1 CSINode",
              "storage.k8s.io/v1 StorageClass",
              "storage.k8s.io/v1 VolumeAttachment",
              "storage.k8s.io/v1beta1 CSIDriver",
              "storage.k8s.io/v1beta1 CSINode",
              "storage.k8s.io/v1beta1 StorageClass",
              "storage.k8s.io/v1beta1 VolumeAttachment",
              "v1 ComponentStatus",
              "v1 Namespace",
              "v1 Node",
              "v1 NodeProxyOptions",
              "v1 PersistentVolume")
          .map(s -> Gvk.of(s.substring(0, s.indexOf(' ')), s.substring(s.indexOf(' ') + 1)))
          .collect(Collectors.toUnmodifiableSet());

  private Scope() {}

  /** True when kustomize is certain that objects of this group/version/kind have no namespace. */
  public static boolean isClusterScoped(Gvk gvk) {
    return CLUSTER_SCOPED.contains(gvk);
  }
}
