package dev.stonegarden.render.kustomize.builtins;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.kustomize.config.FieldSpec;
import dev.stonegarden.render.kustomize.config.FieldWalker;
import dev.stonegarden.render.kustomize.config.FieldWalker.Create;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * One {@code images:} entry (kustomize's {@code ImageTagTransformer}, docs/kustomize.md#images):
 * first a walk over every {@code containers}/{@code initContainers} list at any depth, then the
 * image field specs; both run, so a non-idempotent {@code tagSuffix} lands twice where both match.
 */
public record ImageTagTransformer(Image image, List<FieldSpec> fieldSpecs) implements Transformer {

  /** The {@code images:} entry: which image to match and what to change. */
  public record Image(
      String name, String newName, String newTag, String digest, String tagSuffix) {}

  public ImageTagTransformer {
    fieldSpecs = List.copyOf(fieldSpecs);
  }

  @Override
  public void transform(ResourceList resources) {
    Pattern pattern;
    try {
      // The name is used as a regular expression, unescaped, as kustomize does (case 061).
      pattern =
          Pattern.compile(
              "^" + image.name() + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$");
    } catch (PatternSyntaxException e) {
      pattern = null;
    }
    Pattern p = pattern;
    for (Resource r : resources) {
      if (r.kind().equals("CustomResourceDefinition")) {
        continue;
      }
      walkContainers(r, r.body(), p);
      for (FieldSpec fs : fieldSpecs) {
        FieldWalker.walk(
            r,
            fs,
            Create.NONE,
            slot -> {
              JsonNode v = slot.value();
              if (v != null && (v.isContainer())) {
                throw new InputException(
                    r.origin(), "image at '" + fs.path() + "' of " + r.id() + " is not a scalar");
              }
              String updated = update(v == null ? "" : v.asString(), p);
              if (updated != null) {
                slot.set(StringNode.valueOf(updated));
              }
            });
      }
    }
  }

  private void walkContainers(Resource r, JsonNode node, Pattern p) {
    if (node instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        walkContainers(r, e.getValue(), p);
        if ((e.getKey().equals("containers") || e.getKey().equals("initContainers"))
            && e.getValue().isArray()) {
          for (JsonNode c : e.getValue()) {
            if (c instanceof ObjectNode co
                && co.get("image") != null
                && !co.get("image").isNull()) {
              JsonNode img = co.get("image");
              if (img.isContainer()) {
                throw new InputException(
                    r.origin(), "image of a container in " + r.id() + " is not a scalar");
              }
              String updated = update(img.asString(), p);
              if (updated != null) {
                co.put("image", updated);
              }
            }
          }
        }
      }
    } else if (node != null && node.isArray()) {
      for (JsonNode e : node) {
        walkContainers(r, e, p);
      }
    }
  }

  /** The new image string, or null if {@code value} does not match. */
  String update(String value, Pattern p) {
    if (p == null || !p.matcher(value).matches()) {
      return null;
    }
    String[] split = split(value);
    String name = split[0];
    String tag = split[1];
    String digest = split[2];
    if (!image.newName().isEmpty()) {
      name = image.newName();
    }
    if (!image.newTag().isEmpty() && !image.digest().isEmpty()) {
      tag = image.newTag();
      digest = image.digest();
    } else if (!image.newTag().isEmpty()) {
      tag = image.newTag();
      digest = "";
    } else if (!image.digest().isEmpty()) {
      tag = "";
      digest = image.digest();
    } else if (!image.tagSuffix().isEmpty()) {
      tag = tag + image.tagSuffix();
      digest = "";
    }
    if (!tag.isEmpty()) {
      name += ":" + tag;
    }
    if (!digest.isEmpty()) {
      name += "@" + digest;
    }
    return name;
  }

  /** Splits an image into name, tag and digest; a ':' before the first '/' is a registry port. */
  static String[] split(String imageName) {
    String search = imageName;
    int slash = imageName.indexOf('/');
    if (slash > 0) {
      search = imageName.substring(slash);
    } else {
      slash = 0;
    }
    int id = search.indexOf('@');
    int ic = search.indexOf(':');
    if (ic < 0 && id < 0) {
      return new String[] {imageName, "", ""};
    }
    if (id >= 0 && (id < ic || ic < 0)) {
      id += slash;
      return new String[] {imageName.substring(0, id), "", imageName.substring(id + 1)};
    }
    if (id >= 0) {
      id += slash;
      ic += slash;
      return new String[] {
        imageName.substring(0, ic), imageName.substring(ic + 1, id), imageName.substring(id + 1)
      };
    }
    ic += slash;
    return new String[] {imageName.substring(0, ic), imageName.substring(ic + 1), ""};
  }
}
