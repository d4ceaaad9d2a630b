package io.krug.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventsOpenApiTests extends ApiTest {

	@Test
	void documentsTheEventsEndpointsWithTheirProblemCodes() {
		JsonNode docs = http.get("/v3/api-docs").send().json();
		JsonNode paths = docs.path("paths");

		JsonNode register = paths.path("/api/v1/events/{id}/register").path("post");
		assertThat(register.path("responses").has("403")).isTrue();
		assertThat(register.path("responses").path("403").path("description").asString()).contains("status_too_low");
		assertThat(register.path("responses").path("409").path("description").asString()).contains("already_registered");
		assertThat(paths.path("/api/v1/events/{id}/register").has("delete")).isTrue();
		assertThat(paths.path("/api/v1/events/proposals/{id}/vote").path("post").path("responses").has("409")).isTrue();
		assertThat(paths.path("/api/v1/events/{id}.ics").has("get")).isTrue();
		assertThat(paths.path("/api/v1/events/calendar.ics").has("get")).isTrue();
		assertThat(paths.path("/api/v1/admin/events/{id}/budget-allocations").path("post").path("responses")
			.path("422").path("description").asString()).contains("budget_level_exceeded");
		assertThat(paths.path("/api/v1/events/budget").has("get")).isTrue();
		JsonNode schemas = docs.path("components").path("schemas");
		assertThat(schemas.path("EventRegistrationRequest").path("properties").has("plus_one")).isTrue();
		assertThat(schemas.path("EventDraft").path("properties").has("paid_cancellation_cutoff_hours")).isTrue();
	}
}
