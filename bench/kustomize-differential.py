#!/usr/bin/env python3
"""Differential harness: our kustomize engine against `kubectl kustomize` on generated YAML.

Generates small kustomize directories from a seed whose values and keys stress the YAML layer
(scalar styles, YAML 1.1/1.2 typing, quoting, folding, unicode, anchors and merge keys, flow and
block collections, documents) and passes them (a) straight through `resources:`, (b) through a
strategic-merge patch and a JSON 6902 patch, (c) through a configMapGenerator (literals and an env
file). Builds each with `kubectl kustomize` (the oracle) and with ours, in one JVM, and compares
stdout byte for byte and success (when kubectl fails we must fail too, with nothing on stdout).

Usage (from the repository root; build the jar first):
  ./mvnw -B -o -q package -DskipTests -Ddist.skip=true
  python3 bench/kustomize-differential.py --seed 1 --cases 1000 [--work DIR] [--show 5]

The same seed and case count generate the same directories (cases are numbered; case N depends
only on the seed and N). Exit status 1 when any case diverges. Divergent cases are listed by kind
(we-accept: kubectl fails, we succeed; we-reject: the reverse; output: both succeed, stdout
differs) with the first differing line; the directories stay under --work for reducing.
"""

import argparse
import difflib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

# --- scalar values: (text as a program would see it) -------------------------------------------

WORDS = [
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off",
    "OFF", "true", "True", "TRUE", "false", "False", "FALSE", "tRue", "nO", "null", "Null",
    "NULL", "nULL", "~", "", "0777", "0o17", "0O17", "0x1F", "0X1f", "0xg", "0b101", "+12", "-0",
    "0", "00", "007", "08", "09.5", "1_000", "1_0.5", "1,000", "1:20", "1:20:30.5", "-1:20",
    "190:20:30", "1:60", "1e3", "1E3", "1.5e+3", "1e+3", "1.", "1.0", ".5", "-.5", "+.5", "-1.",
    ".inf", "-.inf", "+.Inf", ".Inf", ".INF", ".NaN", ".nan", ".NAN", ".iNf", "1.10", "0.00001",
    "123456789012345678901", "9223372036854775807", "9223372036854775808",
    "-9223372036854775809", "18446744073709551616", "1e400", "4.9e-325", "2024-01-01",
    "2024-1-1", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
    "2001-12-14T21:59:43Z", "2002-12-14", "2024-02-30", "12:30", "=", "<<", "-", "?", ":", "*a",
    "&a", "!a", "!!str", "|a", ">a", "'a", '"a', "%a", "@a", "`a", "a: b", "a #b", "a#b", "a:b",
    "a:", "#x", "- x", "-x", "? x", "?x", "[a]", "{a}", "a,b", "a]", "x ", "  x", " ", "\tx",
    "a\tb", "\t", "\U0001F600", "smile \U0001F600", "e\u0301", "\u0301x", "a\u0085b",
    "a\u2028b", "a\u2029b", "\ufeffa", "a\ufeff", "a\x01b", "a\x7fb", "a\x1bb", "\u00a0",
    "a\u00a0b", "caf\u00e9", "\u65e5\u672c", "a\u200bb", "a\ud7ffb", "a\ue000b", "a\ufffdb",
    "\\", "a\\nb", "a'b", 'a"b', "'", '"', "it's", "C:\\x", "1.2.3", "v1", "0.1.0", "1e", "e3",
    "0x", "0o", ".", "..", "...", "---", "--- x", "... x", "a\nb", "a\nb\n", "a\n\nb\n\n",
    "\na", "\n", "\n\n", " a\nb", "a \nb", "a\n b\n", "a\t\nb", "a\r\nb", "a\rb", "line\n  indented\n",
    "  lead\nx\n", "x\n\n", "a\n\n\nb", "#a\nb", "- a\n- b\n", "a: 1\nb: 2\n",
    "NaN", "Infinity", "-Infinity", "nan", "inf", "0.0", "-0.0", "1e-7", "1e21", "1e20",
    "100000000000000000000", "123456.789e3", "0.1e1", "3.0e-5", "-1e-5",
]

