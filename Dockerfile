# syntax=docker/dockerfile:1.7
#
# platform-render as an Argo CD Config Management Plugin sidecar image
# (docs/argocd.md#install-the-sidecar, deploy/README.md). Two targets:
#
#   docker build -t platform-render .                    native (default): GraalVM native binary
#   docker build --target jvm -t platform-render:jvm .   the jar on a jlink'ed JDK 25 + AOT cache
#
# Both: run as uid 999 with HOME=/tmp (writable on an emptyDir; nothing relies on user.home), work
# with a read-only root file system, carry plugin.yaml at /home/argocd/cmp-server/config/, contain
# no shell and no argocd-cmp-server (Argo CD mounts it from the var-files volume).
# deploy/README.md says what of this was verified without Docker and what was not.

ARG JDK_IMAGE=eclipse-temurin:25-jdk
ARG GRAALVM_IMAGE=ghcr.io/graalvm/native-image-community:25
ARG RUNTIME_IMAGE=gcr.io/distroless/base-debian12

# ---- the jar (shared by both targets) ------------------------------------------------------------
FROM ${JDK_IMAGE} AS jar
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src/main src/main
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests -Ddist.skip=true
COPY examples examples
COPY test-fixtures test-fixtures
COPY deploy/image deploy/image

# ---- native: reachability metadata by tracing real renders, then native-image --------------------
FROM ${GRAALVM_IMAGE} AS native-build
RUN command -v find >/dev/null || microdnf install -y findutils diffutils
WORKDIR /build
COPY --from=jar /build /build
# Metadata = picocli's generated config (target/classes/META-INF/native-image/picocli-generated)
# + our checked-in file (src/main/resources/META-INF/native-image) + what the tracing agent sees
# over the example repository and the fixtures (no GraalVM on the project's machines: this stage
# is the only place the native image is built).
RUN CP="target/classes:$(printf '%s:' target/lib/*.jar)" \
 && mkdir -p target/agent/META-INF/native-image/dev.stonegarden/platform-render-traced \
 && deploy/image/trace-renders.sh /build java \
      -agentlib:native-image-agent=config-merge-dir=target/agent/META-INF/native-image/dev.stonegarden/platform-render-traced \
      -- -cp "$CP" dev.stonegarden.render.cli.Main \
 && native-image --no-fallback -march=compatibility --static-nolibc -R:MaxHeapSize=256m \
      -cp "target/agent:$CP" -o target/platform-render dev.stonegarden.render.cli.Main \
 && deploy/image/check-native.sh /build /build/target/platform-render -- java -cp "$CP" dev.stonegarden.render.cli.Main

# ---- jvm: jlink'ed runtime, argument file, exec wrapper ----------------------------------------
FROM ${JDK_IMAGE} AS jvm-build
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*
COPY --from=jar /build/target/platform-render.jar /opt/platform-render/platform-render.jar
COPY --from=jar /build/target/lib /opt/platform-render/lib
COPY deploy/image /tmp/image
# java.base,java.xml: jdeps also names java.desktop and java.sql, which Jackson only probes for
# at start-up; bench/jvm-image-check.sh runs the renders on this exact runtime.
RUN jlink --add-modules "$(cat /tmp/image/jlink-modules)" --strip-debug --no-header-files --no-man-pages \
      --output /opt/platform-render/runtime \
 && cp /tmp/image/jvm-flags.args /opt/platform-render/jvm-flags.args \
 && { cat /tmp/image/jvm-flags.args; \
      echo '-XX:AOTCache=/opt/platform-render/platform-render.aot'; \
      echo '-cp'; echo '/opt/platform-render/platform-render.jar'; \
      echo 'dev.stonegarden.render.cli.Main'; } >/opt/platform-render/jvm.args \
 && gcc -static -Os -s -o /opt/platform-render/platform-render /tmp/image/exec-java.c

FROM ${RUNTIME_IMAGE} AS jvm
COPY deploy/image/passwd /etc/passwd
COPY deploy/image/group /etc/group
COPY --from=jvm-build /opt/platform-render /opt/platform-render
COPY --from=jvm-build /opt/platform-render/platform-render /usr/local/bin/platform-render
COPY --from=jar /build/examples /opt/platform-render/training
# The AOT cache is trained here, in the final image, with the same runtime, class path (same files,
# same times) and options that run it, on a real render as Argo CD starts it: the example's canary
# app, with the environment variables the repo-server sends (ARGs are environment variables of RUN
# only; they do not stay in the image). Exec form throughout: there is no shell in this image.
WORKDIR /opt/platform-render/training/kubernetes/services/audiobookshelf
ARG ARGOCD_APP_NAME=audiobookshelf-canary
ARG ARGOCD_APP_NAMESPACE=audiobookshelf-canary
ARG ARGOCD_APP_SOURCE_PATH=kubernetes/services/audiobookshelf
ARG ARGOCD_APP_PARAMETERS='[{"name":"environment","string":"canary"}]'
ARG PARAM_ENVIRONMENT=canary
ARG KUBE_API_VERSIONS=apps/v1,apps/v1/Deployment,argoproj.io/v1alpha1,argoproj.io/v1alpha1/AnalysisTemplate,argoproj.io/v1alpha1/Rollout,autoscaling/v2,autoscaling/v2/HorizontalPodAutoscaler,monitoring.coreos.com/v1,monitoring.coreos.com/v1/PrometheusRule,policy/v1,policy/v1/PodDisruptionBudget,v1,v1/ConfigMap,v1/Namespace,v1/PersistentVolumeClaim,v1/Service
RUN ["/opt/platform-render/runtime/bin/java", "@/opt/platform-render/jvm-flags.args", \
     "-XX:AOTCacheOutput=/opt/platform-render/platform-render.aot", \
     "-cp", "/opt/platform-render/platform-render.jar", "dev.stonegarden.render.cli.Main", "generate"]
# Smoke test: -XX:AOTMode=on makes an unusable cache fatal, so a mismatch fails the build.
RUN ["/opt/platform-render/runtime/bin/java", "-XX:AOTMode=on", "@/opt/platform-render/jvm.args", "generate"]
COPY plugin.yaml /home/argocd/cmp-server/config/plugin.yaml
# A UTF-8 locale: the JVM decodes file names with the locale's charset (docs/robustness.md#file-names).
ENV HOME=/tmp LANG=C.UTF-8 LC_ALL=C.UTF-8
WORKDIR /tmp
USER 999:999
CMD ["platform-render", "--help"]

# ---- native (default target: the last stage) ---------------------------------------------------
FROM ${RUNTIME_IMAGE} AS native
COPY deploy/image/passwd /etc/passwd
COPY deploy/image/group /etc/group
COPY --from=native-build /build/target/platform-render /usr/local/bin/platform-render
COPY plugin.yaml /home/argocd/cmp-server/config/plugin.yaml
# A UTF-8 locale, as in the jvm target (a native image takes file names as the JVM does).
ENV HOME=/tmp LANG=C.UTF-8 LC_ALL=C.UTF-8
WORKDIR /tmp
USER 999:999
CMD ["platform-render", "--help"]
