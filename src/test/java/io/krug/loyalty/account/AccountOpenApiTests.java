package io.krug.loyalty.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AccountOpenApiTests extends ApiTest {

	@Test
	void documentsTheEndpointsTheirErrorsAndTheStatementsSignConventions() {
		JsonNode paths = http.get("/v3/api-docs").send().json().path("paths");

		assertThat(paths.path("/api/v1/loyalty/balance").path("get").path("responses").has("403")).isTrue();
		assertThat(paths.path("/api/v1/loyalty/transactions").path("get").path("responses").has("422")).isTrue();
		JsonNode statement = paths.path("/api/v1/businesses/{id}/statement").path("get");
		assertThat(statement.path("responses").has("404")).isTrue();
		assertThat(statement.path("responses").has("422")).isTrue();
		assertThat(statement.path("description").asString()).contains("net", "is signed", "payable", "receivable");
		assertThat(paths.path("/api/v1/admin/ledger/settlement").path("get").path("responses").has("403")).isTrue();
	}

	@Test
	void theStatementSchemaDescribesEachFiguresSign() {
		JsonNode schemas = http.get("/v3/api-docs").send().json().path("components").path("schemas");
		JsonNode statement = schemas.path("PartnerStatement").path("properties");

		assertThat(statement.path("net").path("description").asString()).contains("receives (positive)",
				"pays (negative)");
		assertThat(statement.path("commission").path("description").asString()).contains("Positive");
		assertThat(statement.path("events_budget").path("description").asString()).contains("Positive");
		assertThat(statement.path("losses").path("description").asString()).contains("not part of net");
		assertThat(schemas.path("BonusTransaction").path("properties").path("type").path("enum")).hasSize(6);
		assertThat(schemas.path("PartnerPayable").path("properties").has("payer_name")).isTrue();
	}
}
