#!/usr/bin/env bash
# Scaling ratios of inputs that used to take quadratic time (issue 9, defect 5): each scenario is
# run at a size S and at 4S, three times each, and the median CPU time (user + sys, which a loaded
# machine distorts less than wall time) is printed, then the ratio of the two after subtracting the
# CPU time of start-up alone (`--version`). Linear work gives a ratio near 4, quadratic near 16.
#
#   bench/scaling.sh                                   # the launcher, bin/platform-render
#   PLATFORM_RENDER=/path/to/platform-render bench/scaling.sh
#   SCENARIOS="long-scalar namespace" bench/scaling.sh # a subset
#
# Scenarios:
#   long-scalar   one ConfigMap value of 1 MB / 4 MB, no spaces (kustomize DIR); kubectl alongside
#   unknown-keys  5,000 / 20,000 unknown keys under spec: of service.yaml (generate, exit 3)
#   namespace     2,500 / 10,000 ConfigMaps with namespace: in the kustomization (kustomize DIR)
#   fan-out       includes that fan out: each level includes the next twice through two prefixing
#                 kustomizations, 5 / 7 levels (125 / 509 loads); then 12 levels (36 kustomizations,
#                 16,381 loads), which is refused after 1,000 loads (CPU time to the refusal)
#   one-file      5,000 / 20,000 ConfigMaps in one file (the id check on append; kustomize DIR)
#   referrers     2,500 / 10,000 prefixed Deployments naming one generated ConfigMap (name references)
#   platform      1,250 / 5,000 Deployments + Services through generate (the platform stage)
#
# The unit tests pin what each scenario computes; its time lives here, never in a timed test.
set -euo pipefail

project=$(cd -P "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
render=${PLATFORM_RENDER:-$project/bin/platform-render}
scenarios=${SCENARIOS:-long-scalar unknown-keys namespace fan-out one-file referrers platform}
work=$(mktemp -d "${TMPDIR:-/tmp}/platform-render-scaling.XXXXXX")
trap 'rm -rf "$work"' EXIT

# cpu DIR CMD...: median of three runs' user+sys seconds; the command's exit code is ignored.
cpu() {
  local dir=$1 i
  shift
  for i in 1 2 3; do
    (cd "$dir" && /usr/bin/time -f '%U %S' -o "$work/t" "$@" >/dev/null 2>&1) || true
    tail -n 1 "$work/t" | awk '{ printf "%.2f\n", $1 + $2 }'
  done | sort -n | sed -n 2p
}

report() { # NAME SMALL LARGE [START-UP]
  awk -v n="$1" -v a="$2" -v b="$3" -v s="${4:-$startup}" 'BEGIN {
    r = (a - s > 0.01) ? (b - s) / (a - s) : 0
    printf "%-14s %8.2f s %8.2f s   ratio %5.1f\n", n, a, b, r }'
}

long_scalar() { # DIR MB
  mkdir -p "$1"
  printf 'resources: [cm.yaml]\n' >"$1/kustomization.yaml"
  { printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: '
    head -c $(($2 * 1024 * 1024)) /dev/zero | tr '\0' a
    printf '\n'; } >"$1/cm.yaml"
}

unknown_keys() { # DIR N
  mkdir -p "$1/environments/dev"
  touch "$1/.git"
  { printf 'apiVersion: platform.stonegarden.dev/v1alpha1\nkind: Service\n'
    printf 'metadata:\n  name: app\n  namespace: services\nspec:\n'
    awk -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "  unknownKey%d: v\n", i }'
    printf '  owner:\n    team: t\n  environments:\n    - name: dev\n      cluster: c\n'
    printf '      namespace: app-dev\n'; } >"$1/service.yaml"
  printf 'resources: []\n' >"$1/environments/dev/kustomization.yaml"
}

config_maps() { # FILE N
  awk -v n="$2" 'BEGIN { for (i = 0; i < n; i++)
    printf "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-%d\ndata:\n  a: b\n", i }' >"$1"
}

namespaced() { # DIR N
  mkdir -p "$1"
  printf 'namespace: prod\nresources: [many.yaml]\n' >"$1/kustomization.yaml"
  config_maps "$1/many.yaml" "$2"
}

fan_out() { # DIR LEVELS
  local i x
  for ((i = 0; i < $2; i++)); do
    mkdir -p "$1/l$i/a" "$1/l$i/b"
    printf 'resources: [a, b]\n' >"$1/l$i/kustomization.yaml"
    for x in a b; do
      printf 'namePrefix: %s-\nresources: [../../l%d]\n' "$x" $((i + 1)) >"$1/l$i/$x/kustomization.yaml"
    done
  done
  mkdir -p "$1/l$2"
  printf 'resources: [cm.yaml]\n' >"$1/l$2/kustomization.yaml"
  config_maps "$1/l$2/cm.yaml" 1
}

