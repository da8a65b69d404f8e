#!/usr/bin/env bash
# Where a render's start-up goes, phase by phase (docs/install.md#start-up): runs the unpacked
# distribution's exact JVM (its runtime, jvm-flags.args and AOT cache) ROUNDS times on the example's
# canary environment with -Xlog:class+init, and prints the median time at which each phase's first
# class is initialized, with the time since the phase before. JFR cannot be used for this: it turns
# off the AOT cache's linked classes, so its profile is of a different start-up.
#
#   bench/startup-timeline.sh                 (builds the distribution with ./mvnw package first)
#   DIST=/path/to/platform-render-VERSION bench/startup-timeline.sh
#   ROUNDS=15 bench/startup-timeline.sh
#
# A gap before a phase that no class initialization explains is computation (or a wait for the
# warm-up thread); look at the log lines around it: WORK_DIR=... keeps the logs.
set -euo pipefail

project=$(cd -P "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
ROUNDS=${ROUNDS:-9}
work=${WORK_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/platform-render-timeline.XXXXXX")}
mkdir -p "$work"

dist=${DIST:-}
if [ -z "$dist" ]; then
  (cd "$project" && ./mvnw -q -B -o package -DskipTests >"$work/package.log" 2>&1) ||
    { echo "FAILED: ./mvnw package (see $work/package.log)" >&2; exit 1; }
  rm -rf "$work/dist" && mkdir "$work/dist"
  tar -xzf "$project"/target/platform-render-*-linux-*.tar.gz -C "$work/dist"
  dist=$(ls -d "$work"/dist/platform-render-*)
fi
[ -f "$dist/platform-render.aot" ] || { echo "FAILED: no AOT cache in $dist" >&2; exit 1; }

cd "$project/examples/kubernetes/services/audiobookshelf"
for i in $(seq 1 "$ROUNDS"); do
  "$dist/runtime/bin/java" "@$dist/jvm-flags.args" "-XX:AOTCache=$dist/platform-render.aot" \
    "-Xlog:class+init=info:file=$work/init-$i.log" -cp "$dist/platform-render.jar" \
    dev.stonegarden.render.cli.Main generate --env canary . >/dev/null 2>"$work/err-$i.txt" ||
    { echo "FAILED: the render (see $work/err-$i.txt)" >&2; exit 1; }
done

python3 - "$work" "$ROUNDS" <<'EOF'
import re, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
phases = [
    ("JVM and AOT cache, to main", "dev/stonegarden/render/cli/Main"),
    ("Argo CD environment, options", "dev/stonegarden/render/service/PlatformReader"),
    ("platform.yaml (schema)", "dev/stonegarden/render/service/ServiceReader"),
    ("service.yaml (schema)", "dev/stonegarden/render/kustomize/KustTarget"),
    ("kustomize build", "dev/stonegarden/render/service/ValuesReader"),
    ("values.yaml", "dev/stonegarden/render/platform/PlatformContext"),
    ("platform stage and checks", "dev/stonegarden/render/yaml/YamlWriter"),
    ("writing, exit", None),
]
times = {name: [] for name, _ in phases}
for i in range(1, rounds + 1):
    lines = open(f"{work}/init-{i}.log").read().splitlines()
    first = {}
    for line in lines:
        m = re.match(r"\[(\d+\.\d+)s\].*Initializing '([^']+)'", line)
        if m and m.group(2) not in first:
            first[m.group(2)] = float(m.group(1)) * 1000
    end = float(re.match(r"\[(\d+\.\d+)s\]", lines[-1]).group(1)) * 1000
    for name, cls in phases:
        times[name].append(first.get(cls, float("nan")) if cls else end)
print(f"median over {rounds} renders (class+init log; logging adds a little to every phase)")
before = 0.0
for name, _ in phases:
    at = statistics.median(times[name])
    print(f"{at:7.1f} ms  (+{at - before:5.1f})  {name}")
    before = at
EOF
echo "logs: $work" >&2
