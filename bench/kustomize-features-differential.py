#!/usr/bin/env python3
"""Differential harness: kustomization features, ours against `kubectl kustomize`.

Usage:
  ./mvnw -B -o -q package -DskipTests -Ddist.skip=true      # once: target/platform-render.jar
  python3 bench/kustomize-features-differential.py [--seed N] [--cases N] [--keep DIR]
                                                   [--only FEATURE,...] [--show N]

From the seed it composes N small kustomization trees (a base, sometimes a second base or a
diamond, an overlay and sometimes a component) that combine the features below, builds each with
`kubectl kustomize DIR` (the oracle: kustomize 5.5) and with ours (one JVM for every case, through
`Cli.run` as `platform-render kustomize DIR` runs it), and compares stdout byte for byte and the
exit status (when kubectl fails we must fail too, with nothing on stdout). The same seed and count
give the same cases. Diverging cases are kept under --keep (default /tmp/kfd-<seed>/) with
`kubectl.out`, `ours.out` and `ours.err` next to them; the summary counts them by the set of
features they use.

Features: replacements, labels, commonLabels, commonAnnotations, namePrefix/nameSuffix and name
references, namespace, images, replicas, patches (strategic merge, JSON 6902, targets, options),
generators (behavior, options), components, sortOptions, vars, nested and diamond bases,
configurations for a custom kind.
"""

import argparse
import collections
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import yaml

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

RUNNER = r"""
import dev.stonegarden.render.cli.Cli;
import dev.stonegarden.render.cli.Invocation;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

public class KfdRunner {
  public static void main(String[] a) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream o = new PrintStream(new FileOutputStream(FileDescriptor.out), false, "UTF-8");
    String dir;
    while ((dir = in.readLine()) != null) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code;
      try {
        code = Cli.run(new String[] {"kustomize", "."},
            new Invocation(Path.of(dir), Map.of("ARGOCD_APP_NAME", "kfd"),
                new PrintWriter(out), new PrintWriter(err)));
      } catch (Throwable t) {
        code = 99;
        err.write("CRASH " + t);
      }
      byte[] so = out.toString().getBytes(StandardCharsets.UTF_8);
      byte[] se = err.toString().getBytes(StandardCharsets.UTF_8);
      o.print(code + " " + so.length + " " + se.length + "\n");
      o.write(so);
      o.write(se);
      o.flush();
    }
  }
}
"""


class Ours:
    """One JVM that builds every case (the jar and target/lib of the project)."""

    def __init__(self, work):
        src = os.path.join(work, "KfdRunner.java")
        with open(src, "w") as f:
            f.write(RUNNER)
        cp = os.path.join(PROJECT, "target", "platform-render.jar") + ":" + os.path.join(
            PROJECT, "target", "lib", "*")
        self.proc = subprocess.Popen(["java", "-cp", cp, src], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)

    def build(self, d):
        self.proc.stdin.write((d + "\n").encode())
        self.proc.stdin.flush()
        head = self.proc.stdout.readline().decode().split()
        code, n_out, n_err = int(head[0]), int(head[1]), int(head[2])
        out = self.proc.stdout.read(n_out) if n_out else b""
        err = self.proc.stdout.read(n_err) if n_err else b""
        return code, out, err

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def kubectl(d):
    p = subprocess.run(["kubectl", "kustomize", d], capture_output=True)
    return p.returncode, p.stdout, p.stderr


# ---------------------------------------------------------------- resources

APPS = ["web", "api", "db", "cache"]
KINDS = {}  # the workload kind of each name in the case being composed
SHAPE = {}  # "diamond": two copies of the base meet in the overlay
IMAGES = ["nginx", "busybox", "example.com/team/app", "redis", "nginx-sidecar"]


