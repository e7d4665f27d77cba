# Multi-stage: build the fat jar with Maven, run it on a JRE as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY engine/pom.xml engine/
# Maven needs every module the parent lists, even the ones it does not build here.
COPY loadtest/pom.xml loadtest/
RUN mvn -B -ntp -q -pl engine dependency:go-offline
COPY engine/src engine/src
RUN mvn -B -ntp -q -pl engine -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app pingyi
WORKDIR /app
COPY --from=build /src/engine/target/pingyi-engine.jar /app/pingyi-engine.jar
COPY config /app/config
RUN mkdir -p /app/data && chown -R pingyi /app/data
USER pingyi
# Where it runs for real it runs in production: demo mode, the SMS file sink and missing admin tokens are refused.
# Trying it out: PINGYI_PROFILE=development (compose.demo.env does).
ENV PINGYI_DATA_DIR=/app/data PINGYI_PROFILE=production PINGYI_HTTP_PORT=8080 PINGYI_MANAGEMENT_PORT=8081
# 8080: API, pages and session streams, for the load balancer. 8081: /metrics and /health/* for Prometheus and
# health checks; never publish it.
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://localhost:${PINGYI_MANAGEMENT_PORT}/health/ready" || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/pingyi-engine.jar"]
