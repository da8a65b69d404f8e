#!/usr/bin/env bash
# Dockerfile, stage native-build: the native binary must print the same bytes and exit codes as the
# JVM for the example repository's renders (stdout and exit code; stderr may differ only in nothing
# we check). Fails the image build otherwise.
#
# usage: check-native.sh PROJECT_DIR NATIVE_BINARY -- JVM_COMMAND...
set -u
project=$1
native=$2
shift 3
jvm=("$@")
status=0
checked=0
tmp=$(mktemp -d)
for dir in "$project"/examples/kubernetes/services/*/; do
  for env_dir in "$dir"environments/*/; do
    env=${env_dir%/}
    env=${env##*/}
    for args in "generate --env $env" "generate --env $env --output json" "cmp parameters" "validate"; do
      # shellcheck disable=SC2086 # the words of $args are separate arguments
      (cd "$dir" && "${jvm[@]}" $args >"$tmp/jvm.out" 2>/dev/null; echo $? >"$tmp/jvm.code")
      # shellcheck disable=SC2086
      (cd "$dir" && "$native" $args >"$tmp/native.out" 2>/dev/null; echo $? >"$tmp/native.code")
      checked=$((checked + 1))
      if ! cmp -s "$tmp/jvm.out" "$tmp/native.out" || ! cmp -s "$tmp/jvm.code" "$tmp/native.code"; then
        printf 'check-native: %s: "%s" differs (exit %s on the JVM, %s native)\n' "${dir#"$project"/}" "$args" \
          "$(cat "$tmp/jvm.code")" "$(cat "$tmp/native.code")" >&2
        diff "$tmp/jvm.out" "$tmp/native.out" | head -20 >&2
        status=1
      fi
    done
  done
done
rm -rf "$tmp"
printf 'check-native: %d runs compared, %s\n' "$checked" "$([ $status -eq 0 ] && echo 'all identical' || echo 'DIFFERENCES')" >&2
exit $status
