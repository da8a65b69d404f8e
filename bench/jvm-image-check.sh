#!/usr/bin/env bash
# Reproduces the Dockerfile's `jvm` target without Docker, checks it, and measures it.
#
#   bench/jvm-image-check.sh            (ROUNDS=15 by default; WORK_DIR=... to keep the layout)
#
# 1. the same layout as the image's /opt/platform-render, under $WORK_DIR/opt/platform-render:
#    the jar and its libraries, a jlink'ed runtime with deploy/image/jlink-modules from the
#    Temurin 25 JDK ($JDK25), the argument files from deploy/image/jvm-flags.args, the exec wrapper
#    compiled from deploy/image/exec-java.c;
# 2. the AOT cache trained exactly as the Dockerfile does (same options, same render of the
#    example's canary environment);
# 3. checks: the cache maps (-XX:AOTMode=on), the application's classes and every invokedynamic
#    call site of the render come from it, the output is byte-identical to the full JDK's;
# 4. cold start-up of `generate` for the canary environment, run as Argo CD runs it (the app
#    directory, Argo CD's environment variables), against `kubectl kustomize` of the same
#    environment directory: interleaved rounds in shuffled order, medians, the ratio, peak RSS.
#
# Not a unit test: benchmarks stay out of the default test run.
set -euo pipefail