LONG_PIECES = ["lorem", "ipsum", "dolor", "sit", "amet,", "a:b", "#x", "x#", "é", "\U0001F600",
               "-", "--", "1", "yes", "  ", "\t", "'q'", '"q"']


def long_line(rng):
    n = rng.randint(60, 200)
    out = []
    while len(" ".join(out)) < n:
        out.append(rng.choice(LONG_PIECES) if rng.random() < 0.3 else rng.choice(LONG_PIECES[:5]))
    s = " ".join(out)
    if rng.random() < 0.2:
        s = s.replace(" ", "", rng.randint(1, 5))
    if rng.random() < 0.2:
        s = s.replace(" ", "  ", 2)
    if rng.random() < 0.2:
        s = rng.choice(["#", "-", "'", " ", "x: ", "1"]) + s
    if rng.random() < 0.2:
        s = s + rng.choice([" ", "\n", "\n\n", ":", " #"])
    if rng.random() < 0.2:
        s = s + "\n" + long_line_plain(rng)
    return s


def long_line_plain(rng):
    return " ".join(rng.choice(LONG_PIECES[:5]) for _ in range(rng.randint(10, 30)))


def value(rng):
    r = rng.random()
    if r < 0.15:
        return long_line(rng)
    if r < 0.2:
        return rng.choice(WORDS) + rng.choice(WORDS)
    return rng.choice(WORDS)


# --- writing a scalar in some YAML style ----------------------------------------------------------

def dq(s, rng):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append(rng.choice(["\\t", "\t", "\\\t"]))
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\x1b":
            out.append("\\e")
        elif ch == "\x00":
            out.append("\\0")
        elif ch == "\u0085":
            out.append(rng.choice(["\\N", "\\x85", "\\u0085"]))
        elif ch == "\u2028":
            out.append(rng.choice(["\\L", "\\u2028"]))
        elif ch == "\u2029":
            out.append(rng.choice(["\\P", "\\u2029"]))
        elif ch == "\u00a0":
            out.append(rng.choice(["\\_", "\\u00a0", "\u00a0"]))
        elif o < 0x20 or o == 0x7F or ch in "\ufeff":
            out.append("\\x%02x" % o if o < 0x100 else "\\u%04x" % o)
        elif o > 0xFFFF and rng.random() < 0.5:
            out.append("\\U%08X" % o)
        elif o > 0x7F and rng.random() < 0.2:
            out.append("\\u%04X" % o if o <= 0xFFFF else ch)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def sq_ok(s):
    return all(ord(c) >= 0x20 and c not in "\x7f\u0085\u2028\u2029\ufeff" or c == "\t"
               for c in s) and "\n" not in s


def sq(s):
    return "'" + s.replace("'", "''") + "'"


PLAIN_BAD_START = set("-?:,[]{}#&*!|>'\"%@`")


def plain_ok(s):
    if s == "" or s != s.strip(" \t") or "\n" in s or "\r" in s:
        return False
    if s[0] in PLAIN_BAD_START and not (s[0] in "-?:" and len(s) > 1 and s[1] not in " \t"):
        return False
    if ": " in s or " #" in s or s.endswith(":") or "\t#" in s:
        return False
    return all(ord(c) >= 0x20 and c not in "\x7f\u0085\u2028\u2029\ufeff" for c in s)


def block_ok(s):
    return all(ord(c) >= 0x20 and c not in "\x7f\u0085\u2028\u2029\ufeff" or c in "\n\t"
               for c in s) and "\r" not in s


def literal(s, indent, rng):
    """A literal block for s at the given indentation (the lines' indentation)."""
    body = s
    if body.endswith("\n"):
        stripped = body.rstrip("\n")
        chomp = "" if len(body) - len(stripped) == 1 else "+"
        body = stripped if chomp == "" else body[:-1]
    else:
        chomp = "-"
    lines = body.split("\n")
    needs_indicator = lines and lines[0].startswith(" ") or rng.random() < 0.15
    ind = str(rng.randint(1, 3)) if needs_indicator else ""
    pad = " " * (int(ind) if ind else 2)
    head = "|" + (ind + chomp if rng.random() < 0.5 else chomp + ind)
    if rng.random() < 0.1:
        head += " # comment"
    text = "\n".join((indent + pad + ln) if ln else "" for ln in lines)
    return head + "\n" + text


