package dev.stonegarden.render.kustomize.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON 6902 scenarios on ConfigMaps named after their case: ops (JSON, or YAML read as YAML 1.1),
 * and the resulting object or an error phrase. The oracle test runs them through kubectl.
 */
final class JpCases {
  private JpCases() {}

  /** One scenario; {@code doc} and {@code expected} are YAML bodies after the ConfigMap header. */
  record JpCase(String name, String doc, String ops, String expected, String error) {
    String docYaml() {
      return header() + doc;
    }

    String expectedYaml() {
      return header() + expected;
    }

    private String header() {
      return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n";
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static JpCase ok(String name, String doc, String ops, String expected) {
    return new JpCase(name, doc, ops, expected, null);
  }

  static JpCase fails(String name, String doc, String ops, String error) {
    return new JpCase(name, doc, ops, null, error);
  }

  private static final String DOC = "data: {a: '1', b: '2'}\nlist: [x, y, z]\n";

  static List<JpCase> operations() {
    List<JpCase> c = new ArrayList<>();
    c.add(
        ok(
            "jp-add-new-member",
            DOC,
            "[{\"op\": \"add\", \"path\": \"/data/c\", \"value\": \"3\"}]",
            "data: {a: '1', b: '2', c: '3'}\nlist: [x, y, z]\n"));
    c.add(
        ok(
            "jp-add-existing-member-replaces",
            DOC,
            "[{\"op\": \"add\", \"path\": \"/data/a\", \"value\": \"9\"}]",
            "data: {a: '9', b: '2'}\nlist: [x, y, z]\n"));
    c.add(
        ok(
            "jp-add-at-index-inserts",
            DOC,
            "[{\"op\": \"add\", \"path\": \"/list/1\", \"value\": \"n\"}]",
            "data: {a: '1', b: '2'}\nlist: [x, n, y, z]\n"));
    c.add(
        ok(
            "jp-add-dash-appends",
            DOC,
            "[{\"op\": \"add\", \"path\": \"/list/-\", \"value\": \"n\"}]",
            "data: {a: '1', b: '2'}\nlist: [x, y, z, n]\n"));
    c.add(
        ok(
            "jp-add-at-length-appends",
            DOC,
            "[{\"op\": \"add\", \"path\": \"/list/3\", \"value\": \"n\"}]",
            "data: {a: '1', b: '2'}\nlist: [x, y, z, n]\n"));
    c.add(
        ok(
            "jp-add-negative-index",
            DOC,
            "[{\"op\": \"add\", \"path\": \"/list/-1\", \"value\": \"n\"}]",
            "data: {a: '1', b: '2'}\nlist: [x, y, z, n]\n"));
    c.add(
        ok(
            "jp-add-object-value",
            DOC,
            "[{\"op\": \"add\", \"path\": \"/spec\", \"value\": {\"k\": [1, 2]}}]",
            "data: {a: '1', b: '2'}\nlist: [x, y, z]\nspec: {k: [1, 2]}\n"));
    c.add(
        ok(
            "jp-remove-member",
            DOC,
            "[{\"op\": \"remove\", \"path\": \"/data/a\"}]",
            "data: {b: '2'}\nlist: [x, y, z]\n"));
    c.add(
        ok(
            "jp-remove-index",
            DOC,
            "[{\"op\": \"remove\", \"path\": \"/list/0\"}]",
            "data: {a: '1', b: '2'}\nlist: [y, z]\n"));
    c.add(
        ok(
            "jp-remove-negative-index",
            DOC,
            "[{\"op\": \"remove\", \"path\": \"/list/-1\"}]",
            "data: {a: '1', b: '2'}\nlist: [x, y]\n"));
    c.add(
        ok(
            "jp-replace-member",
            DOC,
            "[{\"op\": \"replace\", \"path\": \"/data/b\", \"value\": \"7\"}]",
            "data: {a: '1', b: '7'}\nlist: [x, y, z]\n"));
    c.add(
        ok(
            "jp-replace-missing-member-adds",
            DOC,
            "[{\"op\": \"replace\", \"path\": \"/data/new\", \"value\": \"7\"}]",
            "data: {a: '1', b: '2', new: '7'}\nlist: [x, y, z]\n"));
    c.add(
        ok(
            "jp-replace-index",
            DOC,
            "[{\"op\": \"replace\", \"path\": \"/list/2\", \"value\": \"Z\"}]",
            "data: {a: '1', b: '2'}\nlist: [x, y, Z]\n"));
    c.add(
        ok(
            "jp-move-member",
            DOC,
            "[{\"op\": \"move\", \"from\": \"/data/a\", \"path\": \"/data/c\"}]",
            "data: {b: '2', c: '1'}\nlist: [x, y, z]\n"));
    c.add(
        ok(
            "jp-move-element",
            DOC,
            "[{\"op\": \"move\", \"from\": \"/list/0\", \"path\": \"/list/-\"}]",
            "data: {a: '1', b: '2'}\nlist: [y, z, x]\n"));
    c.add(
        ok(
            "jp-copy-member",
            DOC,
            "[{\"op\": \"copy\", \"from\": \"/data\", \"path\": \"/copy\"}]",
            "data: {a: '1', b: '2'}\nlist: [x, y, z]\ncopy: {a: '1', b: '2'}\n"));
    c.add(
        ok(
            "jp-copy-missing-member-copies-null",
            DOC,
            "[{\"op\": \"copy\", \"from\": \"/data/none\", \"path\": \"/data/c\"}]",
            "data: {a: '1', b: '2', c: null}\nlist: [x, y, z]\n"));
    c.add(
        ok(
            "jp-test-passes",
            "data: {a: '1'}\nn: 1\nobj: {x: [1, {y: true}]}\n",
            "[{\"op\": \"test\", \"path\": \"/data/a\", \"value\": \"1\"}, {\"op\": \"test\", \"path\": \"/n\", \"value\": 1},"
                + " {\"op\": \"test\", \"path\": \"/obj\", \"value\": {\"x\": [1, {\"y\": true}]}},"
                + " {\"op\": \"test\", \"path\": \"/missing\", \"value\": null}]",
            "data: {a: '1'}\nn: 1\nobj: {x: [1, {y: true}]}\n"));
    c.add(
        ok(
            "jp-test-yaml-float-is-normalised",
            "n: 1\nf: 1.5\n",
            "- {op: test, path: /n, value: 1.0}\n- {op: test, path: /f, value: 1.50}\n- {op: replace, path: /n, value: 2.0}\n",
            "n: 2\nf: 1.5\n"));
    c.add(
        ok(
            "jp-json-float-added-as-number",
            "n: 1\n",
            "[{\"op\": \"replace\", \"path\": \"/n\", \"value\": 2.50}, {\"op\": \"test\", \"path\": \"/n\", \"value\": 2.50}]",
            "n: 2.5\n"));
    c.add(
        ok(
            "jp-escapes",
            "data: {a: '1'}\n",
            "[{\"op\": \"add\", \"path\": \"/data/x~1y~0z\", \"value\": \"e\"}, {\"op\": \"add\", \"path\": \"/data/~01\", \"value\": \"t\"}]",
            "data: {a: '1', x/y~z: e, ~1: t}\n"));
    c.add(
        ok(
            "jp-first-segment-ignored",
            DOC,
            "[{\"op\": \"add\", \"path\": \"whatever/data/c\", \"value\": \"3\"}]",
            "data: {a: '1', b: '2', c: '3'}\nlist: [x, y, z]\n"));
    c.add(
        ok(
            "jp-yaml-ops-use-yaml-1-1",
            "data: {a: '1'}\n",
            "- op: add\n  path: /flags\n  value: {on: yes, octal: 0755, n: no, s: '0755'}\n",
            // YAMLToJSON: the keys on and n are YAML 1.1 booleans too, and become "true" and
            // "false"
            "data: {a: '1'}\nflags: {'true': true, octal: 493, 'false': false, s: '0755'}\n"));
    return c;
  }

  static List<JpCase> errors() {
    List<JpCase> c = new ArrayList<>();
    c.add(
        fails(
            "jp-err-remove-missing-parent",
            DOC,
            "[{\"op\": \"remove\", \"path\": \"/spec/x\"}]",
            "remove operation does not apply: doc is missing path: \"/spec/x\": missing value"));
    c.add(
        fails(
            "jp-err-remove-missing-member",
            DOC,
            "[{\"op\": \"remove\", \"path\": \"/data/x\"}]",
            "error in remove for path: '/data/x': Unable to remove nonexistent key: x: missing value"));
    c.add(
        fails(
            "jp-err-remove-bad-index",
            DOC,
            "[{\"op\": \"remove\", \"path\": \"/list/5\"}]",
            "Unable to access invalid index: 5: invalid index referenced"));
    c.add(
        fails(
            "jp-err-add-missing-parent",
            DOC,
            "[{\"op\": \"add\", \"path\": \"/spec/x\", \"value\": 1}]",
            "add operation does not apply: doc is missing path: \"/spec/x\": missing value"));
    c.add(
        fails(
            "jp-err-add-bad-index",
            DOC,
            "[{\"op\": \"add\", \"path\": \"/list/9\", \"value\": 1}]",
            "error in add for path: '/list/9': Unable to access invalid index: 9: invalid index referenced"));
    c.add(
        fails(
            "jp-err-add-not-an-index",
            DOC,
            "[{\"op\": \"add\", \"path\": \"/list/x\", \"value\": 1}]",
            "value was not a proper array index: 'x'"));
    c.add(
        fails(
            "jp-err-replace-missing-parent",
            DOC,
            "[{\"op\": \"replace\", \"path\": \"/spec/x\", \"value\": 1}]",
            "replace operation does not apply: doc is missing path: /spec/x: missing value"));
    c.add(
        fails(
            "jp-err-replace-bad-index",
            DOC,
            "[{\"op\": \"replace\", \"path\": \"/list/3\", \"value\": 1}]",
            "replace operation does not apply: doc is missing key: /list/3: missing value"));
    c.add(
        fails(
            "jp-err-test-fails",
            DOC,
            "[{\"op\": \"test\", \"path\": \"/data/a\", \"value\": \"2\"}]",
            "testing value /data/a failed: test failed"));
    c.add(
        fails(
            "jp-err-test-number-vs-string",
            "n: 1\n",
            "[{\"op\": \"test\", \"path\": \"/n\", \"value\": \"1\"}]",
            "testing value /n failed: test failed"));
    c.add(
        fails(
            "jp-err-test-json-float-literal-vs-int",
            "n: 1\n",
            "[{\"op\": \"test\", \"path\": \"/n\", \"value\": 1.0}]",
            "testing value /n failed: test failed"));
    c.add(
        fails(
            "jp-err-test-missing-parent",
            DOC,
            "[{\"op\": \"test\", \"path\": \"/spec/x\", \"value\": 1}]",
            "test operation does not apply: is missing path: /spec/x: missing value"));
    c.add(
        fails(
            "jp-err-move-missing-member",
            DOC,
            "[{\"op\": \"move\", \"from\": \"/data/x\", \"path\": \"/data/y\"}]",
            "error in move for path: 'x': Unable to remove nonexistent key: x: missing value"));
    c.add(
        fails(
            "jp-err-move-missing-destination",
            DOC,
            "[{\"op\": \"move\", \"from\": \"/data/a\", \"path\": \"/spec/y\"}]",
            "move operation does not apply: doc is missing destination path: /spec/y: missing value"));
    c.add(
        fails(
            "jp-err-copy-missing-from-parent",
            DOC,
            "[{\"op\": \"copy\", \"from\": \"/spec/x\", \"path\": \"/data/y\"}]",
            "copy operation does not apply: doc is missing from path: /spec/x: missing value"));
    c.add(
        fails(
            "jp-err-unknown-op",
            DOC,
            "[{\"op\": \"merge\", \"path\": \"/data\"}]",
            "Unexpected kind: merge"));
    c.add(
        fails(
            "jp-err-missing-path",
            DOC,
            "[{\"op\": \"add\", \"value\": 1}]",
            "add operation failed to decode path: missing value"));
    c.add(
        fails(
            "jp-err-walk-through-scalar",
            DOC,
            "[{\"op\": \"add\", \"path\": \"/data/a/b\", \"value\": 1}]",
            "add operation does not apply: doc is missing path: \"/data/a/b\": missing value"));
    return c;
  }
}
