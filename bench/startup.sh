#!/usr/bin/env bash
# Start-up of every way platform-render runs, side by side with `kubectl kustomize`, in one run
# (docs/install.md; the start-up targets of the project: image 1.2x, distribution 1.3x, launcher
# 1.5x and 1.8x kubectl kustomize):
#
#   bench/startup.sh              (ROUNDS=21 by default; WORK_DIR=... to keep the layouts,
#                                  REUSE=1 WORK_DIR=... to measure them again without rebuilding)
#
# Variants, each rendering the example's canary environment (the app directory is the working
# directory; output checked byte for byte against the full JDK's before timing):
#   kubectl kustomize            kubectl kustomize environments/canary (the baseline)
#   image, Argo CD form          the jvm image's runtime as bench/jvm-image-check.sh rebuilds it
#                                (jlink'ed JDK 25, jvm-flags.args, AOT cache, exec wrapper), run as
#                                Argo CD runs it: `platform-render generate` with Argo CD's variables
#   distribution, CLI form       the archive of `./mvnw package`, unpacked: generate --env canary .
#   launcher, Argo CD form       bin/platform-render generate, Argo CD's variables (cache trained)
#   launcher, CLI form           bin/platform-render generate --env canary .
#   launcher's java, Argo CD     the exact java command the launcher execs, without the launcher:
#                                the difference to "launcher, Argo CD form" is the launcher's own
#                                overhead (bash, JDK and staleness checks)
#   launcher, stand-in java      the same overhead measured without a JVM (less noisy): the launcher
#                                with a java that only answers -version, less that stand-in alone
# Interleaved rounds in shuffled order, whole-process wall time, medians; ratios to kubectl and the
# targets. Not a unit test: benchmarks stay out of the default test run.
set -euo pipefail

