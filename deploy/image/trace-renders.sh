#!/usr/bin/env bash
# Runs real renders on the JVM with `java`'s given options, for the native image's tracing agent
# (Dockerfile, stage native-build) and for the jvm image's AOT training. Failures are expected for
# some inputs (error paths are part of what must be traced) and do not stop the script; stdout of
# the renders is discarded, stderr is summarised.
#
# usage: trace-renders.sh PROJECT_DIR JAVA [JAVA_OPTIONS...] -- MAIN_ARGS...
#   e.g. trace-renders.sh /build java -agentlib:native-image-agent=config-merge-dir=/build/agent -- -cp "$CP" dev.stonegarden.render.cli.Main
set -u
project=$1
shift
java_cmd=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do
  java_cmd+=("$1")
  shift
done
shift # --
java_cmd+=("$@")

runs=0
failures=0
render() { # DIR ARGS...: one run in DIR
  local dir=$1
  shift
  runs=$((runs + 1))
  if ! (cd "$dir" && "${java_cmd[@]}" "$@" >/dev/null 2>>"$project/target/trace-renders.stderr"); then
    failures=$((failures + 1))
  fi
}

mkdir -p "$project/target"
: >"$project/target/trace-renders.stderr"

# Every service of the example repository and of the fixtures: every environment directory (base
# and unknown ones fail, which traces the error paths), validate, the parameter announcement.
while IFS= read -r service_yaml; do
  dir=${service_yaml%/service.yaml}
  for env_dir in "$dir"/environments/*/; do
    [ -d "$env_dir" ] || continue
    env=${env_dir%/}
    env=${env##*/}
    render "$dir" generate --env "$env"
    render "$dir" generate --env "$env" --output json
    render "$dir" kustomize "environments/$env"
  done
  render "$dir" validate
  render "$dir" cmp parameters
done < <(find "$project/examples" "$project/test-fixtures" -name service.yaml -not -path '*/target/*' 2>/dev/null | sort)

# Argo CD's ways of naming the environment, and its bad forms.
example=$project/examples/kubernetes/services/audiobookshelf
if [ -d "$example" ]; then
  (
    export ARGOCD_APP_NAME=audiobookshelf-canary ARGOCD_APP_SOURCE_PATH=kubernetes/services/audiobookshelf
    export ARGOCD_APP_NAMESPACE=audiobookshelf-canary KUBE_API_VERSIONS=apps/v1,argoproj.io/v1alpha1,argoproj.io/v1alpha1/Rollout,v1
    ARGOCD_APP_PARAMETERS='[{"name":"environment","string":"canary"}]' render "$example" generate
    ARGOCD_APP_PARAMETERS='[{"array":["canary"],"name":"environment"}]' render "$example" generate
    ARGOCD_APP_PARAMETERS='null' ARGOCD_ENV_ENVIRONMENT=dev render "$example" generate
    KUBE_API_VERSIONS=v1 ARGOCD_ENV_ENVIRONMENT=canary render "$example" generate
    render "$example" generate
    echo "$runs $failures" >"$project/target/trace-renders.counts"
  )
  read -r runs failures <"$project/target/trace-renders.counts"
fi

# Pure kustomize builds of every fixture that has a kustomization.
while IFS= read -r k; do
  render "${k%/*}" kustomize .
done < <(find "$project/test-fixtures" -name kustomization.yaml -not -path '*/target/*' 2>/dev/null | sort)

# The human-facing commands' help (picocli's model, resource bundles).
for args in "--help" "--version" "generate --help" "cmp --help" "cmp parameters --help" "validate --help" \
  "kustomize --help" "schema --help" "schema service" "schema values" "schema platform" "no-such-command"; do
  # shellcheck disable=SC2086 # the words of $args are separate arguments
  render "$project" $args
done

printf 'trace-renders: %d runs, %d ended non-zero (expected for the error paths)\n' "$runs" "$failures" >&2