def folded(s, indent, rng):
    """A folded block: single line breaks in the content are written as blank lines."""
    lines = s.rstrip("\n").split("\n")
    trail = len(s) - len(s.rstrip("\n"))
    chomp = "-" if trail == 0 else ("" if trail == 1 else "+")
    out = []
    for i, ln in enumerate(lines):
        out.append(ln)
        if i < len(lines) - 1:
            out.append("")  # one blank line = one newline
    extra = ["" for _ in range(max(0, trail - 1))]
    pad = indent + "  "
    body = "\n".join((pad + ln) if ln else "" for ln in out + extra)
    return ">" + chomp + "\n" + body


def write_scalar(s, indent, rng, key=False):
    """YAML text for the string s, in a random style; may be a style that does not keep s."""
    styles = ["dq"]
    if sq_ok(s):
        styles.append("sq")
    if plain_ok(s) or rng.random() < 0.03:
        styles += ["plain", "plain"]
    if not key and "\n" in s and block_ok(s) and not s.startswith(" ") or (
            not key and rng.random() < 0.03 and s and block_ok(s)):
        styles += ["lit", "fold"]
    st = rng.choice(styles)
    if st == "dq":
        return dq(s, rng)
    if st == "sq":
        return sq(s)
    if st == "plain":
        return s
    if st == "lit":
        return literal(s, indent, rng)
    return folded(s, indent, rng)


# --- structures -----------------------------------------------------------------------------------

KEYS = ["a", "b", "key", "x1", "x10", "x2", "A", "_k", "k-k", "k.k", "k/k", "1", "10", "2",
        "true", "yes", "on", "y", "null", "~", "", "1.5", "0x1", "<<", "a b", "a: b", "#k", "-k",
        "?", "k ", "\u00e9", "\U0001F600", "k\tk", "k\nk", "x" * 130, "=", "0o7", "012"]


NON_STRING_KEYS = {"1", "10", "2", "true", "null", "~", "", "1.5", "0x1", "<<", "0o7", "012"}


def key_text(rng):
    k = rng.choice(KEYS) if rng.random() < 0.8 else value(rng).split("\n")[0][:40]
    t = write_scalar(k, "", rng, key=True)
    if t == k and (k in NON_STRING_KEYS or k in WORDS[:40]) and rng.random() < 0.9:
        t = dq(k, rng)  # mostly keep keys strings: kustomize refuses other keys
    return k, t


def map_lines(rng, indent, depth, n):
    """Block mapping lines at the indentation; values are scalars or nested collections."""
    lines = []
    used = set()
    anchors = []
    for _ in range(n):
        k, kt = key_text(rng)
        if k in used and rng.random() < 0.8:
            continue
        used.add(k)
        if kt.startswith(("? ",)):
            kt = '"' + kt + '"'
        lines.extend(entry(rng, indent, depth, kt + ":", anchors))
    return lines


