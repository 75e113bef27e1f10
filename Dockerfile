# Equity Lens: build with the Maven wrapper, run on a Java 17 JRE as a non-root user.
# The rules (rules/) and the form definitions (forms/) are copied into /app and read from there
# at startup; mount a folder over /app/rules or /app/forms to replace them without rebuilding:
#   docker run -p 8080:8080 -v /srv/lens/rules:/app/rules:ro equity-lens

FROM eclipse-temurin:17-jdk AS build
# Node.js 20+ with npm: the Maven build installs the NHS.UK frontend (package.json) with it.
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gnupg \
    && curl -fsSL https://deb.nodesource.com/setup_20.x | bash - \
    && apt-get install -y --no-install-recommends nodejs \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml package.json package-lock.json ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY rules/ rules/
COPY forms/ forms/
RUN ./mvnw -B -q package -DskipTests && cp target/equity-lens-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system lens && useradd --system --gid lens --home-dir /app --shell /usr/sbin/nologin lens
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
COPY rules/ /app/rules/
COPY forms/ /app/forms/
# The embedded H2 database lives in /app/data: mount a volume there to keep it, or run with the
# postgres profile (SPRING_PROFILES_ACTIVE=postgres and SPRING_DATASOURCE_URL/USERNAME/PASSWORD).
RUN mkdir -p /app/data && chown -R lens:lens /app/data
USER lens
EXPOSE 8080
ENV EQUITYLENS_RULES_DIR=/app/rules \
    EQUITYLENS_FORMS_DIR=/app/forms \
    EQUITYLENS_DATA_DIR=/app/data
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
