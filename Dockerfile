# Build stage: the jar with every dependency inside.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
# Dependencies first, so that a change to the sources does not download them again.
RUN mvn -B -ntp -q dependency:go-offline
COPY src ./src
RUN mvn -B -ntp -q -DskipTests package

# Run stage: a JRE, the jar, the show files, and a non-root user.
FROM eclipse-temurin:17-jre
RUN groupadd --system showcall \
 && useradd --system --gid showcall --home-dir /app --no-create-home --shell /usr/sbin/nologin showcall
WORKDIR /app
COPY --from=build /src/target/showcall.jar /app/showcall.jar
# the shows folder is showcall's to write: /show upload puts a new version of a show's file there
COPY --chown=showcall:showcall config /app/config
RUN mkdir -p /app/data && chown showcall:showcall /app/data
USER showcall
# The embedded database lives here (the default SHOWCALL_DB_URL is ./data/ under /app):
# mount a volume so the day's state survives the container.
VOLUME /app/data
# the backstage screen, the lineup and the door (SHOWCALL_WEB_PORT), /health and /metrics
EXPOSE 8080
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/showcall.jar"]
CMD ["run"]