def entry(rng, indent, depth, head, anchors):
    r = rng.random()
    if depth < 3 and r < 0.12:
        sub = map_lines(rng, indent + "  ", depth + 1, rng.randint(0, 3))
        anchor = ""
        if rng.random() < 0.3:
            anchor = " &m%d" % rng.randint(1, 3)
            anchors.append(anchor.strip()[1:])
        if not sub:
            return [indent + head + anchor + " {}"]
        return [indent + head + anchor] + sub
    if depth < 3 and r < 0.22:
        items = []
        item_indent = indent + rng.choice(["", "  "])
        for _ in range(rng.randint(0, 3)):
            v = value(rng)
            sv = write_scalar(v, item_indent + "  ", rng)
            if rng.random() < 0.15:
                items.append(item_indent + "- - " + write_scalar(value(rng), item_indent + "    ", rng))
                items.append(item_indent + "  - " + sv)
            else:
                items.append(item_indent + "- " + sv)
        if not items:
            return [indent + head + " []"]
        return [indent + head] + items
    if r < 0.30:
        return [indent + head + " " + flow(rng, 0)]
    if r < 0.33 and anchors:
        return [indent + head + " *" + rng.choice(anchors)]
    maps = [a for a in anchors if a.startswith("m")]
    if r < 0.36 and maps:
        return [indent + "<<: *" + rng.choice(maps)] if head != "<<:" else [indent + head + " {}"]
    if r < 0.38:
        return [indent + head + rng.choice(["", " ~", " null", " !!null ''", " !!str", " # c"])]
    if r < 0.40:
        tag = rng.choice(["!!str ", "!!int ", "!!float ", "!!bool ", "!!binary ", "!!timestamp ",
                          "!custom ", "!!null ", "!<tag:yaml.org,2002:str> "])
        return [indent + head + " " + tag + write_scalar(value(rng), indent + "  ", rng)]
    v = value(rng)
    sv = write_scalar(v, indent, rng)
    anchor = ""
    if rng.random() < 0.05:
        anchor = "&s%d " % rng.randint(1, 3)
        anchors.append(anchor.strip()[1:])
    comment = " # note" if rng.random() < 0.05 and "\n" not in sv else ""
    return [indent + head + " " + anchor + sv + comment]


def flow(rng, depth):
    r = rng.random()
    if depth < 2 and r < 0.4:
        parts = [flow(rng, depth + 1) for _ in range(rng.randint(0, 3))]
        return "[" + ", ".join(parts) + "]"
    if depth < 2 and r < 0.7:
        parts = []
        for _ in range(rng.randint(0, 3)):
            k, kt = key_text(rng)
            if "\n" in kt:
                kt = dq(k, rng)
            parts.append(kt + ": " + flow(rng, depth + 1))
        return "{" + ", ".join(parts) + "}"
    v = value(rng).replace("\n", " ")
    t = write_scalar(v, "", rng, key=True)
    if t == v and any(c in v for c in ",[]{}") or "\n" in t:
        t = dq(v, rng)
    return t


# --- the resources of a case ----------------------------------------------------------------------

def configmap(rng, name):
    lines = ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: " + name]
    if rng.random() < 0.3:
        lines += ["  labels:"] + ["    " + l.strip() for l in
                                 entry(rng, "", 3, write_scalar(rng.choice(KEYS[:10]), "", rng, True) + ":", [])
                                 if "\n" not in l]
    data = map_lines(rng, "  ", 1, rng.randint(1, 6))
    lines += ["data:"] + (data if data else ["  k: v"])
    return lines


def deployment(rng, name):
    env = []
    for i in range(rng.randint(1, 4)):
        env.append("        - name: E%d" % i)
        env.append("          value: " + write_scalar(value(rng), "            ", rng))
    args = ["        - " + write_scalar(value(rng), "          ", rng) for _ in range(rng.randint(0, 3))]
    lines = ["apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: " + name,
             "  annotations:", "    note: " + write_scalar(value(rng), "      ", rng),
             "spec:", "  replicas: " + rng.choice(["1", "0x2", "03", "1.0", "1e0", "\"2\"", "+3"]),
             "  template:", "    spec:", "      containers:", "      - name: app",
             "        image: " + write_scalar(rng.choice(["nginx", "nginx:1.25", "a/b:0777", "x@sha256:00"]), "", rng),
             "        env:"] + env
    if args:
        lines += ["        args:"] + args
    return lines


def custom(rng, name):
    spec = map_lines(rng, "  ", 1, rng.randint(1, 8))
    lines = ["apiVersion: example.com/v1", "kind: Widget", "metadata:", "  name: " + name]
    if rng.random() < 0.2:
        lines.append("# a comment line")
    lines += ["spec:"] + (spec if spec else ["  a: b"])
    if rng.random() < 0.2:
        lines += ["top: " + flow(rng, 0)]
    return lines


