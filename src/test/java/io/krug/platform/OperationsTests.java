package io.krug.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.krug.platform.logging.KrugJsonFormat;
import io.krug.test.ApiTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OperationsTests extends ApiTest {

	@Test
	void servesTheOpenApiDocumentWithProblemResponses() {
		var docs = http.get("/v3/api-docs").send();
		assertThat(docs.status()).isEqualTo(200);
		var paths = docs.json().path("paths");
		assertThat(paths.has("/api/v1/auth/register")).isTrue();
		assertThat(paths.has("/api/v1/users/me")).isTrue();
		var register = paths.path("/api/v1/auth/register").path("post");
		assertThat(register.path("responses").has("422")).isTrue();
		assertThat(register.path("responses").path("409").path("content").has("application/problem+json")).isTrue();
		assertThat(docs.json().path("components").path("securitySchemes").has("bearer")).isTrue();
		var registerBody = docs.json().path("components").path("schemas").path("RegisterRequest").path("properties");
		assertThat(registerBody.has("first_name")).as("schemas use the API's snake_case names").isTrue();
		assertThat(registerBody.has("firstName")).isFalse();
		assertThat(http.get("/docs").send().status()).isIn(200, 302);
	}

	@Test
	void exposesPrometheusMetricsForHttpJvmAndThePool() {
		http.get("/actuator/health").send();
		var metrics = http.get("/actuator/prometheus").send();
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds", "jvm_memory_used_bytes",
				"hikaricp_connections_active", "krug_db_statements_total");
	}

	@Test
	void jsonLogLinesMaskPhonesEmailsAndCodes() {
		KrugJsonFormat format = new KrugJsonFormat();
		Logger logger = (Logger) LoggerFactory.getLogger("io.krug.identity.Something");
		String line = format.format(event(logger,
				"Member +79991234567 (anna@example.com) asked for a code 123456 from 10.0.0.1"));
		assertThat(line).doesNotContain("+79991234567", "anna@example.com", "123456")
			.contains("\"message\"", "***67", "a***@example.com");
		var parsed = jsonMapper.readTree(line);
		assertThat(parsed.path("level").asString()).isEqualTo("INFO");

		Logger sms = (Logger) LoggerFactory.getLogger("io.krug.platform.sms.LogSmsProvider");
		String smsLine = format.format(event(sms, "SMS to +79991234567 [login_code]: Krug: your code is 123456."));
		assertThat(smsLine).contains("+79991234567", "123456");
	}

	@Test
	void requestsTomcatRejectsGetAProblemDocumentNotAnHtmlPage() throws Exception {
		try (var socket = new java.net.Socket("localhost", port)) {
			socket.getOutputStream()
				.write("GET /api/v1/businesses?q=Анна HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json", "\"code\":\"malformed_request\"")
				.doesNotContain("<html");
		}
	}

	private static ILoggingEvent event(Logger logger, String message) {
		return new LoggingEvent(Logger.class.getName(), logger, ch.qos.logback.classic.Level.INFO, message, null, null);
	}
}