project=$(cd -P "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
ROUNDS=${ROUNDS:-15}
APP_PATH=kubernetes/services/audiobookshelf
main=dev.stonegarden.render.cli.Main # the images' entry point (Dockerfile)
ENV_NAME=${ENV_NAME:-canary}
# The command measured and the training command (word-split); both `generate` unless overridden,
# e.g. RENDER_ARGS="kustomize environments/canary" TRAIN_ARGS="kustomize environments/canary".
read -r -a render_args <<<"${RENDER_ARGS:-generate}"
read -r -a train_args <<<"${TRAIN_ARGS:-generate}"
work=${WORK_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/platform-render-jvm-image.XXXXXX")}
opt=$work/opt/platform-render

say() { printf '== %s\n' "$*" >&2; }
fail() {
  printf 'FAILED: %s\n' "$*" >&2
  exit 1
}

[ -x "$JDK25/bin/jlink" ] || fail "no JDK 25 at $JDK25 (set JDK25)"
command -v kubectl >/dev/null || fail "kubectl is needed for the comparison"
command -v gcc >/dev/null || fail "gcc is needed for the exec wrapper"

say "jar (./mvnw -o package)"
(cd "$project" && ./mvnw -q -B -o package -DskipTests -Ddist.skip=true >&2)
rm -rf "$opt"
mkdir -p "$opt/lib"
cp "$project/target/platform-render.jar" "$opt/"
cp "$project"/target/lib/*.jar "$opt/lib/"

say "jlink $(cat "$project/deploy/image/jlink-modules")"
"$JDK25/bin/jlink" --add-modules "$(cat "$project/deploy/image/jlink-modules")" --strip-debug \
  --no-header-files --no-man-pages --output "$opt/runtime"

cp "$project/deploy/image/jvm-flags.args" "$opt/jvm-flags.args"
{
  cat "$project/deploy/image/jvm-flags.args"
  echo "-XX:AOTCache=$opt/platform-render.aot"
  echo "-cp"
  echo "$opt/platform-render.jar"
  echo "dev.stonegarden.render.cli.Main"
} >"$opt/jvm.args"
gcc -static -Os -s -DJAVA="\"$opt/runtime/bin/java\"" -DARGFILE="\"$opt/jvm.args\"" \
  -o "$opt/platform-render" "$project/deploy/image/exec-java.c"

# The example repository as the sidecar unpacks it: files 0644, directories 0755.
rm -rf "$opt/training"
cp -R "$project/examples" "$opt/training"
find "$opt/training" -type f -exec chmod 0644 {} +
find "$opt/training" -type d -exec chmod 0755 {} +
app=$opt/training/$APP_PATH

argo_env_for() { # ENV: Argo CD's environment for this app (docs/argocd.md#environment-variables), on top of a minimal PATH
  local env=$1 namespace=audiobookshelf-$1
  [ "$env" = production ] && namespace=audiobookshelf
  # shellcheck disable=SC2054 # the commas are part of KUBE_API_VERSIONS's value
  argo_env=(
    env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$work" LANG=C.UTF-8 LC_ALL=C.UTF-8
    ARGOCD_APP_NAME="audiobookshelf-$env" ARGOCD_APP_NAMESPACE="$namespace"
    ARGOCD_APP_PROJECT_NAME=product ARGOCD_APP_REVISION=0f3c9a7d5e2b41c8a6d9e0b7f1a2c3d4e5f60718
    "ARGOCD_APP_SOURCE_PATH=$APP_PATH" ARGOCD_APP_SOURCE_REPO_URL=https://git.example.com/platform/homelab.git
    ARGOCD_APP_SOURCE_TARGET_REVISION=HEAD KUBE_VERSION=1.33.0
    KUBE_API_VERSIONS=apps/v1,apps/v1/Deployment,argoproj.io/v1alpha1,argoproj.io/v1alpha1/AnalysisTemplate,argoproj.io/v1alpha1/Rollout,autoscaling/v2,autoscaling/v2/HorizontalPodAutoscaler,monitoring.coreos.com/v1,monitoring.coreos.com/v1/PrometheusRule,policy/v1,policy/v1/PodDisruptionBudget,v1,v1/ConfigMap,v1/Namespace,v1/PersistentVolumeClaim,v1/Service
    "ARGOCD_APP_PARAMETERS=[{\"name\":\"environment\",\"string\":\"$env\"}]" PARAM_ENVIRONMENT="$env"
  )
}
argo_env_for canary
train_env=("${argo_env[@]}")
argo_env_for "$ENV_NAME"

say "AOT training (as in the Dockerfile: Argo CD's environment for the canary app)"
(cd "$app" && "${train_env[@]}" "$opt/runtime/bin/java" "@$opt/jvm-flags.args" \
  "-XX:AOTCacheOutput=$opt/platform-render.aot" -cp "$opt/platform-render.jar" "$main" "${train_args[@]}" >/dev/null \
  2>"$work/training.log")
[ -s "$opt/platform-render.aot" ] || fail "no AOT cache written (see $work/training.log)"

say "checks"
(cd "$app" && "${argo_env[@]}" "$opt/runtime/bin/java" -XX:AOTMode=on "@$opt/jvm.args" "${render_args[@]}" >"$work/image.out") ||
  fail "the render fails with -XX:AOTMode=on (cache not usable, or generate fails)"
(cd "$app" && "${argo_env[@]}" "$JDK25/bin/java" -jar "$project/target/platform-render.jar" "${render_args[@]}" >"$work/full-jdk.out") ||
  fail "the render fails on the full JDK"
cmp -s "$work/image.out" "$work/full-jdk.out" || fail "the jlink'ed runtime prints other bytes than the full JDK"
(cd "$app" && "${argo_env[@]}" "$opt/platform-render" "${render_args[@]}" >"$work/wrapper.out") || fail "the exec wrapper fails"
cmp -s "$work/image.out" "$work/wrapper.out" || fail "the exec wrapper prints other bytes"
# (-Xlog:class+load after the flags file: its -Xlog:disable would switch it off)
loads=$(
  cd "$app" || exit 1
  "${argo_env[@]}" "$opt/runtime/bin/java" "@$opt/jvm-flags.args" -Xlog:class+load=info:stderr \
    "-XX:AOTCache=$opt/platform-render.aot" -cp "$opt/platform-render.jar" "$main" "${render_args[@]}" 2>&1 >/dev/null |
    grep ' dev\.stonegarden\.' || true
)
total=$(printf '%s\n' "$loads" | grep -c 'dev\.stonegarden' || true)
cached=$(printf '%s\n' "$loads" | grep -c 'source: shared objects file' || true)
printf 'app classes loaded: %s, from the AOT cache: %s\n' "$total" "$cached"
# A cache that does not match the class path is still accepted for the JDK's classes and silently
# drops every application class: that gives 0 here. A few classes are
# legitimately outside the cache: lambdas and classes only picocli (Java 5 class files, not
# archivable) links.
printf '%s\n' "$loads" | grep -v 'source: shared objects file' | sed 's/^.*load\] /  not from the cache: /' || true
if [ "$total" -eq 0 ] || [ $((cached * 10)) -lt $((total * 8)) ]; then
  fail "fewer than 80% of the application classes came from the AOT cache"
fi
# Every invokedynamic call site of the render comes linked from the cache: one linked at run time
# spins method-handle classes (a record's generated equals/hashCode, a comparator factory, a call
# site training did not reach; docs/install.md#start-up).
indy=$(
  cd "$app" || exit 1
  "${argo_env[@]}" "$opt/runtime/bin/java" "@$opt/jvm-flags.args" -Xlog:methodhandles+indy=debug:stderr \
    "-XX:AOTCache=$opt/platform-render.aot" -cp "$opt/platform-render.jar" "$main" "${render_args[@]}" 2>&1 >/dev/null |
    grep 'resolve_invokedynamic Bootstrap in' || true
)
linked=$(printf '%s' "$indy" | grep -c . || true)
printf 'call sites linked at run time: %s\n' "$linked"
if [ "$linked" -ne 0 ]; then
  printf '%s\n' "$indy" | sed 's/^.*Bootstrap in /  linked at run time: /' | cut -c1-160 >&2
  fail "the render links invokedynamic call sites the AOT cache does not hold"
fi
# The other commands on the jlink'ed runtime: same stdout, stderr and exit code as the full JDK
# (jdeps names java.desktop and java.sql too; this is what shows they are not needed).
for args in "generate --env dev" "generate --env production --output json" "validate" "cmp parameters" \
  "kustomize environments/canary" "schema service" "generate --env nope"; do
  read -r -a words <<<"$args"
  (cd "$app" && "$opt/platform-render" "${words[@]}" >"$work/a.out" 2>"$work/a.err"; echo $? >"$work/a.code") || true
  (cd "$app" && "$JDK25/bin/java" -jar "$project/target/platform-render.jar" "${words[@]}" >"$work/b.out" 2>"$work/b.err"
    echo $? >"$work/b.code") || true
  for part in out err code; do
    cmp -s "$work/a.$part" "$work/b.$part" || fail "\`$args\`: the jlink'ed runtime's $part differs from the full JDK's"
  done
done
printf 'generate, validate, cmp parameters, kustomize, schema, an error: identical on the jlink runtime and the full JDK\n'
# A non-ASCII file name (docs/robustness.md#file-names), with the image's environment (ENV
# LANG=C.UTF-8 LC_ALL=C.UTF-8) and, as a control, under LC_ALL=C: the same bytes as kubectl
# kustomize in the first case, a positioned exit 3 (never a crash) in the second.
cafe=$work/cafe
rm -rf "$cafe" && mkdir -p "$cafe/overlay"
cafe_name=$'cm-caf\303\251.yaml' # cm-café.yaml, whatever the locale this script runs under
printf 'resources:\n- %s\n' "$cafe_name" >"$cafe/overlay/kustomization.yaml"
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cafe\ndata:\n  k: v\n' >"$cafe/overlay/$cafe_name"
(cd "$cafe" && LC_ALL=C env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
  "$opt/platform-render" kustomize overlay >"$work/cafe.out") || fail "a non-ASCII file name fails under C.UTF-8"
(cd "$cafe" && kubectl kustomize overlay >"$work/cafe.kubectl")
cmp -s "$work/cafe.out" "$work/cafe.kubectl" || fail "a non-ASCII file name renders other bytes than kubectl"
code=0
(cd "$cafe" && env -i PATH=/usr/bin:/bin HOME="$work" LC_ALL=C "$opt/platform-render" kustomize overlay \
  >"$work/cafe-c.out" 2>"$work/cafe-c.err") || code=$?
[ "$code" = 3 ] && [ ! -s "$work/cafe-c.out" ] || fail "under LC_ALL=C a non-ASCII name gives exit $code, not 3"
printf 'a non-ASCII file name: as kubectl under the image locale (C.UTF-8); under LC_ALL=C: %s\n' "$(head -n 1 "$work/cafe-c.err")"
printf 'output: %s lines, %s documents, identical on the full JDK and through the wrapper\n' \
  "$(wc -l <"$work/image.out")" "$(grep -c '^kind:' "$work/image.out")"

say "start-up: $ROUNDS interleaved rounds (${render_args[*]} of $ENV_NAME as Argo CD runs it vs kubectl kustomize environments/$ENV_NAME)"
python3 - "$ROUNDS" "$app" "$ENV_NAME" "$work/image.out" "${argo_env[@]}" "$opt/platform-render" "${render_args[@]}" <<'PY'
import hashlib, os, random, statistics, sys, time

rounds, app, env_name, reference = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
argv = sys.argv[5:]
# argv = env -i K=V ... PROGRAM ARGS: split into an environment and the program
assert argv[0] == "env" and argv[1] == "-i"
environ, i = {}, 2
while "=" in argv[i] and not argv[i].startswith("/"):
    k, v = argv[i].split("=", 1)
    environ[k] = v
    i += 1
render = argv[i:]
variants = {
    "kubectl kustomize": (["kubectl", "kustomize", "environments/" + env_name], dict(os.environ)),
    "platform-render (jvm image)": (render, environ),
}

def spawn(cmd, env, out):
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    devnull = os.open(os.devnull, os.O_WRONLY)
    start = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, env, file_actions=[
        (os.POSIX_SPAWN_DUP2, fd, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    os.close(fd); os.close(devnull)
    return os.waitstatus_to_exitcode(status), wall, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime

os.chdir(app)
ref = open(reference, "rb").read()
for name, (cmd, env) in variants.items():
    code, *_ = spawn(cmd, env, "/tmp/.bench-check.out")
    out = open("/tmp/.bench-check.out", "rb").read()
    if code != 0 or not out:
        sys.exit(f"{name}: exit {code}")
    if name.startswith("platform-render") and out != ref:
        sys.exit(f"{name}: output differs from the checked reference")
    outputs = globals().setdefault("outputs", {})
    outputs[name] = out
    for _ in range(2):  # warm the page cache
        spawn(cmd, env, os.devnull)

if "kustomize" in render:
    same = outputs["kubectl kustomize"] == outputs["platform-render (jvm image)"]
    print(f"platform-render {' '.join(render[1:])} output identical to kubectl kustomize: {'yes' if same else 'NO'}")
results = {name: [] for name in variants}
rng = random.Random(42)
for _ in range(rounds):
    order = list(variants)
    rng.shuffle(order)
    for name in order:
        cmd, env = variants[name]
        code, wall, rss, cpu = spawn(cmd, env, os.devnull)
        if code != 0:
            sys.exit(f"{name}: exit {code}")
        results[name].append((wall, rss, cpu))

def q(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * (len(values) - 1) + 0.5))]

base = statistics.median(w for w, _, _ in results["kubectl kustomize"])
base_rss = statistics.median(r for _, r, _ in results["kubectl kustomize"])
print(f"{'variant':30} {'median ms':>9} {'p25-p75 ms':>13} {'x kust':>6} {'peak RSS MB':>11} {'x kust':>6} {'CPU ms':>7}")
for name, rows in results.items():
    walls = [w for w, _, _ in rows]
    rss = statistics.median(r for _, r, _ in rows)
    cpu = statistics.median(c for _, _, c in rows)
    med = statistics.median(walls)
    print(f"{name:30} {med*1000:9.0f} {q(walls,.25)*1000:6.0f}-{q(walls,.75)*1000:<6.0f} {med/base:6.2f} {rss:11.1f} {rss/base_rss:6.2f} {cpu*1000:7.0f}")
print(f"ratio (median wall, platform-render / kubectl kustomize): {statistics.median(w for w, _, _ in results['platform-render (jvm image)'])/base:.2f}"
      f"  over {rounds} interleaved rounds, {os.cpu_count()} CPUs")
PY
say "layout kept in $work"
