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
RUN mkdir -p /app/data /app/keys && chown -R pingyi /app/data /app/keys && chmod 700 /app/keys
USER pingyi
ENV PINGYI_DATA_DIR=/app/data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/health/ready || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/pingyi-engine.jar"]
