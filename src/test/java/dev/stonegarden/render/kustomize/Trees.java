package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.yaml.YamlWriter;
import java.nio.file.Path;
import java.util.List;

/** Test helper: YAML text to resources and back, through the product's own reader and writer. */
public final class Trees {
  private Trees() {}

  public static ResourceList resources(String yaml) {
    return new ResourceList(ResourceReader.read(Path.of("input.yaml"), yaml));
  }

  public static String yaml(ResourceList list) {
    return YamlWriter.write(list.asList().stream().map(Resource::body).toList()).value();
  }

  public static String yaml(List<Resource> list) {
    return YamlWriter.write(list.stream().map(Resource::body).toList()).value();
  }
}