one_file() { # DIR N
  mkdir -p "$1"
  printf 'resources: [many.yaml]\n' >"$1/kustomization.yaml"
  config_maps "$1/many.yaml" "$2"
}

referrers() { # DIR N
  mkdir -p "$1"
  printf 'namePrefix: p-\nresources: [many.yaml]\nconfigMapGenerator:\n- name: settings\n  literals: [a=b]\n' >"$1/kustomization.yaml"
  awk -v n="$2" 'BEGIN { for (i = 0; i < n; i++)
    printf "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d-%d\nspec:\n  template:\n    spec:\n      volumes:\n      - name: c\n        configMap: {name: settings}\n", i }' >"$1/many.yaml"
}

platform_service() { # DIR N: a service whose dev overlay holds N Deployments and N Services
  mkdir -p "$1/environments/dev"
  touch "$1/.git"
  printf 'apiVersion: platform.stonegarden.dev/v1alpha1\nkind: Service\nmetadata:\n  name: scaled\nspec:\n  owner:\n    team: platform\n  environments:\n    - name: dev\n      namespace: scaled-dev\n' >"$1/service.yaml"
  printf 'resources: [many.yaml]\nlabels:\n- pairs: {app: scaled}\n' >"$1/environments/dev/kustomization.yaml"
  awk -v n="$2" 'BEGIN { for (i = 0; i < n; i++) {
    printf "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d-%d\nspec:\n  selector:\n    matchLabels: {w: \"%d\"}\n  template:\n    metadata:\n      labels: {w: \"%d\"}\n    spec:\n      containers:\n      - name: c\n        image: example/c:1\n", i, i, i
    printf "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: d-%d\nspec:\n  selector: {w: \"%d\"}\n  ports:\n  - port: 80\n", i, i } }' >"$1/environments/dev/many.yaml"
}

startup=$(cpu "$work" "$render" --version)
printf '%-14s %10s %10s   (start-up %s s subtracted in the ratio)\n' scenario 'S' '4S' "$startup"
for s in $scenarios; do
  case $s in
    long-scalar)
      long_scalar "$work/ls1" 1
      long_scalar "$work/ls4" 4
      report long-scalar "$(cpu "$work" "$render" kustomize ls1)" "$(cpu "$work" "$render" kustomize ls4)"
      if command -v kubectl >/dev/null; then
        report "  kubectl" "$(cpu "$work" kubectl kustomize ls1)" \
          "$(cpu "$work" kubectl kustomize ls4)" "$(cpu "$work" kubectl version --client)"
      fi
      ;;
    unknown-keys)
      unknown_keys "$work/uk1" 5000
      unknown_keys "$work/uk4" 20000
      report unknown-keys "$(cpu "$work/uk1" "$render" generate --env dev)" \
        "$(cpu "$work/uk4" "$render" generate --env dev)"
      ;;
    namespace)
      namespaced "$work/ns1" 2500
      namespaced "$work/ns4" 10000
      report namespace "$(cpu "$work" "$render" kustomize ns1)" "$(cpu "$work" "$render" kustomize ns4)"
      ;;
    fan-out)
      fan_out "$work/fo1" 5
      fan_out "$work/fo4" 7
      fan_out "$work/fo12" 12
      report fan-out "$(cpu "$work" "$render" kustomize fo1/l0)" "$(cpu "$work" "$render" kustomize fo4/l0)"
      printf '%-14s %8.2f s   (refused)\n' "  12 levels" "$(cpu "$work" "$render" kustomize fo12/l0)"
      ;;
    one-file)
      one_file "$work/of1" 5000
      one_file "$work/of4" 20000
      report one-file "$(cpu "$work" "$render" kustomize of1)" "$(cpu "$work" "$render" kustomize of4)"
      ;;
    referrers)
      referrers "$work/rf1" 2500
      referrers "$work/rf4" 10000
      report referrers "$(cpu "$work" "$render" kustomize rf1)" "$(cpu "$work" "$render" kustomize rf4)"
      ;;
    platform)
      platform_service "$work/ps1" 1250
      platform_service "$work/ps4" 5000
      report platform "$(cpu "$work/ps1" "$render" generate --env dev)" \
        "$(cpu "$work/ps4" "$render" generate --env dev)"
      ;;
    *) echo "unknown scenario: $s" >&2; exit 2 ;;
  esac
done
