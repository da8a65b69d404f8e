package dev.stonegarden.render.promote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A property of the source-preserving edit, over generated values.yaml files (seeded, so a failure
 * reproduces): the edited text reads as the original tree with only the tags set; every line that
 * does not hold a tag survives unchanged and in order; line ends and a missing final newline stay.
 */
class ValuesEditPropertyTest {
  private static final Path FILE = Path.of("values.yaml");
  private static final List<String> VERSIONS =
      List.of(
          "2.0.0",
          "1.10",
          "v3",
          "1.2.3-rc.1",
          "0.9",
          "true",
          "2024-01-01",
          "sha256:0123456789abcdef0123456789abcdef",
          "1.0@sha256:0123456789abcdef0123456789abcdef");

  @Test
  void onlyTheTagsChange() {
    Random random = new Random(20261206L);
    for (int i = 0; i < 400; i++) {
      Generated g = generate(random);
      List<ValuesEdit.Change> changes = new ArrayList<>();
      if (random.nextBoolean() || g.workloads.isEmpty()) {
        changes.add(new ValuesEdit.Change(List.of("image", "tag"), pick(random, VERSIONS)));
      }
      for (String w : List.of("api", "worker", "cron")) {
        if (random.nextInt(3) == 0) {
          changes.add(
              new ValuesEdit.Change(
                  List.of("workloads", w, "image", "tag"), pick(random, VERSIONS)));
        }
      }
      String after = ValuesEdit.apply(FILE, g.text, changes);
      String context =
          "case " + i + ":\n" + g.text + "\n--- changes " + changes + "\n---\n" + after;

      ObjectNode expected = (ObjectNode) tree(g.text).deepCopy();
      for (ValuesEdit.Change c : changes) {
        ObjectNode at = expected;
        for (String key : c.path().subList(0, c.path().size() - 1)) {
          at = at.get(key) instanceof ObjectNode o ? o : at.putObject(key);
        }
        at.put(c.path().get(c.path().size() - 1), c.value());
      }
      assertEquals(expected, tree(after), context);

      // Every line without a tag survives, in order.
      Iterator<String> out = after.lines().iterator();
      for (String line : g.text.lines().filter(l -> !l.contains("tag")).toList()) {
        boolean found = false;
        while (out.hasNext()) {
          if (out.next().equals(line)) {
            found = true;
            break;
          }
        }
        assertTrue(found, "line lost: " + line + "\n" + context);
      }
      if (g.crlf) {
        assertFalse(after.replace("\r\n", "").contains("\n"), "a bare LF\n" + context);
      } else {
        assertFalse(after.contains("\r"), context);
      }
      assertEquals(g.text.endsWith("\n") || g.text.isEmpty(), after.endsWith("\n"), context);
    }
  }

  record Generated(String text, boolean crlf, List<String> workloads) {}

  private static Generated generate(Random r) {
    String nl = r.nextInt(4) == 0 ? "\r\n" : "\n";
    int unit = r.nextBoolean() ? 2 : 4;
    String in = " ".repeat(unit);
    String q = pick(r, List.of("\"", "'", ""));
    List<String> parts = new ArrayList<>();
    if (r.nextBoolean()) {
      parts.add("# values of this stage" + nl);
    }
    switch (r.nextInt(5)) {
      case 0 -> parts.add("image:" + nl + in + "tag: " + q + "v1" + q + comment(r) + nl);
      case 1 -> parts.add("image: {tag: " + q + "v1" + q + "}" + comment(r) + nl);
      case 2 -> parts.add("image:" + comment(r) + nl);
      case 3 ->
          parts.add("image:" + nl + in + "# no tag yet" + nl + in + "tag: " + q + "v1" + q + nl);
      default -> {}
    }
    if (r.nextBoolean()) {
      parts.add("replicas: " + r.nextInt(5) + comment(r) + nl);
    }
    if (r.nextBoolean()) {
      parts.add(
          r.nextBoolean()
              ? "env: {A: b, LOG: info}" + nl
              : "env:" + nl + in + "LOG_LEVEL: debug" + comment(r) + nl);
    }
    List<String> workloads = new ArrayList<>();
    if (r.nextBoolean()) {
      StringBuilder w = new StringBuilder("workloads:" + nl);
      for (String name : List.of("api", "worker")) {
        if (r.nextBoolean()) {
          workloads.add(name);
          w.append(in).append(name).append(":").append(nl);
          w.append(in).append(in).append("replicas: 1").append(nl);
          if (r.nextBoolean()) {
            w.append(in).append(in).append("image:").append(nl);
            w.append(in).append(in).append(in).append("tag: ").append(q).append("v0").append(q);
            w.append(comment(r)).append(nl);
          }
        }
      }
      if (!workloads.isEmpty()) {
        parts.add(w.toString());
      }
    }
    java.util.Collections.shuffle(
        parts.subList(parts.isEmpty() || !parts.get(0).startsWith("#") ? 0 : 1, parts.size()), r);
    if (r.nextBoolean()) {
      parts.add("# the end" + nl);
    }
    String text = String.join("", parts);
    if (r.nextInt(4) == 0 && text.endsWith(nl)) {
      text = text.substring(0, text.length() - nl.length()); // no final newline
    }
    return new Generated(text, text.contains("\r\n"), workloads);
  }

  private static String comment(Random r) {
    return r.nextInt(3) == 0 ? "  # note" : "";
  }

  private static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  private static JsonNode tree(String text) {
    for (YamlDocument d : YamlReader.read(FILE, text, YamlReader.Options.resources())) {
      if (!d.root().isNull() && !d.root().isMissingNode()) {
        return d.root();
      }
    }
    return JsonNodeFactory.instance.objectNode();
  }
}
