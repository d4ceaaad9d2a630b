# Build: ./mvnw -DskipTests package && docker build -t krug .
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 krug
WORKDIR /app
COPY target/krug-*[0-9T].jar /app/krug.jar
USER krug
EXPOSE 8080
# Generational ZGC collects alongside the application; G1's young pauses (20 to 146 ms on a busy 2-core machine)
# were the tail of token validation (bench/tokens, ADR 0015). On JDK 23+ ZGC is generational without the flag.
ENV JAVA_TOOL_OPTIONS="-XX:+UseZGC -XX:+ZGenerational -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/krug.jar"]
