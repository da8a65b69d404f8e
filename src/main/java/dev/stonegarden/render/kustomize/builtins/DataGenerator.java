package dev.stonegarden.render.kustomize.builtins;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.pipeline.Generator;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code configMapGenerator} or {@code secretGenerator} entry (kustomize's {@code
 * ConfigMapGenerator}/{@code SecretGenerator} and {@code kv} loader,
 * docs/kustomize.md#configmap-and-secret-generators): pairs from env files, then literals, then
 * files; a repeated key is an error; ConfigMap values that are not UTF-8 go to {@code binaryData};
 * Secret values are base64, wrapped at 70 characters.
 */
public record DataGenerator(DataGenerator.Args args, FileSource fileSource, SourcePosition at)
    implements Generator {

  /**
   * What a generator entry of a kustomization says (kustomize's {@code GeneratorArgs} with the
   * Secret's {@code type}): {@code kind} is ConfigMap or Secret; {@code env} is in {@code envs};
   * {@code options} null when the entry has none.
   */
  public record Args(
      String kind,
      String name,
      String namespace,
      String behavior,
      List<String> literals,
      List<String> files,
      List<String> envs,
      GeneratorOptions options,
      String type) {
    public Args {
      literals = List.copyOf(literals);
      files = List.copyOf(files);
      envs = List.copyOf(envs);
    }

    /** These arguments with other {@code options} (the kustomization's own merged in). */
    public Args withOptions(GeneratorOptions merged) {
      return new Args(kind, name, namespace, behavior, literals, files, envs, merged, type);
    }
  }

  @Override
  public List<Resource> generate(ResourceList current) {
    if (args.name().isEmpty()) {
      throw new InputException(
          at,
          "a " + args.kind().toLowerCase(java.util.Locale.ROOT) + " generator entry needs a name");
    }
    Map<String, byte[]> pairs = loadPairs();
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode body = f.objectNode();
    body.put("apiVersion", "v1");
    body.put("kind", args.kind());
    ObjectNode meta = body.putObject("metadata");
    meta.put("name", args.name());
    if (!args.namespace().isEmpty()) {
      meta.put("namespace", args.namespace());
    }
    if (args.kind().equals("Secret")) {
      body.put("type", args.type().isEmpty() ? "Opaque" : args.type());
      ObjectNode data = body.putObject("data");
      for (Map.Entry<String, byte[]> e : pairs.entrySet()) {
        data.put(e.getKey(), base64(e.getValue()));
      }
    } else {
      for (Map.Entry<String, byte[]> e : pairs.entrySet()) {
        String text = utf8(e.getValue());
        if (text != null) {
          dataMap(body, "data").put(e.getKey(), text);
        } else {
          dataMap(body, "binaryData").put(e.getKey(), base64(e.getValue()));
        }
      }
    }
    GeneratorOptions options = args.options();
    if (options != null) {
      if (options.labels() != null && !options.labels().isEmpty()) {
        ObjectNode labels = meta.putObject("labels");
        new TreeMap<>(options.labels()).forEach(labels::put);
      }
      if (options.annotations() != null && !options.annotations().isEmpty()) {
        ObjectNode annotations = meta.putObject("annotations");
        new TreeMap<>(options.annotations()).forEach(annotations::put);
      }
      if (options.immutable()) {
        body.put("immutable", true);
      }
    }
    Resource r = new Resource(body, at, null);
    r.setGenerated(true);
    r.setNeedsHashSuffix(options == null || !options.disableNameSuffixHash());
    String behavior = args.behavior();
    r.setBehavior(
        behavior.equals("merge") || behavior.equals("replace") || behavior.equals("create")
            ? behavior
            : "");
    return List.of(r);
  }

  private static ObjectNode dataMap(ObjectNode body, String field) {
    return body.get(field) instanceof ObjectNode o ? o : body.putObject(field);
  }

  // Sorted by key, as kustomize writes the data map; insertion checks for repeated keys.
  private Map<String, byte[]> loadPairs() {
    Map<String, byte[]> seen = new LinkedHashMap<>();
    List<String[]> order = new ArrayList<>();
    for (String env : args.envs()) {
      byte[] content = fileSource.read(env, at);
      for (String[] kv : envPairs(content, env)) {
        order.add(kv);
      }
    }
    List<String[]> all = new ArrayList<>(order);
    for (String lit : args.literals()) {
      all.add(literal(lit));
    }
    Map<Integer, byte[]> fileValues = new HashMap<>(); // by position in all; looked up only
    for (String src : args.files()) {
      String[] kp = fileSource(src);
      byte[] content = fileSource.read(kp[1], at);
      all.add(new String[] {kp[0], null});
      fileValues.put(all.size() - 1, content);
    }
    for (int i = 0; i < all.size(); i++) {
      String[] kv = all.get(i);
      if (seen.containsKey(kv[0])) {
        throw new InputException(
            at,
            args.kind().toLowerCase(java.util.Locale.ROOT)
                + " "
                + args.name()
                + " illegally repeats the key `"
                + kv[0]
                + "`");
      }
      byte[] value = kv[1] != null ? kv[1].getBytes(StandardCharsets.UTF_8) : fileValues.get(i);
      seen.put(kv[0], value);
    }
    return new TreeMap<>(seen);
  }

  private String[] literal(String source) {
    int eq = source.indexOf('=');
    if (eq <= 0) {
      // kustomize echoes the literal; a secretGenerator literal is a secret, so we never do
      // (docs/robustness.md#secrets: secrets never appear in diagnostics).
      throw new InputException(
          at,
          args.kind().equals("Secret")
              ? "invalid literal source (a secretGenerator literal, not shown), expected key=value"
              : "invalid literal source " + source + ", expected key=value");
    }
    String value = source.substring(eq + 1);
    // Matching surrounding quotes are removed, nothing else is unescaped (case 070).
    if (value.length() >= 2
        && value.charAt(0) == value.charAt(value.length() - 1)
        && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
      value = value.substring(1, value.length() - 1);
    }
    return new String[] {source.substring(0, eq), value};
  }

  private String[] fileSource(String source) {
    long seps = source.chars().filter(c -> c == '=').count();
    if (seps == 0) {
      int slash = source.replaceAll("/+$", "").lastIndexOf('/');
      String base = slash < 0 ? source : source.replaceAll("/+$", "").substring(slash + 1);
      return new String[] {base.isEmpty() ? "/" : base, source};
    }
    if (seps > 1) {
      throw new InputException(
          at, "source \"" + source + "\" key args.name() or file path contains '='");
    }
    int eq = source.indexOf('=');
    if (eq == 0) {
      throw new InputException(
          at,
          "missing key args.name() for file path \""
              + source.substring(1)
              + "\" in source \""
              + source
              + "\"");
    }
    if (eq == source.length() - 1) {
      throw new InputException(
          at,
          "missing file path for key args.name() \""
              + source.substring(0, eq)
              + "\" in source \""
              + source
              + "\"");
    }
    return new String[] {source.substring(0, eq), source.substring(eq + 1)};
  }

  /** Env file lines (kustomize's {@code kv.keyValuesFromLines}, case 072). */
  private List<String[]> envPairs(byte[] content, String file) {
    List<String[]> out = new ArrayList<>();
    String text = utf8(content);
    if (text == null) {
      throw new InputException(
          SourcePosition.of(fileSource.resolve(file)),
          "env file '" + file + "' has invalid utf8 bytes: expected UTF-8 text");
    }
    String[] lines = text.split("\n", -1);
    int n = lines.length;
    if (n > 0 && lines[n - 1].isEmpty()) {
      n--; // Go's line scanner yields no empty token after a final newline
    }
    for (int i = 0; i < n; i++) {
      String line = lines[i];
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      line = stripLeadingSpace(line);
      if (line.isEmpty() || line.charAt(0) == '#') {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? line : line.substring(0, eq);
      String value = eq < 0 ? "" : line.substring(eq + 1);
      if (key.isEmpty()) {
        continue;
      }
      out.add(new String[] {key, value});
    }
    return out;
  }

  private static String stripLeadingSpace(String s) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!isGoSpace(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return s.substring(i);
  }

  // unicode.IsSpace
  private static boolean isGoSpace(int c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == 0x0B
        || c == '\f'
        || c == '\r'
        || c == 0x85
        || c == 0xA0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202F
        || c == 0x205F
        || c == 0x3000;
  }

  /** The text if {@code b} is valid UTF-8, else null. */
  static String utf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Standard base64; longer than 69 characters → 70-character lines each ending in a newline
   * (docs/kustomize.md#configmap-and-secret-generators).
   */
  static String base64(byte[] b) {
    String enc = Base64.getEncoder().encodeToString(b);
    if (enc.length() < 70) {
      return enc;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < enc.length(); i += 70) {
      sb.append(enc, i, Math.min(enc.length(), i + 70)).append('\n');
    }
    return sb.toString();
  }
}