project=$(cd -P "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
ROUNDS=${ROUNDS:-21}
APP_PATH=kubernetes/services/audiobookshelf
ENV_NAME=canary
work=${WORK_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/platform-render-startup.XXXXXX")}
mkdir -p "$work"

say() { printf '== %s\n' "$*" >&2; }
fail() {
  printf 'FAILED: %s\n' "$*" >&2
  exit 1
}
[ -x "$JDK25/bin/java" ] || fail "no JDK 25 at $JDK25 (set JDK25)"
command -v kubectl >/dev/null || fail "kubectl is needed for the comparison"

image=$work/image/opt/platform-render/platform-render
# REUSE=1 with the WORK_DIR of an earlier run: measure again without rebuilding the layouts.
if [ -z "${REUSE:-}" ] || [ ! -x "$image" ]; then
  say "the jvm image's runtime (bench/jvm-image-check.sh, its checks included)"
  WORK_DIR=$work/image ROUNDS=3 "$project/bench/jvm-image-check.sh" >"$work/image-check.log" 2>&1 ||
    fail "bench/jvm-image-check.sh failed: see $work/image-check.log"
  say "the distribution (./mvnw package)"
  (cd "$project" && ./mvnw -q -B -o package -DskipTests >"$work/package.log" 2>&1) ||
    fail "./mvnw package failed: see $work/package.log"
fi
archive=$(ls "$project"/target/platform-render-*-linux-*.tar.gz)
rm -rf "$work/dist" && mkdir "$work/dist"
tar -xzf "$archive" -C "$work/dist"
dist=$(ls -d "$work"/dist/platform-render-*)/bin/platform-render

say "the checkout launcher (bin/platform-render; its AOT cache trained first)"
cache=$work/launcher-cache
rm -rf "$cache"
app=$project/examples/$APP_PATH
(cd "$app" && PLATFORM_RENDER_CACHE_DIR=$cache JAVA_HOME=$JDK25 "$project/bin/platform-render" \
  generate --env "$ENV_NAME" . >/dev/null 2>"$work/train.log") || fail "the launcher's training render failed"
aot=$(ls "$cache"/aot/*.aot) || fail "the launcher made no AOT cache"

# The example as the sidecar unpacks it, with the variables Argo CD sets (docs/argocd.md).
repo=$work/repo
rm -rf "$repo" && cp -R "$project/examples" "$repo"
run_dir=$repo/$APP_PATH

python3 - "$ROUNDS" "$run_dir" "$ENV_NAME" "$APP_PATH" "$JDK25" "$project" "$image" "$dist" "$cache" "$aot" <<'PY'
import os, random, statistics, subprocess, sys, time

rounds, run_dir, env_name, app_path, jdk25, project, image, dist, cache, aot = sys.argv[1:]
rounds = int(rounds)
launcher = os.path.join(project, "bin/platform-render")
base = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"),
        "PLATFORM_RENDER_CACHE_DIR": cache, "JAVA_HOME": jdk25}
argo = dict(base)
argo.update({
    "ARGOCD_APP_NAME": "audiobookshelf-" + env_name, "ARGOCD_APP_NAMESPACE": "audiobookshelf-" + env_name,
    "ARGOCD_APP_PROJECT_NAME": "product", "ARGOCD_APP_REVISION": "0f3c9a7d5e2b41c8a6d9e0b7f1a2c3d4e5f60718",
    "ARGOCD_APP_SOURCE_PATH": app_path, "ARGOCD_APP_SOURCE_REPO_URL": "https://git.example.com/platform/homelab.git",
    "ARGOCD_APP_SOURCE_TARGET_REVISION": "HEAD", "KUBE_VERSION": "1.33.0",
    "KUBE_API_VERSIONS": "apps/v1,apps/v1/Deployment,argoproj.io/v1alpha1,argoproj.io/v1alpha1/AnalysisTemplate,"
        "argoproj.io/v1alpha1/Rollout,autoscaling/v2,autoscaling/v2/HorizontalPodAutoscaler,monitoring.coreos.com/v1,"
        "monitoring.coreos.com/v1/PrometheusRule,policy/v1,policy/v1/PodDisruptionBudget,v1,v1/ConfigMap,v1/Namespace,"
        "v1/PersistentVolumeClaim,v1/Service",
    "ARGOCD_APP_PARAMETERS": '[{"name":"environment","string":"%s"}]' % env_name,
    "PARAM_ENVIRONMENT": env_name,
})
# The command bin/platform-render execs (its "run" section), without the launcher around it.
launcher_java = [os.path.join(jdk25, "bin/java"), "@" + os.path.join(project, "deploy/image/jvm-flags.args"),
                 "-Xlog:all=off:stdout", "-XX:+DisplayVMOutputToStderr", "-XX:-DisplayVMOutputToStdout",
                 "-Xlog:aot*=off,cds*=off:stderr", "-XX:AOTCache=" + aot,
                 "-cp", os.path.join(project, "target/platform-render.jar"), "dev.stonegarden.render.cli.Main", "generate"]
cli = ["generate", "--env", env_name, "."]
# The launcher's own work, without any JVM: bin/platform-render --version with a stand-in java that
# answers -version and exits (the launcher does all its checks, then execs it), against the
# stand-in alone.
stub = os.path.join(cache, "..", "stub-java")
with open(stub, "w") as f:
    f.write('#!/bin/sh\n[ "$1" = -version ] && echo \'openjdk version "25.0.3" 2026-04-21\' >&2\nexit 0\n')
os.chmod(stub, 0o755)
stub_env = dict(base, PLATFORM_RENDER_JAVA=stub)
variants = {
    "kubectl kustomize": (["kubectl", "kustomize", "environments/" + env_name], base),
    "image, Argo CD form": ([image, "generate"], argo),
    "distribution, CLI form": ([dist] + cli, base),
    "launcher, Argo CD form": ([launcher, "generate"], argo),
    "launcher, CLI form": ([launcher] + cli, base),
    "launcher's java, Argo CD form": (launcher_java, argo),
    "launcher, stand-in java": ([launcher, "--version"], stub_env),
    "stand-in java alone": ([stub, "--version"], stub_env),
}
unchecked = {"kubectl kustomize", "launcher, stand-in java", "stand-in java alone"}
targets = {"image, Argo CD form": 1.2, "distribution, CLI form": 1.3,
           "launcher, Argo CD form": 1.5, "launcher, CLI form": 1.8}

def spawn(cmd, env, out=os.devnull):
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err = os.open(os.devnull, os.O_WRONLY)
    start = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, env, file_actions=[(os.POSIX_SPAWN_DUP2, fd, 1), (os.POSIX_SPAWN_DUP2, err, 2)])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    os.close(fd); os.close(err)
    return os.waitstatus_to_exitcode(status), wall, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime

os.chdir(run_dir)
# The references: the full JDK, no options, no cache, in each form.
full = [os.path.join(jdk25, "bin/java"), "-jar", os.path.join(project, "target/platform-render.jar")]
ref = {id(base): subprocess.run(full + cli, capture_output=True, env=base, check=True).stdout,
       id(argo): subprocess.run(full + ["generate"], capture_output=True, env=argo, check=True).stdout}
check = os.path.join(run_dir, "..", ".startup-check.out")
for name, (cmd, env) in variants.items():
    code, *_ = spawn(cmd, env, check)
    out = open(check, "rb").read()
    if code != 0 or (not out and name not in unchecked):
        sys.exit(f"{name}: exit {code}")
    if name not in unchecked and out != ref[id(env)]:
        sys.exit(f"{name}: output differs from the full JDK's render")
    for _ in range(2):  # warm the page cache
        spawn(cmd, env)

results = {name: [] for name in variants}
rng = random.Random(42)
for _ in range(rounds):
    order = list(variants)
    rng.shuffle(order)
    for name in order:
        cmd, env = variants[name]
        code, wall, rss, cpu = spawn(cmd, env)
        if code != 0:
            sys.exit(f"{name}: exit {code}")
        results[name].append((wall, rss, cpu))

med = {name: statistics.median(w for w, _, _ in rows) for name, rows in results.items()}
rss = {name: statistics.median(r for _, r, _ in rows) for name, rows in results.items()}
cpu = {name: statistics.median(c for _, _, c in rows) for name, rows in results.items()}
kust = med["kubectl kustomize"]
# CPU time (user + system, children included) is shown too: on a busy machine it moves less than
# wall time, which is what the targets are about.
print(f"{'variant':32} {'median ms':>9} {'x kubectl':>9} {'target':>14} {'CPU ms':>7} {'x kubectl':>9} {'peak RSS MB':>11}")
for name in variants:
    t = targets.get(name)
    mark = "" if t is None else (f"<= {t}x" + (" ok" if med[name] / kust <= t else " MISSED"))
    print(f"{name:32} {med[name]*1000:9.0f} {med[name]/kust:9.2f} {mark:>14} {cpu[name]*1000:7.0f}"
          f" {cpu[name]/cpu['kubectl kustomize']:9.2f} {rss[name]:11.1f}")
overhead = med["launcher, Argo CD form"] - med["launcher's java, Argo CD form"]
print(f"launcher overhead (launcher, Argo CD form - the java it execs): {overhead*1000:.0f} ms"
      f" ({overhead/kust:.2f}x kubectl)")
own = med["launcher, stand-in java"] - med["stand-in java alone"]
print(f"launcher's own work (with a stand-in java, less the stand-in alone): {own*1000:.0f} ms"
      f" ({own/kust:.2f}x kubectl)")
print("ratios: " + ", ".join(f"{n} {med[n]/kust:.2f}x" for n in targets)
      + f"  (median wall time over {rounds} interleaved rounds, {os.cpu_count()} CPUs,"
      + f" load average {os.getloadavg()[0]:.1f} at the end)")
PY
say "layouts kept in $work"
