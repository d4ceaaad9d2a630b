package io.krug.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IntegrationsOpenApiTests extends ApiTest {

	@Test
	void documentsTheIntegrationAndImportEndpointsWithTheirProblemCodes() {
		JsonNode docs = http.get("/v3/api-docs").send().json();
		JsonNode paths = docs.path("paths");

		JsonNode create = paths.path("/api/v1/admin/businesses/{businessId}/integrations").path("post");
		assertThat(create.path("responses").path("409").path("description").asString()).contains("integration_exists");
		assertThat(create.path("responses").path("422").path("description").asString()).contains("unknown_system");
		String one = "/api/v1/admin/businesses/{businessId}/integrations/{id}";
		assertThat(paths.path(one).has("get")).isTrue();
		assertThat(paths.path(one).has("put")).isTrue();
		assertThat(paths.path(one).has("delete")).isTrue();
		assertThat(paths.path(one + "/test").has("post")).isTrue();
		assertThat(paths.path(one + "/sync").path("post").path("responses").path("409").path("description").asString())
			.contains("sync_in_progress");
		assertThat(paths.path("/api/v1/admin/integrations").has("get")).isTrue();
		assertThat(paths.path("/api/v1/integrations/{id}/webhook").path("post").path("responses").path("401")
			.path("description").asString()).contains("webhook_rejected");
		assertThat(paths.path("/api/v1/businesses/{businessId}/imports").path("post").path("responses").has("202"))
			.isTrue();
		assertThat(paths.path("/api/v1/businesses/{businessId}/imports/{importId}").has("get")).isTrue();
		assertThat(paths.path("/api/v1/businesses/{businessId}/imports/{importId}/rejected.csv").has("get")).isTrue();
		JsonNode schemas = docs.path("components").path("schemas");
		assertThat(schemas.path("IntegrationView").path("properties").has("lag_seconds")).isTrue();
		assertThat(schemas.path("ImportView").path("properties").has("rejections")).isTrue();
	}
}
