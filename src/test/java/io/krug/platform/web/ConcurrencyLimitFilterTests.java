package io.krug.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The in-flight cap sheds the request beyond it with a quick 503, and only on the paths it guards. */
class ConcurrencyLimitFilterTests {

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, Duration.ofMillis(10), List.of("/api/"),
			new ProblemWriter(JsonMapper.builder().build()), meters);

	final CountDownLatch entered = new CountDownLatch(1);

	final CountDownLatch release = new CountDownLatch(1);

	final FilterChain holding = (request, response) -> {
		entered.countDown();
		try {
			release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	};

	@Test
	void shedsTheRequestBeyondTheCapWith503AndRetryAfterUntilASlotFrees() throws Exception {
		CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> call("/api/v1/x",
				holding));
		assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

		MockHttpServletResponse shed = call("/api/v1/purchases", (request, response) -> {
		});
		release.countDown();
		MockHttpServletResponse afterwards = call("/api/v1/purchases", (request, response) -> {
		});

		assertThat(shed.getStatus()).isEqualTo(503);
		assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
		assertThat(shed.getContentAsString()).contains("service_unavailable");
		assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(afterwards.getStatus()).isEqualTo(200);
		assertThat(meters.get("krug.http.shed").counter().count()).isEqualTo(1);
	}

	@Test
	void leavesOtherPathsAlone() throws Exception {
		CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> call("/api/v1/x",
				holding));
		assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

		MockHttpServletResponse health = call("/actuator/health", (request, response) -> {
		});
		release.countDown();

		assertThat(health.getStatus()).isEqualTo(200);
		assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse call(String path, FilterChain chain) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			filter.doFilter(request, response, chain);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return response;
	}
}