def deployment(r, name, kind="Deployment"):
    app = name
    c = {"name": name, "image": r.choice(IMAGES) + r.choice(["", ":1.0", "@sha256:" + "a" * 64,
                                                             ":2@sha256:" + "b" * 64])}
    c["envFrom"] = [{"configMapRef": {"name": "settings"}}]
    if r.random() < 0.6:
        c["env"] = [{"name": "MODE", "value": "base"},
                    {"name": "PASS", "valueFrom": {"secretKeyRef": {"name": "creds", "key": "p"}}}]
    if r.random() < 0.5:
        c["ports"] = [{"containerPort": 8080, "name": "http"},
                      {"containerPort": 9090, "protocol": "UDP", "name": "metrics"}]
    containers = [c]
    if r.random() < 0.3:
        containers.append({"name": "sidecar", "image": "nginx-sidecar:3"})
    vols = [{"name": "cfg", "configMap": {"name": "settings"}}]
    if r.random() < 0.5:
        vols.append({"name": "sec", "secret": {"secretName": "creds"}})
    if r.random() < 0.4:
        vols.append({"name": "proj", "projected": {"sources": [
            {"configMap": {"name": "settings"}}, {"secret": {"name": "creds"}}]}})
    if r.random() < 0.4:
        vols.append({"name": "data", "persistentVolumeClaim": {"claimName": "data"}})
    pod = {"serviceAccountName": "runner", "containers": containers, "volumes": vols}
    if r.random() < 0.3:
        pod["initContainers"] = [{"name": "init", "image": r.choice(IMAGES)}]
    spec = {"selector": {"matchLabels": {"app": app}},
            "template": {"metadata": {"labels": {"app": app}}, "spec": pod}}
    if kind in ("Deployment", "StatefulSet"):
        spec = {"replicas": r.choice([1, 2])} | spec
    if kind == "StatefulSet":
        spec["serviceName"] = name
    if kind == "CronJob":
        return {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": name},
                "spec": {"schedule": "*/5 * * * *", "jobTemplate": {"spec": {"template": {
                    "spec": pod | {"restartPolicy": "Never"}}}}}}
    return {"apiVersion": "apps/v1", "kind": kind, "metadata": {"name": name}, "spec": spec}


def widget(r, name):
    return {"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": name},
            "spec": {"configRef": "settings", "service": name,
                     "template": {"metadata": {"labels": {"app": name}},
                                  "spec": {"containers": [{"name": "w", "image": "busybox"}]}}}}


WIDGET_CONFIG = {
    "nameReference": [
        {"kind": "ConfigMap", "version": "v1",
         "fieldSpecs": [{"path": "spec/configRef", "kind": "Widget"}]},
        {"kind": "Service", "version": "v1",
         "fieldSpecs": [{"path": "spec/service", "kind": "Widget"}]}],
    "commonLabels": [{"path": "spec/template/metadata/labels", "create": True, "kind": "Widget"}],
    "images": [{"path": "spec/template/spec/containers/image", "kind": "Widget"}],
}


