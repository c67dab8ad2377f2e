# syntax=docker/dockerfile:1
# One image recipe for every Quotaflow service:  docker build --build-arg SERVICE=kpi-service .
# docker-compose.yml builds each service with it.

FROM eclipse-temurin:25-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -pl ${SERVICE} -am package \
 && cp ${SERVICE}/target/${SERVICE}-*-exec.jar /app.jar

FROM eclipse-temurin:25-jre
ARG SERVICE
LABEL org.opencontainers.image.title="quotaflow-${SERVICE}"
RUN useradd --system --uid 10001 quotaflow && mkdir -p /keys && chown quotaflow /keys
USER 10001
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
