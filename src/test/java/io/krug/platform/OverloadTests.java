package io.krug.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.ApiTest;
import org.junit.jupiter.api.Test;

/** When the pool has no connection for a request in time, the client is told to retry (503), not shown a 500. */
class OverloadTests extends ApiTest {

	@Test
	void aStarvedPoolIsAnswered503WithRetryAfter() {
		var response = http.get("/test-support/starved").send();
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.text("code")).isEqualTo("service_unavailable");
		assertThat(response.header("Retry-After")).contains("1");
	}
}