def documents(rng, docs):
    out = []
    if rng.random() < 0.1:
        out.append(rng.choice(["%YAML 1.1", "%YAML 1.2", "# leading comment"]))
        out.append("---")
    elif rng.random() < 0.2:
        out.append("---")
    for i, d in enumerate(docs):
        if i > 0:
            out.append(rng.choice(["---", "---", "...\n---", "--- # c"]))
        out += d
    if rng.random() < 0.1:
        out.append(rng.choice(["...", "---", ""]))
    return "\n".join(out) + "\n"


def generate_case(seed, n, path):
    rng = random.Random("%d/%d" % (seed, n))
    kind = rng.choice(["resources", "resources", "patch", "patch", "generator"])
    os.makedirs(path)
    docs = []
    k = []
    if kind in ("resources", "patch"):
        makers = [configmap, deployment, custom]
        for i in range(rng.randint(1, 3)):
            docs.append(rng.choice(makers)(rng, "r%d" % i))
        with open(os.path.join(path, "res.yaml"), "w", encoding="utf-8", newline="") as f:
            f.write(documents(rng, docs))
        k += ["resources:", "- res.yaml"]
    if kind == "patch":
        target = docs[0]
        api = target[0].split(": ", 1)[1]
        kd = target[1].split(": ", 1)[1]
        smp = ["apiVersion: " + api, "kind: " + kd, "metadata:", "  name: r0"]
        if kd == "ConfigMap":
            smp += ["data:"] + (map_lines(rng, "  ", 1, rng.randint(1, 4)) or ["  k: v"])
        elif kd == "Deployment":
            smp += ["spec:", "  template:", "    spec:", "      containers:",
                    "      - name: app", "        env:", "        - name: E0",
                    "          value: " + write_scalar(value(rng), "            ", rng)]
        else:
            smp += ["spec:"] + (map_lines(rng, "  ", 1, rng.randint(1, 4)) or ["  k: v"])
        with open(os.path.join(path, "smp.yaml"), "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(smp) + "\n")
        field = {"ConfigMap": "/data", "Deployment": "/metadata/annotations",
                 "Widget": "/spec"}[kd]
        ops = []
        for i in range(rng.randint(1, 3)):
            op = rng.choice(["add", "replace", "add"])
            v = value(rng)
            if rng.random() < 0.5:
                vt = write_scalar(v, "    ", rng)
            else:
                vt = json.dumps(v)
            if rng.random() < 0.1:
                vt = flow(rng, 0)
            ops.append("- op: %s\n  path: %s/j%d\n  value: %s" % (op, field, i, vt))
        with open(os.path.join(path, "json.yaml"), "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(ops) + "\n")
        k += ["patches:", "- path: smp.yaml",
              "- path: json.yaml", "  target:", "    kind: " + kd, "    name: r0"]
    if kind == "generator":
        lits = []
        for i in range(rng.randint(1, 4)):
            v = value(rng).replace("\n", " ")
            lit = "L%d=%s" % (i, v)
            lits.append("  - " + write_scalar(lit, "    ", rng))
        env = []
        for i in range(rng.randint(0, 4)):
            v = value(rng).replace("\n", " ")
            env.append(rng.choice(["E%d=%s", "E%d = %s", "# E%d %s", "E%d=\"%s\""]) % (i, v))
        k += ["configMapGenerator:", "- name: gen", "  literals:"] + lits
        if env:
            with open(os.path.join(path, "gen.env"), "w", encoding="utf-8", newline="") as f:
                f.write("\n".join(env) + "\n")
            k += ["  envs:", "  - gen.env"]
        if rng.random() < 0.3:
            k += ["  options:", "    disableNameSuffixHash: true"]
        if rng.random() < 0.3:
            k += ["commonAnnotations:", "  note: " + write_scalar(value(rng), "    ", rng)]
    with open(os.path.join(path, "kustomization.yaml"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(k) + "\n")
    return kind


# --- running both -------------------------------------------------------------------------------

RUNNER = r"""
import dev.stonegarden.render.cli.Cli;
import dev.stonegarden.render.cli.Invocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

public class Runner {
  public static void main(String[] a) throws Exception {
    for (String line : Files.readAllLines(Path.of(a[0]))) {
      Path dir = Path.of(line);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Cli.run(new String[] {"kustomize", "."},
          new Invocation(dir, Map.of(), new PrintWriter(out), new PrintWriter(err)));
      Path res = Path.of(line + ".ours");
      // getBytes, as the CLI's stdout encodes: an unpaired surrogate becomes '?' (writeString throws)
      Files.write(res.resolveSibling(res.getFileName() + ".out"), out.toString().getBytes(StandardCharsets.UTF_8));
      Files.write(res.resolveSibling(res.getFileName() + ".err"), err.toString().getBytes(StandardCharsets.UTF_8));
      Files.writeString(res.resolveSibling(res.getFileName() + ".rc"), Integer.toString(code));
    }
  }
}
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--first", type=int, default=0, help="number of the first case")
    ap.add_argument("--work", default=None, help="directory for the cases (default: a temp dir)")
    ap.add_argument("--show", type=int, default=3, help="divergent cases shown per kind")
    ap.add_argument("--project", default=".", help="repository root (target/ holds the jar)")
    args = ap.parse_args()

    project = os.path.abspath(args.project)
    work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="kdiff-"))
    cases_dir = os.path.join(work, "cases")
    if os.path.exists(cases_dir):
        shutil.rmtree(cases_dir)
    os.makedirs(cases_dir)
    kinds = {}
    dirs = []
    for n in range(args.first, args.first + args.cases):
        d = os.path.join(cases_dir, "case-%06d" % n)
        kinds[d] = generate_case(args.seed, n, d)
        dirs.append(d)

    theirs = {}
    for d in dirs:
        p = subprocess.run(["kubectl", "kustomize", d], capture_output=True)
        theirs[d] = (p.returncode, p.stdout, p.stderr)

    list_file = os.path.join(work, "dirs.txt")
    with open(list_file, "w") as f:
        f.write("\n".join(dirs) + "\n")
    runner = os.path.join(work, "Runner.java")
    with open(runner, "w") as f:
        f.write(RUNNER)
    cp = os.path.join(project, "target", "platform-render.jar") + os.pathsep + os.path.join(project, "target", "lib", "*")
    subprocess.run(["java", "-cp", cp, runner, list_file], check=True)

    div = {"we-accept": [], "we-reject": [], "output": [], "stdout-on-failure": []}
    both_ok = both_fail = 0
    for d in dirs:
        rc, out, err = theirs[d]
        ours_out = open(d + ".ours.out", "rb").read()
        ours_rc = int(open(d + ".ours.rc").read())
        if rc != 0:
            if ours_rc == 0:
                div["we-accept"].append((d, err.decode("utf-8", "replace").strip()))
            elif ours_out:
                div["stdout-on-failure"].append((d, ""))
            else:
                both_fail += 1
        elif ours_rc != 0:
            div["we-reject"].append((d, open(d + ".ours.err", encoding="utf-8").read().strip()))
        elif ours_out != out:
            a = out.decode("utf-8", "replace").splitlines()
            b = ours_out.decode("utf-8", "replace").splitlines()
            diff = [l for l in difflib.unified_diff(a, b, "kubectl", "ours", lineterm="", n=0)][2:8]
            div["output"].append((d, "\n".join(diff)))
        else:
            both_ok += 1

    total = len(dirs)
    by_input = {}
    for d in dirs:
        by_input[kinds[d]] = by_input.get(kinds[d], 0) + 1
    print("seed %d, cases %d..%d (%s), work %s" % (args.seed, args.first, args.first + total - 1,
          ", ".join("%s %d" % kv for kv in sorted(by_input.items())), work))
    print("agree: %d (both succeed %d, both fail %d)" % (both_ok + both_fail, both_ok, both_fail))
    n_div = sum(len(v) for v in div.values())
    print("diverge: %d (%s)" % (n_div, ", ".join("%s %d" % (k, len(v)) for k, v in div.items())))
    for k, v in div.items():
        for d, detail in v[:args.show]:
            print("\n== %s %s [%s]\n%s" % (k, os.path.basename(d), kinds[d], detail[:1500]))
    return 1 if n_div else 0


if __name__ == "__main__":
    sys.exit(main())
