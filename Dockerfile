# Build: ./mvnw -DskipTests package && docker build -t krug .
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 krug
WORKDIR /app
COPY target/krug-*[0-9T].jar /app/krug.jar
USER krug
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/krug.jar"]
