# syntax=docker/dockerfile:1
#
# MathSketch server image: the Helidon SE server, its runtime libraries, the committed model and a jlink'd Java 21
# runtime on Debian slim (ONNX Runtime needs glibc). Target size: under 250 MB (about 75 MB base + 90 MB runtime +
# 30 MB libraries with ONNX Runtime reduced to its linux-x64 natives + the model). No training code, no PyTorch
# unless built with --build-arg WITH_PYTORCH=true (adds the PyTorch engine and its CPU natives, several hundred MB).
#
#   docker build -t mathsketch .
#   docker run -p 8080:8080 -v mathsketch-data:/app/data mathsketch
#   docker run -p 8080:8080 -e DB_URL=jdbc:postgresql://db:5432/mathsketch -e DB_USER=... -e DB_PASSWORD=... mathsketch
#
# Every configuration key can be set as an environment variable (SERVER_PORT, ENGINE_DEVICE, DB_URL, ADMIN_TOKEN...).

ARG JAVA_VERSION=21

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
ARG WITH_PYTORCH=false
RUN apt-get update && apt-get install -y --no-install-recommends curl zip unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so code changes do not invalidate the downloaded-dependencies layer.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY engine/pom.xml engine/pom.xml
COPY server/pom.xml server/pom.xml
COPY training/pom.xml training/pom.xml
COPY benchmarks/pom.xml benchmarks/pom.xml
RUN ./mvnw -B -ntp -q -pl server -am dependency:go-offline -DexcludeReactor=true \
        $( [ "$WITH_PYTORCH" = "true" ] && echo -Dwith-pytorch ) || true
COPY engine engine
COPY server server
RUN ./mvnw -B -ntp -pl server -am package -DskipTests $( [ "$WITH_PYTORCH" = "true" ] && echo -Dwith-pytorch )
COPY models/mnist-cnn /out/app/models/mnist-cnn
COPY server/jvm.options /out/app/jvm.options
RUN mkdir -p /out/app/libs \
    && cp server/target/mathsketch-server.jar /out/app/ \
    && cp server/target/libs/*.jar /out/app/libs/ \
    && server/scripts/strip-onnxruntime-natives.sh /out/app/libs \
    && jlink --add-modules "$(tr -d '[:space:]' < server/scripts/runtime-modules.txt)" \
        --strip-debug --no-header-files --no-man-pages --compress=zip-6 --output /out/jre

FROM debian:bookworm-slim
RUN groupadd --system --gid 10001 mathsketch \
    && useradd --system --uid 10001 --gid mathsketch --home-dir /app --shell /usr/sbin/nologin mathsketch
COPY --from=build /out/jre /opt/java
COPY --from=build /out/app /app
RUN mkdir -p /app/data && chown mathsketch:mathsketch /app/data
ENV JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:$PATH \
    DJL_CACHE_DIR=/app/data/djl-cache
WORKDIR /app
USER mathsketch
VOLUME /app/data
EXPOSE 8080
# Liveness only: a database outage makes the instance not ready (/observe/health/ready) but it keeps recognising.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf 'GET /observe/health/live HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/mathsketch-server.jar"]
