#!/usr/bin/env bash
# generate --all against one `kubectl kustomize` process per environment (the batch bar: at least 30x, stretch 50x), and
# what a one-service diff --base-ref costs, on a generated repository of 100 services x 4
# environments made from examples/kubernetes/services/audiobookshelf. Not a test: prints medians
# of interleaved runs, the ratio, and peak RSS.
#
#   bench/batch.sh                     # the checkout launcher, bin/platform-render
#   PLATFORM_RENDER=/path/to/bin/platform-render bench/batch.sh   # e.g. the distribution
#   SERVICES=100 RUNS=3 bench/batch.sh
#
# The two sides do not do the same work: kubectl builds the kustomize overlay only, generate --all
# builds it and runs the platform stage (Rollouts, SLO rules, dashboards, network policies,
# checks) and writes the files; the ratio is what a CI job saves by switching.
set -euo pipefail

project=$(cd -P "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
render=${PLATFORM_RENDER:-$project/bin/platform-render}
kubectl=${KUBECTL:-kubectl}
SERVICES=${SERVICES:-100}
RUNS=${RUNS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/platform-render-batch.XXXXXX")
trap 'rm -rf "$work"' EXIT

# ---- the repository ----
repo=$work/repo
mkdir -p "$repo/kubernetes/services"
cp "$project/examples/kubernetes/platform.yaml" "$repo/kubernetes/"
for i in $(seq -f '%03g' 1 "$SERVICES"); do
  s=svc-$i
  cp -R "$project/examples/kubernetes/services/audiobookshelf" "$repo/kubernetes/services/$s"
  sed -i -e "s/^  name: audiobookshelf$/  name: $s/" \
    -e "s/namespace: audiobookshelf-\(dev\|staging\|canary\)$/namespace: $s-\1/" \
    -e "s/namespace: audiobookshelf$/namespace: $s/" \
    "$repo/kubernetes/services/$s/service.yaml"
done
overlays=()
for d in "$repo"/kubernetes/services/*/environments/*/; do
  case $d in */base/) ;; *) overlays+=("$d") ;; esac
done
echo "repository: $SERVICES services, ${#overlays[@]} environments ($(find "$repo" -type f | wc -l) files)"

"$render" generate --all "$repo/kubernetes" --output-dir "$work/warm" >/dev/null 2>&1 # builds the jar, trains the cache
"$kubectl" kustomize "${overlays[0]}" >/dev/null

ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

all_ms=(); c2_ms=(); loop_ms=(); all_rss=(); loop_rss=()
for r in $(seq 1 "$RUNS"); do
  # The launch configuration is C1 only (deploy/image/jvm-flags.args); the same run with C2 as
  # well, for comparison (the evidence for that choice).
  t0=$(date +%s%N)
  PLATFORM_RENDER_JAVA_OPTS="${PLATFORM_RENDER_JAVA_OPTS:-} -XX:TieredStopAtLevel=4" \
    "$render" generate --all "$repo/kubernetes" --output-dir "$work/out-c2" 2>/dev/null
  t1=$(date +%s%N)
  c2_ms+=("$(ms "$t0" "$t1")")
  t0=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/all.rss" "$render" generate --all "$repo/kubernetes" --output-dir "$work/out" 2>"$work/all.err" \
    || { cat "$work/all.err" >&2; exit 1; }
  t1=$(date +%s%N)
  all_ms+=("$(ms "$t0" "$t1")"); all_rss+=("$(cat "$work/all.rss")")
  peak=0
  t0=$(date +%s%N)
  for d in "${overlays[@]}"; do
    /usr/bin/time -f '%M' -o "$work/k.rss" "$kubectl" kustomize "$d" >/dev/null
    k=$(cat "$work/k.rss"); [ "$k" -gt "$peak" ] && peak=$k
  done
  t1=$(date +%s%N)
  loop_ms+=("$(ms "$t0" "$t1")"); loop_rss+=("$peak")
  echo "run $r: generate --all ${all_ms[-1]} ms (with C2: ${c2_ms[-1]} ms), kubectl loop ${loop_ms[-1]} ms"
done
files=$(find "$work/out" -type f | wc -l)
a=$(printf '%s\n' "${all_ms[@]}" | median); l=$(printf '%s\n' "${loop_ms[@]}" | median)
echo "generate --all: median $a ms for $files files, peak RSS $(( $(printf '%s\n' "${all_rss[@]}" | sort -n | tail -1) / 1024 )) MB"
echo "kubectl kustomize x ${#overlays[@]}: median $l ms, peak RSS of one process $(( $(printf '%s\n' "${loop_rss[@]}" | sort -n | tail -1) / 1024 )) MB"
c=$(printf '%s\n' "${c2_ms[@]}" | median)
awk -v a="$a" -v l="$l" 'BEGIN {printf "ratio: generate --all is %.1fx faster (goal >= 30x, stretch 50x)\n", l / a}'
awk -v c="$c" -v l="$l" 'BEGIN {printf "ratio with C2 as well (PLATFORM_RENDER_JAVA_OPTS=-XX:TieredStopAtLevel=4): %.1fx (median %d ms)\n", l / c, c}'

# ---- the 256 MB heap bar ----
if PLATFORM_RENDER_JAVA_OPTS=-Xmx256m "$render" generate --all "$repo/kubernetes" --output-dir "$work/out256" 2>"$work/256.err"; then
  echo "generate --all with -Xmx256m: ok"
else
  echo "generate --all with -Xmx256m: FAILED: $(tail -3 "$work/256.err")"
fi

# ---- diff --base-ref for a change to one service ----
changed=svc-$(printf '%03d' $(((SERVICES + 1) / 2)))
(
  cd "$repo"
  git init -q && git add -A
  git -c user.name=bench -c user.email=bench@example.org commit -qm base
  sed -i 's/tag: "2.17.5"/tag: "2.17.7"/' "kubernetes/services/$changed/environments/production/values.yaml"
  git -c user.name=bench -c user.email=bench@example.org commit -qam "promote $changed"
)
diff_ms=(); one_ms=()
for r in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N)
  set +e
  (cd "$repo" && "$render" diff --base-ref HEAD~1 kubernetes --format markdown --verbose >"$work/diff.md" 2>"$work/diff.err")
  code=$?
  set -e
  t1=$(date +%s%N)
  [ "$code" = 1 ] || { echo "diff exited $code: $(cat "$work/diff.err")" >&2; exit 1; }
  diff_ms+=("$(ms "$t0" "$t1")")
  t0=$(date +%s%N)
  for env in dev staging canary production; do
    "$render" generate --env "$env" "$repo/kubernetes/services/$changed" >/dev/null 2>&1
  done
  t1=$(date +%s%N)
  one_ms+=("$(ms "$t0" "$t1")")
done
grep '^platform-render: diff:' "$work/diff.err" || true
d=$(printf '%s\n' "${diff_ms[@]}" | median); o=$(printf '%s\n' "${one_ms[@]}" | median)
echo "diff --base-ref HEAD~1 (one service changed): median $d ms; generate --all of the repository: $a ms; the changed service's 4 environments as 4 generate processes: $o ms"
