# Build: ./mvnw -DskipTests package && docker build -t krug .
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 krug
WORKDIR /app
COPY target/krug-*[0-9T].jar /app/krug.jar
USER krug
EXPOSE 8080
# Generational ZGC: pauses under a millisecond, where G1's young pauses took 20 to 120 ms on a busy 2-core machine
# and were the tail of token validation (bench/tokens, ADR 0015); on JDK 23+ ZGC is generational without the flag
ENV JAVA_TOOL_OPTIONS="-XX:+UseZGC -XX:+ZGenerational -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/krug.jar"]
