# syntax=docker/dockerfile:1
#
# MathSketch server image: the Helidon SE server, its runtime libraries, the committed model, a jlink'd Java 25
# runtime and an AOT cache (JDK 25: classes pre-loaded and linked, method profiles) on Debian slim (ONNX Runtime
# needs glibc). No training code, no PyTorch unless built with --build-arg WITH_PYTORCH=true (adds the PyTorch engine
# and its CPU natives, several hundred MB). Sizes, measured by deploy/image/assemble.sh (the script the build stage
# runs): README, "Deployment".
#
#   docker build -t mathsketch .
#   docker run -p 8080:8080 -v mathsketch-data:/app/data mathsketch
#   docker run -p 8080:8080 -e DB_URL=jdbc:postgresql://db:5432/mathsketch -e DB_USER=... -e DB_PASSWORD=... mathsketch
#   docker run -p 8080:8080 -e DATABASE_URL=postgres://user:password@db:5432/mathsketch mathsketch
#
# Every configuration key can be set as an environment variable (SERVER_PORT, ENGINE_DEVICE, DB_URL, ADMIN_TOKEN...).

# 25: the AOT cache (-XX:AOTCacheOutput) needs it; the code itself targets 21.
ARG JAVA_VERSION=25

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
ARG WITH_PYTORCH=false
RUN apt-get update && apt-get install -y --no-install-recommends zip unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so code changes do not invalidate the downloaded-dependencies layer.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY engine/pom.xml engine/pom.xml
COPY corpus/pom.xml corpus/pom.xml
COPY server/pom.xml server/pom.xml
COPY training/pom.xml training/pom.xml
COPY benchmarks/pom.xml benchmarks/pom.xml
COPY deploy/pom.xml deploy/pom.xml
RUN ./mvnw -B -ntp -q -pl server -am dependency:go-offline -DexcludeReactor=true \
        $( [ "$WITH_PYTORCH" = "true" ] && echo -Dwith-pytorch ) || true
COPY engine engine
COPY server server
RUN ./mvnw -B -ntp -pl server -am package -DskipTests $( [ "$WITH_PYTORCH" = "true" ] && echo -Dwith-pytorch )
COPY models models
COPY deploy/image deploy/image
# The same script CI runs without Docker: app layout, ONNX Runtime stripped to linux-x64, jlink'd runtime.
RUN deploy/image/assemble.sh /out

FROM debian:bookworm-slim
RUN groupadd --system --gid 10001 mathsketch \
    && useradd --system --uid 10001 --gid mathsketch --home-dir /app --shell /usr/sbin/nologin mathsketch
COPY --from=build /out/jre /opt/java
COPY --from=build /out/app /app
ENV JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:$PATH \
    DJL_CACHE_DIR=/app/data/djl-cache
WORKDIR /app
# Record the AOT cache here, in the final layout: it is valid only for exactly these jars and this runtime. The
# training run uses an in-memory database and leaves nothing else behind.
# Same options as entrypoint.sh's start.
RUN ./record-aot-cache.sh /app/mathsketch.aot java @/app/jvm.options -Donnxruntime.native.path=/app/native \
        -jar /app/mathsketch-server.jar \
    && rm -rf /app/data /tmp/* \
    && mkdir -p /app/data && chown mathsketch:mathsketch /app/data
USER mathsketch
VOLUME /app/data
EXPOSE 8080
# Liveness only: a database outage makes the instance not ready (/observe/health/ready) but it keeps recognising.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf 'GET /observe/health/live HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
# Maps DATABASE_URL (fly.io's postgres attach) onto DB_*, then runs java @jvm.options -XX:AOTCache=... -jar ...
ENTRYPOINT ["/app/entrypoint.sh"]
