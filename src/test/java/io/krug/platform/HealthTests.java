package io.krug.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.ApiTest;
import org.junit.jupiter.api.Test;

class HealthTests extends ApiTest {

	@Test
	void reportsReadinessIncludingTheDatabase() {
		var response = http.get("/actuator/health/readiness").send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("status")).isEqualTo("UP");
	}

	@Test
	void echoesTheCallersRequestId() {
		var response = http.get("/actuator/health/liveness").header("X-Request-Id", "abc-123").send();
		assertThat(response.header("X-Request-Id")).contains("abc-123");
	}
}
