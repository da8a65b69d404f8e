package dev.stonegarden.render.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code validate}'s typo check (issue 4 item 10): the fields of a built-in Kubernetes object that
 * its kind does not have, such as {@code spec.template.spec.containers[0].imagePullPolcy}, as
 * warnings at the line they came from, with a "did you mean". Kubernetes drops unknown fields
 * silently (or, with server-side field validation, warns), so a typo would otherwise ship
 * unnoticed.
 *
 * <p>The truth about each kind is the typed model of fabric8 kubernetes-model 8.0.0: the kinds are
 * found through its {@code KubernetesResource} service entries ({@code @Group}, {@code @Version},
 * {@code @Kind}), the fields of each class from its {@code @JsonProperty} getters, walked along the
 * object. Kinds fabric8 does not know (custom resources, Argo Rollouts) are not checked. fabric8's
 * introspection is slow to start (90-260 ms, ARCHITECTURE.md#decisions-that-shape-the-code), so
 * only {@code validate} and tests load this class; {@code generate} never does.
 */
public final class TypoCheck {
  private static final Map<Class<?>, Map<String, Type>> PROPERTIES = new ConcurrentHashMap<>();

  private TypoCheck() {}

  /**
   * Warnings for the unknown fields of {@code resource}; empty for kinds the model does not know.
   */
  public static List<Diagnostic> check(Resource resource) {
    Class<?> type = Kinds.ALL.get(resource.gvk());
    if (type == null) {
      return List.of();
    }
    List<Diagnostic> out = new ArrayList<>();
    walk(resource, resource.body(), type, "", out);
    return out;
  }

  private static void walk(
      Resource r, JsonNode node, Type type, String pointer, List<Diagnostic> out) {
    if (node == null || node.isNull()) {
      return;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw) && node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          walk(r, node.get(i), args[0], pointer + "/" + i, out);
        }
      } else if (Map.class.isAssignableFrom(raw) && node.isObject() && args.length == 2) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          walk(r, e.getValue(), args[1], pointer + "/" + SourceMap.escape(e.getKey()), out);
        }
      }
      return;
    }
    if (!(type instanceof Class<?> cls) || !node.isObject()) {
      return;
    }
    Map<String, Type> props = properties(cls);
    if (props.isEmpty()) {
      return; // a leaf as far as we can tell: scalars, IntOrString, Quantity, free-form objects
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String child = pointer + "/" + SourceMap.escape(e.getKey());
      Type t = props.get(e.getKey());
      if (t == null) {
        out.add(
            Diagnostic.warning(
                position(r, child),
                "unknown field "
                    + Trees.path(child)
                    + " in "
                    + r.kind()
                    + " "
                    + r.name()
                    + " (not a field of "
                    + r.apiVersion()
                    + " "
                    + r.kind()
                    + ")"
                    + Spelling.didYouMean(e.getKey(), props.keySet())));
      } else {
        walk(r, e.getValue(), t, child, out);
      }
    }
  }

  /**
   * The patch that set the field last, else the field in the resource's own file, else the object.
   */
  private static SourcePosition position(Resource r, String pointer) {
    SourcePosition patched = r.patchedFieldPosition(pointer);
    if (patched != null) {
      return patched;
    }
    SourcePosition p = r.sourceMap().keyPosition(pointer);
    return p.line() > 0 ? p : r.origin();
  }

  /**
   * JSON name → type of each {@code @JsonProperty} getter; empty for classes that are leaves to us.
   */
  private static Map<String, Type> properties(Class<?> cls) {
    return PROPERTIES.computeIfAbsent(cls, TypoCheck::introspect);
  }

  private static Map<String, Type> introspect(Class<?> cls) {
    if (!KubernetesResource.class.isAssignableFrom(cls)
        || cls.isInterface()
        || Modifier.isAbstract(cls.getModifiers())) {
      return Map.of();
    }
    JsonDeserialize custom = cls.getAnnotation(JsonDeserialize.class);
    if (custom != null && custom.using() != ValueDeserializer.None.class) {
      return Map
          .of(); // read by its own deserializer (Quantity): its getters say nothing about the input
    }
    Map<String, Type> props = new LinkedHashMap<>();
    for (Method m : cls.getMethods()) {
      JsonProperty jp = m.getAnnotation(JsonProperty.class);
      if (jp == null
          || m.getParameterCount() != 0
          || m.isAnnotationPresent(JsonIgnore.class)
          || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      String name = jp.value().isEmpty() ? beanName(m.getName()) : jp.value();
      props.putIfAbsent(name, m.getGenericReturnType());
    }
    return Collections.unmodifiableMap(props);
  }

  private static String beanName(String getter) {
    String s =
        getter.startsWith("get")
            ? getter.substring(3)
            : getter.startsWith("is") ? getter.substring(2) : getter;
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * group/version/kind → model class of every top-level kind fabric8 registers; built once, on
   * first use.
   */
  private static final class Kinds {
    // Only ever looked up by key, so a HashMap cannot change any output order.
    static final Map<Gvk, Class<?>> ALL = load();

    private static Map<Gvk, Class<?>> load() {
      Map<Gvk, Class<?>> kinds = new HashMap<>();
      ServiceLoader.load(KubernetesResource.class, TypoCheck.class.getClassLoader()).stream()
          .forEach(
              provider -> {
                Class<?> c = provider.type();
                Group g = c.getAnnotation(Group.class);
                Version v = c.getAnnotation(Version.class);
                if (g == null || v == null || !HasMetadata.class.isAssignableFrom(c)) {
                  return;
                }
                Kind k = c.getAnnotation(Kind.class);
                kinds.putIfAbsent(
                    new Gvk(g.value(), v.value(), k != null ? k.value() : c.getSimpleName()), c);
              });
      return kinds;
    }
  }
}
