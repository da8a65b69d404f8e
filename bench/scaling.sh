#!/usr/bin/env bash
# Scaling of the render core: each case is rendered at N and 4N objects (median of 3 cold runs of
# the jar) and the ratio printed. Linear work gives about 4 (start-up makes it smaller); quadratic
# work gives about 16. A ratio above 8 is flagged and makes the script exit 1.
#
# The unit tests pin what each case computes; time lives here, not in timed tests.
#
#   bench/scaling.sh            # all cases
#   RUNS=5 bench/scaling.sh     # more runs per point
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/platform-render.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests -Dspotless.check.skip=true >&2
java=${JAVA:-java}
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median_ms() { # command... ; prints the median wall time in ms of $runs runs
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; echo "failed: $*" >&2; exit 2; }
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

configmaps() { # dir n: n ConfigMaps in one file (the id check on append)
  mkdir -p "$1"
  printf 'resources: [many.yaml]\n' >"$1/kustomization.yaml"
  for i in $(seq "$2"); do printf -- '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-%d\n' "$i"; done >"$1/many.yaml"
}

referrers() { # dir n: n prefixed Deployments referring to one generated ConfigMap (name references)
  mkdir -p "$1"
  printf 'namePrefix: p-\nresources: [many.yaml]\nconfigMapGenerator:\n- name: settings\n  literals: [a=b]\n' >"$1/kustomization.yaml"
  for i in $(seq "$2"); do
    printf -- '---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d-%d\nspec:\n  template:\n    spec:\n      volumes:\n      - name: c\n        configMap: {name: settings}\n' "$i"
  done >"$1/many.yaml"
}

namespaced() { # dir n: n ConfigMaps under a kustomization namespace (the namespace transformer)
  configmaps "$1" "$2"
  printf 'namespace: scaled\nresources: [many.yaml]\n' >"$1/kustomization.yaml"
}

service() { # dir n: a service whose dev overlay has n Deployments + Services (the platform stage)
  mkdir -p "$1/environments/dev"
  printf 'apiVersion: platform.stonegarden.dev/v1alpha1\nkind: Service\nmetadata:\n  name: scaled\nspec:\n  owner:\n    team: platform\n  environments:\n    - name: dev\n      namespace: scaled-dev\n' >"$1/service.yaml"
  printf 'resources: [many.yaml]\nlabels:\n- pairs: {app: scaled}\n  includeSelectors: true\n' >"$1/environments/dev/kustomization.yaml"
  for i in $(seq "$2"); do
    printf -- '---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d-%d\nspec:\n  selector:\n    matchLabels: {w: "%d"}\n  template:\n    metadata:\n      labels: {w: "%d"}\n    spec:\n      containers:\n      - name: c\n        image: example/c:1\n' "$i" "$i" "$i"
    printf -- '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: d-%d\nspec:\n  selector: {w: "%d"}\n  ports:\n  - port: 80\n' "$i" "$i"
  done >"$1/environments/dev/many.yaml"
  git -C "$1" init -q
}

printf '%-28s %8s %8s %8s %7s\n' case N "N ms" "4N ms" ratio
status=0
point() { # name maker n command-template
  local name=$1 maker=$2 n=$3 kind=$4
  local small=$work/$name-$n big=$work/$name-$((4 * n))
  "$maker" "$small" "$n"
  "$maker" "$big" "$((4 * n))"
  local a b
  if [ "$kind" = kustomize ]; then
    a=$(median_ms "$java" -jar "$jar" kustomize "$small")
    b=$(median_ms "$java" -jar "$jar" kustomize "$big")
  else
    a=$(median_ms "$java" -jar "$jar" generate --env dev "$small")
    b=$(median_ms "$java" -jar "$jar" generate --env dev "$big")
  fi
  local ratio
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", b / a }')
  local flag=""
  if awk -v r="$ratio" 'BEGIN { exit !(r > 8) }'; then flag="  <- superlinear"; status=1; fi
  printf '%-28s %8d %8d %8d %7s%s\n' "$name" "$n" "$a" "$b" "$ratio" "$flag"
}

point configmaps-one-file configmaps 5000 kustomize
point prefixed-referrers referrers 2500 kustomize
point namespace-transformer namespaced 5000 kustomize
point platform-stage service 1250 generate
exit $status
