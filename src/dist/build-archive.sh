#!/usr/bin/env bash
# Builds the installable distribution (docs/install.md); run by `./mvnw package` after the jar
# (pom.xml, execution "distribution"; -Ddist.skip skips it).
#
#   src/dist/build-archive.sh PROJECT_DIR VERSION DIST_JDK BUILD_JAVA_HOME
#
# target/platform-render-VERSION-linux-ARCH.tar.gz holds one directory, platform-render-VERSION/:
#   bin/platform-render      the thin launcher (src/dist/platform-render)
#   platform-render.jar, lib/ the jar and its run-time libraries, as target/ has them
#   runtime/                 a jlink'ed runtime with the modules of deploy/image/jlink-modules
#   jvm-flags.args           the one launch configuration (deploy/image/jvm-flags.args), also the
#                            jvm image's and bin/platform-render's
#   platform-render.aot      the AOT cache, trained here on the example's canary environment in the
#                            CLI form, with the runtime, class path and options that run it
#
# The runtime is jlink'ed from DIST_JDK when it is a JDK 25 or newer (-Ddist.jdk=..., default the
# Temurin 25 of these machines), with an AOT cache. Without one, from the JDK running Maven, and
# without an AOT cache (AOTCacheOutput needs 25); one line says so.
#
# Before the archive is left in target/, it is unpacked into an empty directory and the example is
# rendered through its launcher with no java (and nothing else) on PATH, with -XX:AOTMode=on (an
# unusable cache is fatal there); the bytes must equal the build JDK's render. A failure fails the
# package phase.
set -euo pipefail

project=$1 version=$2 dist_jdk=$3 build_java_home=$4
target=$project/target
name=platform-render-$version
arch=$(uname -m)
archive=$target/$name-linux-$arch.tar.gz
work=$target/dist
home=$work/$name
main=dev.stonegarden.render.cli.Main
app=examples/kubernetes/services/audiobookshelf

say() { printf 'platform-render dist: %s\n' "$*"; }
fail() {
  printf 'platform-render dist: FAILED: %s\n' "$*" >&2
  exit 1
}

major_of() { # JAVA_HOME: the feature version of its release file
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null) || true
  printf '%s' "${v:-0}"
}

jdk=$dist_jdk
aot=true
if [ ! -x "$jdk/bin/jlink" ] || [ "$(major_of "$jdk")" -lt 25 ]; then
  jdk=$build_java_home
  aot=false
  [ -x "$jdk/bin/jlink" ] || fail "no jlink in $jdk (a JRE?): set -Ddist.jdk to a JDK, or -Ddist.skip"
  say "no JDK 25 at $dist_jdk (-Ddist.jdk=...): runtime from the build JDK (Java $(major_of "$jdk")), without an AOT cache"
fi
[ -f "$project/$app/service.yaml" ] || fail "no example at $project/$app"

rm -rf "$work" "$archive"
mkdir -p "$home/bin" "$home/lib"
cp -p "$target/platform-render.jar" "$home/"
cp -p "$target"/lib/*.jar "$home/lib/"
cp "$project/deploy/image/jvm-flags.args" "$home/jvm-flags.args"
cp "$project/src/dist/platform-render" "$home/bin/platform-render"
chmod 0755 "$home/bin/platform-render"
"$jdk/bin/jlink" --add-modules "$(cat "$project/deploy/image/jlink-modules")" --strip-debug \
  --no-header-files --no-man-pages --output "$home/runtime"

if $aot; then
  # As bin/platform-render runs it: the argument file, then the launcher's trailing options.
  (cd "$project/$app" && "$home/runtime/bin/java" "@$home/jvm-flags.args" \
    -Xlog:all=off:stdout '-Xlog:aot*=off,cds*=off:stderr' -XX:+DisplayVMOutputToStderr \
    -XX:-DisplayVMOutputToStdout "-XX:AOTCacheOutput=$home/platform-render.aot" \
    -cp "$home/platform-render.jar" "$main" generate --env canary . >/dev/null 2>"$work/training.log") ||
    fail "the AOT training render failed: $(cat "$work/training.log")"
  [ -s "$home/platform-render.aot" ] || fail "no AOT cache written: $(cat "$work/training.log")"
fi

# tar keeps the files' modification times, which the AOT cache checks for the class path.
tar -czf "$archive" -C "$work" "$name"

# The check: install into an empty directory, render with nothing on PATH.
check=$(mktemp -d "$work/check.XXXXXX")
mkdir "$check/install" "$check/empty-path" "$check/home"
tar -xzf "$archive" -C "$check/install"
# Both in the example's directory: the repository root (and so platform.yaml) depends on it.
(cd "$project/$app" && "$build_java_home/bin/java" -cp "$target/platform-render.jar" "$main" \
  generate --env canary . >"$check/expected.yaml" 2>/dev/null) || fail "the build JDK cannot render the example"
opts=
$aot && opts=-XX:AOTMode=on
(cd "$project/$app" && env -i PATH="$check/empty-path" HOME="$check/home" PLATFORM_RENDER_JAVA_OPTS="$opts" \
  "$check/install/$name/bin/platform-render" generate --env canary . \
  >"$check/actual.yaml" 2>"$check/actual.err") ||
  fail "the installed archive does not render the example: $(cat "$check/actual.err")"
cmp -s "$check/expected.yaml" "$check/actual.yaml" || fail "the installed archive renders other bytes than the build JDK"
version_line=$(env -i PATH="$check/empty-path" "$check/install/$name/bin/platform-render" --version)
rm -rf "$check"
say "${archive#"$project"/}: $version_line, runtime of $("$home/runtime/bin/java" -XshowSettings:properties -version 2>&1 |
  sed -n 's/^ *java.runtime.version = //p')$($aot && echo ', AOT cache' || true); installed and rendered the example with no java on PATH"