def base_resources(r, ns):
    """The documents of a base: a workload or two and what they reference."""
    docs = []
    names = r.sample(APPS, r.choice([1, 1, 2]))
    for n in names:
        kind = r.choice(["Deployment", "Deployment", "Deployment", "StatefulSet", "DaemonSet",
                         "CronJob"])
        KINDS[n] = kind
        docs.append(deployment(r, n, kind))
        if r.random() < 0.7:
            KINDS["svc/" + n] = "Service"
            docs.append({"apiVersion": "v1", "kind": "Service", "metadata": {"name": n},
                         "spec": {"selector": {"app": n},
                                  "ports": [{"port": 80, "targetPort": 8080}]}})
    first = names[0]
    docs.append({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"},
                 "data": {"color": "blue", "image": "nginx:1.25", "host": "a.b.c"}})
    docs.append({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "creds"},
                 "type": "Opaque", "stringData": {"p": "x"}})
    docs.append({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "runner"}})
    if r.random() < 0.5:
        docs.append({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                     "metadata": {"name": "data"},
                     "spec": {"accessModes": ["ReadWriteOnce"],
                              "resources": {"requests": {"storage": "1Gi"}}}})
    if r.random() < 0.5:
        subj = [{"kind": "ServiceAccount", "name": "runner"}]
        if r.random() < 0.5:
            subj.append({"kind": "ServiceAccount", "name": "default", "namespace": "other"})
        if r.random() < 0.3:
            subj.append({"kind": "ServiceAccount", "name": "runner", "namespace": "elsewhere"})
        docs.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                     "metadata": {"name": "reader"},
                     "rules": [{"apiGroups": [""], "resources": ["configmaps"],
                                "verbs": ["get"], "resourceNames": ["settings"]}]})
        docs.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                     "metadata": {"name": "reader"},
                     "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role",
                                 "name": "reader"}, "subjects": subj})
    if r.random() < 0.3:
        docs.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                     "metadata": {"name": "viewer"}, "rules": []})
        docs.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                     "metadata": {"name": "viewer"},
                     "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                                 "name": "viewer"},
                     "subjects": [{"kind": "ServiceAccount", "name": "runner",
                                   "namespace": ns or "default"}]})
    if r.random() < 0.4:
        docs.append({"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
                     "metadata": {"name": first},
                     "spec": {"tls": [{"hosts": ["x.example"], "secretName": "creds"}],
                              "defaultBackend": {"service": {"name": first,
                                                             "port": {"number": 80}}},
                              "rules": [{"host": "x.example", "http": {"paths": [
                                  {"path": "/", "pathType": "Prefix", "backend": {"service": {
                                      "name": first, "port": {"number": 80}}}}]}}]}})
    if r.random() < 0.4:
        docs.append({"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
                     "metadata": {"name": first},
                     "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment",
                                                 "name": first},
                              "minReplicas": 1, "maxReplicas": 3}})
    if r.random() < 0.3 and not SHAPE.get("diamond"):
        docs.append({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team"}})
    if r.random() < 0.2:
        docs.append({"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
                     "metadata": {"name": first},
                     "spec": {"minAvailable": 1, "selector": {"matchLabels": {"app": first}}}})
    if ns is not None:
        for d in docs:
            if d["kind"] not in ("Namespace", "ClusterRole", "ClusterRoleBinding") \
                    and r.random() < 0.5:
                d["metadata"]["namespace"] = ns
    r.shuffle(docs)
    return docs, names


# ---------------------------------------------------------------- features

def labels_features(r, k):
    if r.random() < 0.35:
        entries = []
        for _ in range(r.choice([1, 2])):
            e = {"pairs": {r.choice(["team", "tier", "app"]): r.choice(["a", "b", "web"])}}
            if r.random() < 0.5:
                e["includeSelectors"] = r.choice([True, False])
            if r.random() < 0.5:
                e["includeTemplates"] = r.choice([True, False])
            if r.random() < 0.2:
                e["fields"] = [{"path": r.choice(["spec/template/metadata/labels",
                                                  "metadata/annotations/x",
                                                  "spec/selector/matchLabels"]),
                                "kind": r.choice(["Deployment", "Service", "Widget"]),
                                "create": r.choice([True, False])}]
            entries.append(e)
        k["labels"] = entries
    if r.random() < 0.3:
        k["commonLabels"] = {r.choice(["env", "app", "team"]): r.choice(["prod", "x"])}
    if r.random() < 0.3:
        k["commonAnnotations"] = {r.choice(["note", "owner"]): r.choice(["a b", "me"])}


def name_features(r, k):
    if r.random() < 0.5:
        k["namePrefix"] = r.choice(["p-", "dev-", "x"])
    if r.random() < 0.4:
        k["nameSuffix"] = r.choice(["-s", "-v2"])


def namespace_feature(r, k):
    if r.random() < 0.4:
        k["namespace"] = r.choice(["prod", "team", "default", "other"])


def images_feature(r, k):
    if r.random() < 0.4:
        entries = []
        for _ in range(r.choice([1, 2])):
            e = {"name": r.choice(IMAGES + ["nginx*", "example.com/team/*"])}
            for key, vals in (("newName", ["registry.io/nginx", "busybox", "my/app"]),
                              ("newTag", ["9", "1.2.3", "latest"]),
                              ("digest", ["sha256:" + "c" * 64])):
                if r.random() < 0.45:
                    e[key] = r.choice(vals)
            entries.append(e)
        k["images"] = entries


def replicas_feature(r, k, names):
    if r.random() < 0.3 and not SHAPE.get("diamond"):
        ok = [n for n in names if KINDS[n] in ("Deployment", "StatefulSet")] or names
        k["replicas"] = [{"name": "nosuch" if r.random() < 0.05 else r.choice(ok),
                          "count": r.choice([0, 3, 5])}]


def sort_feature(r, k):
    if r.random() < 0.3:
        if r.random() < 0.5:
            k["sortOptions"] = {"order": "fifo"}
        else:
            lo = {"order": "legacy"}
            if r.random() < 0.7:
                lo["legacySortOptions"] = {
                    "orderFirst": r.sample(["Service", "ConfigMap", "Deployment", "Namespace",
                                            "Secret"], 2),
                    "orderLast": r.sample(["Role", "ServiceAccount", "Ingress",
                                           "HorizontalPodAutoscaler"], 2)}
            k["sortOptions"] = lo


def generator_features(r, k, files, in_base):
    gens = []
    if r.random() < 0.6:
        g = {"name": "settings"}
        if not in_base:
            g["behavior"] = r.choice(["create", "merge", "replace", "merge", "merge"])
            if g["behavior"] == "create" and r.random() < 0.9 or SHAPE.get("diamond"):
                g["behavior"] = "create"
                g["name"] = "local"
        src = r.choice(["literals", "envs", "files", "mix"])
        if src in ("literals", "mix"):
            g["literals"] = r.sample(["color=red", "size=3", "host=x.y", "EMPTY="], 2)
        if src in ("envs", "mix"):
            files["app.env"] = "A=1\nB=two\n# c\n"
            g["envs"] = ["app.env"]
        if src == "files":
            files["conf.txt"] = "line1\nline2\n"
            g["files"] = [r.choice(["conf.txt", "renamed=conf.txt"])]
        if r.random() < 0.3:
            opts = {}
            if r.random() < 0.5:
                opts["labels"] = {"gen": "yes"}
            if r.random() < 0.5:
                opts["annotations"] = {"ga": "1"}
            if r.random() < 0.5:
                opts["disableNameSuffixHash"] = True
            if r.random() < 0.3:
                opts["immutable"] = True
            g["options"] = opts
        gens.append(g)
        if in_base and r.random() < 0.3:
            g["name"] = "settings2"
    if gens:
        k["configMapGenerator"] = gens
    if r.random() < 0.3:
        s = {"name": "creds"}
        if not in_base:
            s["behavior"] = r.choice(["merge", "replace", "create"])
            if s["behavior"] == "create" or SHAPE.get("diamond"):
                s["behavior"] = "create"
                s["name"] = "local-creds"
        else:
            s["name"] = "tls"
        s["literals"] = ["p=secret"]
        if r.random() < 0.3:
            s["type"] = "kubernetes.io/tls" if in_base else "Opaque"
            if in_base:
                s["literals"] = ["tls.crt=a", "tls.key=b"]
        k["secretGenerator"] = [s]
    if r.random() < 0.25:
        go = {}
        if r.random() < 0.6:
            go["disableNameSuffixHash"] = r.choice([True, False])
        if r.random() < 0.5:
            go["labels"] = {"from": "opts"}
        if r.random() < 0.3:
            go["annotations"] = {"o": "p"}
        k["generatorOptions"] = go


def target_selector(r, names):
    t = {}
    c = r.random()
    if c < 0.3:
        t["kind"] = r.choice(["Deployment", "StatefulSet", "Service", "ConfigMap", "Widget",
                              "DaemonSet"])
    if r.random() < 0.5:
        t["name"] = r.choice(names + [names[0] + ".*", "(web|api)", ".*", "settings"])
    if r.random() < 0.2:
        t["labelSelector"] = r.choice(["app=" + names[0], "app in (web,api)", "!app"])
    if r.random() < 0.15:
        t["annotationSelector"] = "note=me"
    if r.random() < 0.15:
        t["group"] = r.choice(["apps", "", "example.com"])
    if r.random() < 0.1:
        t["version"] = "v1"
    if not t:
        t["kind"] = "Deployment"
    return t


def patch_features(r, k, files, names):
    patches = []
    for i in range(r.choice([0, 1, 1, 2, 3])):
        c = r.random()
        n = r.choice(names)
        if c < 0.35:  # strategic merge on a workload
            container = {"name": r.choice([n, "sidecar", "new"])}
            choice = r.random()
            if choice < 0.25:
                container["env"] = [{"name": "MODE", "value": "patched"},
                                    {"name": "EXTRA", "value": "1"}]
            elif choice < 0.45:
                container["ports"] = [{"containerPort": 8080, "protocol": "UDP"}]
            elif choice < 0.6:
                container["image"] = "patched:1"
            elif choice < 0.75:
                container["$patch"] = "delete"
            else:
                container["env"] = [{"name": "MODE", "$patch": "delete"}]
            pod = {"containers": [container]}
            if r.random() < 0.3:
                pod["volumes"] = [{"name": "cfg", "$patch": "delete"}] if r.random() < 0.5 \
                    else [{"name": "extra", "configMap": {"name": "settings"}}]
            if r.random() < 0.2:
                pod["$setElementOrder/containers"] = [{"name": "sidecar"}, {"name": n}]
            kind = KINDS[n] if r.random() < 0.9 else "Deployment"
            tmpl = {"template": {"spec": pod}}
            if kind == "CronJob":
                tmpl = {"jobTemplate": {"spec": tmpl}}
            body = {"apiVersion": "batch/v1" if kind == "CronJob" else "apps/v1", "kind": kind,
                    "metadata": {"name": n}, "spec": tmpl}
            if r.random() < 0.2:
                body["spec"]["replicas"] = 7
        elif c < 0.5:
            body = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"},
                    "data": {"patched": "true"}}
            if r.random() < 0.3:
                body = {"$patch": r.choice(["delete", "replace"])} | body
        elif c < 0.6:  # JSON 6902
            ops = r.choice([
                [{"op": "add", "path": "/metadata/labels", "value": {"j": "1"}}],
                [{"op": "replace", "path": "/metadata/name", "value": "renamed"}],
                [{"op": "add", "path": "/spec/template/spec/containers/0/args", "value": ["-v"]}],
                [{"op": "remove", "path": "/spec/selector"}],
                [{"op": "add", "path": "/metadata/annotations", "value": {"a": "b"}},
                 {"op": "copy", "from": "/metadata/name", "path": "/metadata/annotations/n"}],
            ])
            e = {"target": target_selector(r, names)}
            if r.random() < 0.5:
                files["p%d.json" % i] = json.dumps(ops)
                e["path"] = "p%d.json" % i
            else:
                e["patch"] = yaml.safe_dump(ops, sort_keys=False)
            if r.random() < 0.15:
                e["options"] = {"allowNameChange": True}
            patches.append(e)
            continue
        elif c < 0.7:  # a target with a body that names nothing in particular
            body = {"apiVersion": "apps/v1", "kind": "Deployment",
                    "metadata": {"name": "ignored", "labels": {"patched": "yes"}}}
            patches.append({"patch": yaml.safe_dump(body, sort_keys=False),
                            "target": target_selector(r, names)})
            continue
        elif c < 0.8:  # name or kind change
            body = {"apiVersion": "apps/v1", "kind": r.choice(["Deployment", "StatefulSet"]),
                    "metadata": {"name": n + r.choice(["", "-new"])}}
            e = {"patch": yaml.safe_dump(body, sort_keys=False),
                 "target": {"kind": KINDS[n], "name": n},
                 "options": {"allowNameChange": r.choice([True, False]),
                             "allowKindChange": r.choice([True, False])}}
            patches.append(e)
            continue
        elif c < 0.9:  # multi-doc file
            a = {"apiVersion": "batch/v1" if KINDS[names[0]] == "CronJob" else "apps/v1",
                 "kind": KINDS[names[0]],
                 "metadata": {"name": names[0], "annotations": {"m": "1"}}}
            b = {"apiVersion": "v1", "kind": "Service",
                 "metadata": {"name": names[-1], "annotations": {"m": "2"}}}
            files["multi%d.yaml" % i] = yaml.safe_dump_all([a, b], sort_keys=False)
            patches.append({"path": "multi%d.yaml" % i})
            continue
        else:  # Service ports merge
            n = next((x for x in names if "svc/" + x in KINDS), n)
            body = {"apiVersion": "v1", "kind": "Service", "metadata": {"name": n},
                    "spec": {"ports": [{"port": 80, "targetPort": 9090},
                                       {"port": 443, "name": "https"}]}}
        e = {}
        text = yaml.safe_dump(body, sort_keys=False)
        if r.random() < 0.4:
            files["patch%d.yaml" % i] = text
            e["path"] = "patch%d.yaml" % i
        else:
            e["patch"] = text
        if r.random() < 0.35 or SHAPE.get("diamond"):
            e["target"] = target_selector(r, names)
        patches.append(e)
    if patches and r.random() < 0.2:  # the deprecated fields, where an entry fits them
        smp, j6902, rest = [], [], []
        for e in patches:
            if "target" not in e and "options" not in e:
                smp.append(e.get("path") or e.get("patch"))
            elif "target" in e and "options" not in e and (
                    e.get("path", "").endswith(".json") or e.get("patch", "").startswith("- op")):
                j6902.append(e)
            else:
                rest.append(e)
        if smp:
            k["patchesStrategicMerge"] = smp
        if j6902:
            k["patchesJson6902"] = j6902
        patches = rest
    if patches:
        k["patches"] = patches


def replacement_features(r, k, names):
    if r.random() > 0.35:
        return
    reps = []
    for _ in range(r.choice([1, 2])):
        src = r.choice([
            {"kind": "ConfigMap", "name": "settings", "fieldPath": "data.color"},
            {"kind": "ConfigMap", "name": "settings", "fieldPath": "data.image"},
            {"kind": "Service", "name": names[0]},
            {"kind": KINDS[names[0]], "name": names[0],
             "fieldPath": "spec.template.spec.containers.0.image"
             if KINDS[names[0]] != "CronJob"
             else "spec.jobTemplate.spec.template.spec.containers.0.image"},
            {"kind": "Secret", "name": "creds", "fieldPath": "metadata.name"},
            {"kind": "ConfigMap", "name": "settings", "fieldPath": "data.host",
             "options": {"delimiter": ".", "index": 1}},
        ])
        tgt = {"select": r.choice([{"kind": "Deployment"}, {"kind": "Deployment",
                                                             "name": names[0]},
                                   {"name": names[0]}, {"kind": "ConfigMap"},
                                   {"labelSelector": "app=" + names[0]}])}
        if r.random() < 0.3:
            tgt["reject"] = [r.choice([{"kind": "ConfigMap"}, {"name": names[-1]}])]
        tgt["fieldPaths"] = r.sample([
            "spec.template.spec.containers.[name=%s].env.[name=MODE].value" % names[0],
            "spec.template.spec.containers.*.image",
            "spec.template.spec.containers.0.image",
            "metadata.annotations.copied",
            "spec.template.metadata.labels.color",
            "data.newkey",
            "spec.template.spec.volumes.[name=cfg].configMap.name",
        ], r.choice([1, 2]))
        if r.random() < 0.5:
            opts = {}
            if r.random() < 0.5:
                opts["delimiter"] = r.choice([":", "."])
                opts["index"] = r.choice([0, 1, 2, -1])
            if r.random() < 0.5:
                opts["create"] = True
            tgt["options"] = opts
        reps.append({"source": src, "targets": [tgt]})
    k["replacements"] = reps


def vars_feature(r, k, names):
    if r.random() < 0.12:
        k["vars"] = [{"name": "SVC", "objref": {"kind": "Service", "name": names[0],
                                                "apiVersion": "v1"},
                      "fieldref": {"fieldpath": "metadata.name"}}]
        return True
    return False


# ---------------------------------------------------------------- a case

def dump(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        if isinstance(obj, str):
            f.write(obj)
        elif isinstance(obj, list):
            f.write(yaml.safe_dump_all(obj, sort_keys=False))
        else:
            f.write(yaml.safe_dump(obj, sort_keys=False))


def write_level(root, k, files):
    for name, text in files.items():
        dump(os.path.join(root, name), text)
    dump(os.path.join(root, "kustomization.yaml"), k)


def compose(r, root, only):
    """Writes one case under root; returns its build directory and the features it uses."""
    used = set()

    def want(f):
        return only is None or f in only

    KINDS.clear()
    SHAPE.clear()
    shape = r.random()
    if shape < 0.25:
        SHAPE["diamond"] = True
    ns0 = r.choice([None, None, "base-ns"])
    docs, names = base_resources(r, ns0)
    has_widget = r.random() < 0.2
    base_k = {"resources": ["resources.yaml"]}
    base_files = {"resources.yaml": docs}
    if has_widget:
        base_files["widget.yaml"] = [widget(r, names[0])]
        base_files["widget-config.yaml"] = WIDGET_CONFIG
        base_k["resources"].append("widget.yaml")
        base_k["configurations"] = ["widget-config.yaml"]
        used.add("configurations")
    # a base may transform too
    if r.random() < 0.4:
        if want("generators"):
            generator_features(r, base_k, base_files, True)
        if want("names"):
            name_features(r, base_k)
        if want("labels"):
            labels_features(r, base_k)
    if any(g["name"] == "settings" for g in base_k.get("configMapGenerator", [])):
        base_files["resources.yaml"] = [d for d in docs if d["metadata"]["name"] != "settings"
                                        or d["kind"] != "ConfigMap"]
    write_level(os.path.join(root, "base"), base_k, base_files)
    bases = ["../base"]
    if shape < 0.25:  # diamond: two middles over one base
        for mid, p in (("mid-a", "a-"), ("mid-b", "b-")):
            mk = {"resources": ["../base"]}
            if r.random() < 0.8:
                mk["namePrefix"] = p
            else:
                mk["namespace"] = mid
            if r.random() < 0.3 and want("labels"):
                labels_features(r, mk)
            if r.random() < 0.2 and want("images"):
                images_feature(r, mk)
            write_level(os.path.join(root, mid), mk, {})
        bases = ["../mid-a", "../mid-b"]
        used.add("diamond")
    elif shape < 0.5:  # three levels
        mk = {"resources": ["../base"]}
        if want("names"):
            name_features(r, mk)
        if want("namespace"):
            namespace_feature(r, mk)
        if want("patches") and r.random() < 0.5:
            patch_features(r, mk, {}, names)
            # inline patches only: files were not written for the middle
            mk["patches"] = [p for p in mk.get("patches", []) if "path" not in p]
            if not mk["patches"]:
                del mk["patches"]
        write_level(os.path.join(root, "mid"), mk, {})
        bases = ["../mid"]
        used.add("nested")
    k = {}
    files = {}
    k["resources"] = list(bases)
    if r.random() < 0.2:
        files["extra.yaml"] = [{"apiVersion": "v1", "kind": "ConfigMap",
                                "metadata": {"name": "extra"}, "data": {"k": "v"}}]
        k["resources"].insert(r.choice([0, len(k["resources"])]), "extra.yaml")
    steps = [("names", lambda: name_features(r, k)),
             ("namespace", lambda: namespace_feature(r, k)),
             ("labels", lambda: labels_features(r, k)),
             ("images", lambda: images_feature(r, k)),
             ("replicas", lambda: replicas_feature(r, k, names)),
             ("sortOptions", lambda: sort_feature(r, k)),
             ("generators", lambda: generator_features(r, k, files, False)),
             ("patches", lambda: patch_features(r, k, files, names)),
             ("replacements", lambda: replacement_features(r, k, names)),
             ("vars", lambda: vars_feature(r, k, names))]
    for name, step in steps:
        if want(name):
            before = dict(k)
            step()
            if k != before:
                used.add(name)
    if "vars" in k:
        # a place for $(SVC)
        files.setdefault("vars-cm.yaml", [{"apiVersion": "v1", "kind": "ConfigMap",
                                           "metadata": {"name": "uses-var"},
                                           "data": {"url": "http://$(SVC):80/x"}}])
        k["resources"].append("vars-cm.yaml")
    if want("components") and r.random() < 0.25:
        ck = {"apiVersion": "kustomize.config.k8s.io/v1alpha1", "kind": "Component"}
        cfiles = {}
        cr = r.random()
        if cr < 0.3:
            ck["resources"] = ["comp.yaml"]
            cfiles["comp.yaml"] = [{"apiVersion": "v1", "kind": "ConfigMap",
                                    "metadata": {"name": "from-comp"}, "data": {"c": "1"}}]
        if cr > 0.2:
            labels_features(r, ck)
            images_feature(r, ck)
            if r.random() < 0.5:
                ck["patches"] = [{"patch": yaml.safe_dump(
                    {"apiVersion": "apps/v1", "kind": "Deployment",
                     "metadata": {"name": names[0], "annotations": {"comp": "yes"}}},
                    sort_keys=False)}]
            if r.random() < 0.4 and not SHAPE.get("diamond"):
                ck["configMapGenerator"] = [{"name": "settings", "behavior": "merge",
                                             "literals": ["fromcomp=1"]}]
        write_level(os.path.join(root, "comp"), ck, cfiles)
        k["components"] = ["../comp"]
        used.add("components")
    # key order varies: the engine must not care
    items = list(k.items())
    r.shuffle(items)
    write_level(os.path.join(root, "overlay"), dict(items), files)
    return os.path.join(root, "overlay"), used


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--keep", default=None)
    ap.add_argument("--only", default=None, help="comma-separated feature names")
    ap.add_argument("--show", type=int, default=3, help="print the first N divergences")
    a = ap.parse_args()
    only = set(a.only.split(",")) if a.only else None
    keep = a.keep or "/tmp/kfd-%d" % a.seed
    shutil.rmtree(keep, ignore_errors=True)
    os.makedirs(keep)
    work = tempfile.mkdtemp(prefix="kfd-")
    ours = Ours(work)
    counts = collections.Counter()
    kinds = collections.Counter()
    shown = 0
    try:
        for i in range(a.cases):
            r = random.Random("%d/%d" % (a.seed, i))
            root = os.path.join(work, "c%05d" % i)
            d, used = compose(r, root, only)
            kc, ko, ke = kubectl(d)
            oc, oo, oe = ours.build(d)
            counts["cases"] += 1
            counts["kubectl-ok" if kc == 0 else "kubectl-fail"] += 1
            if kc == 0:
                bad = oc != 0 or oo != ko
                kind = "we-fail" if oc != 0 else "stdout-differs"
            else:
                bad = oc == 0 or oo != b""
                kind = "we-succeed" if oc == 0 else "stdout-on-failure"
            if oc == 99:
                bad, kind = True, "crash"
            if not bad:
                shutil.rmtree(root)
                continue
            counts["divergent"] += 1
            kinds[kind] += 1
            kinds[kind + ":" + "+".join(sorted(used))] += 1
            dest = os.path.join(keep, "c%05d" % i)
            shutil.move(root, dest)
            for n, b in (("kubectl.out", ko), ("kubectl.err", ke), ("ours.out", oo),
                         ("ours.err", oe)):
                with open(os.path.join(dest, n), "wb") as f:
                    f.write(b)
            if shown < a.show:
                shown += 1
                print("divergent: %s (%s, %s)" % (dest, kind, ",".join(sorted(used))))
    finally:
        ours.close()
        shutil.rmtree(work, ignore_errors=True)
    print("command: %s" % " ".join(["python3", "bench/kustomize-features-differential.py"]
                                    + sys.argv[1:]))
    print("counts: " + ", ".join("%s=%d" % kv for kv in sorted(counts.items())))
    for kv in sorted(kinds.items()):
        print("  %s: %d" % kv)
    return 1 if counts["divergent"] else 0


if __name__ == "__main__":
    sys.exit(main())
