#!/usr/bin/env bash
# 16 `generate` processes at once on one tree, as Argo CD runs renders in parallel in one sidecar
# (docs/argocd.md#recommended-repo-server-settings): every one must exit 0 and print the same bytes as
# a render run alone. Prints the wall time of the 16 and each process's peak RSS.
#
#   bench/concurrency.sh                      # the launcher, bin/platform-render
#   PLATFORM_RENDER=/path/to/platform-render bench/concurrency.sh   # e.g. the jvm-image layout of
#                                             # bench/jvm-image-check.sh (WORK_DIR=...)
#   N=32 bench/concurrency.sh
set -euo pipefail

project=$(cd -P "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
render=${PLATFORM_RENDER:-$project/bin/platform-render}
N=${N:-16}
APP_PATH=kubernetes/services/audiobookshelf
work=$(mktemp -d "${TMPDIR:-/tmp}/platform-render-concurrency.XXXXXX")
trap 'rm -rf "$work"' EXIT

cp -R "$project/examples" "$work/repo"
find "$work/repo" -type f -exec chmod 0644 {} +
app=$work/repo/$APP_PATH
envs=(dev staging canary production)
namespace() { if [ "$1" = production ]; then echo audiobookshelf; else echo "audiobookshelf-$1"; fi; }

run() { # ENV OUT: one render as Argo CD starts it
  local env=$1 out=$2
  (cd "$app" && env -i PATH="$PATH" HOME="${HOME:-/tmp}" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} \
    ${PLATFORM_RENDER_CACHE_DIR:+PLATFORM_RENDER_CACHE_DIR="$PLATFORM_RENDER_CACHE_DIR"} \
    ARGOCD_APP_NAME="audiobookshelf-$env" ARGOCD_APP_NAMESPACE="$(namespace "$env")" \
    ARGOCD_APP_SOURCE_PATH=$APP_PATH \
    KUBE_API_VERSIONS=apps/v1,argoproj.io/v1alpha1,argoproj.io/v1alpha1/Rollout,v1 \
    ARGOCD_APP_PARAMETERS="[{\"name\":\"environment\",\"string\":\"$env\"}]" \
    /usr/bin/time -f '%M' -o "$out.rss" "$render" generate >"$out" 2>"$out.err")
}

for env in "${envs[@]}"; do
  run "$env" "$work/ref-$env" || { cat "$work/ref-$env.err" >&2; exit 1; }
done

start=$(date +%s%N)
pids=()
for i in $(seq 1 "$N"); do
  env=${envs[$(((i - 1) % ${#envs[@]}))]}
  run "$env" "$work/run-$i" &
  pids+=($!)
done
failed=0
for i in $(seq 1 "$N"); do
  if ! wait "${pids[$((i - 1))]}"; then
    echo "render $i: non-zero exit: $(head -c 300 "$work/run-$i.err")" >&2
    failed=$((failed + 1))
  fi
done
end=$(date +%s%N)
differ=0
for i in $(seq 1 "$N"); do
  env=${envs[$(((i - 1) % ${#envs[@]}))]}
  cmp -s "$work/run-$i" "$work/ref-$env" || differ=$((differ + 1))
done
rss=$(cat "$work"/run-*.rss | sort -n | awk '{a[NR]=$1} END {printf "min %.1f, median %.1f, max %.1f MB", a[1]/1024, a[int((NR+1)/2)]/1024, a[NR]/1024}')
printf '%d renders at once (%s): %d failed, %d differ from a render run alone; wall %d ms for all; peak RSS per process %s; %s CPUs\n' \
  "$N" "$render" "$failed" "$differ" $(((end - start) / 1000000)) "$rss" "$(nproc)"
[ "$failed" -eq 0 ] && [ "$differ" -eq 0 ]
