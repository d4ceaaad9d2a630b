package io.krug.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.ApiTest;
import io.krug.test.Fixtures;
import io.krug.test.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Base of the integrations tests: a fresh program with its categories, an admin, a business, and a WireMock server
 * standing in for the partner's system.
 */
public abstract class IntegrationsTest extends ApiTest {

	@Autowired
	protected PartnersApi partners;

	protected Program program;

	protected String admin;

	protected UUID business;

	protected WireMockServer partner;

	@BeforeEach
	void club() {
		partner = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		partner.start();
		program = fixtures.program();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TenantContext.call(program.id(), partners::categories).size() == 9);
		admin = fixtures.adminToken(program);
		business = business();
	}

	@AfterEach
	void stopPartner() {
		partner.stop();
	}

	protected UUID business() {
		Http.Response created = http.post("/api/v1/admin/businesses")
			.bearer(admin)
			.json(Map.of("name", "Business " + UUID.randomUUID().toString().substring(0, 6), "category_key",
					"beauty_salon"))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

	protected Http.Response create(UUID businessId, Map<String, ?> body) {
		return http.post("/api/v1/admin/businesses/" + businessId + "/integrations").bearer(admin).json(body).send();
	}

	/** Creates an integration of the business and returns its id. */
	protected UUID integration(String system, Map<String, String> settings, Map<String, String> secrets) {
		Http.Response created = create(business, Map.of("system", system, "settings", settings, "secrets", secrets,
				"sync_from", clock.instant().minus(Duration.ofDays(1)).toString()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

	protected JsonNode sync(UUID integration) {
		Http.Response synced = http.post("/api/v1/admin/businesses/" + business + "/integrations/" + integration
				+ "/sync").bearer(admin).send();
		assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
		return synced.json();
	}

	protected JsonNode show(UUID integration) {
		Http.Response got = http.get("/api/v1/admin/businesses/" + business + "/integrations/" + integration)
			.bearer(admin)
			.send();
		assertThat(got.status()).as(got.toString()).isEqualTo(200);
		return got.json();
	}

	/** The business's purchases, newest first. */
	protected List<JsonNode> purchases() {
		Http.Response list = http.get("/api/v1/admin/purchases?limit=200&business_id=" + business).bearer(admin).send();
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		list.json().path("purchases").forEach(items::add);
		return items;
	}

	protected JsonNode purchase(String externalId) {
		return purchases().stream()
			.filter(p -> externalId.equals(p.path("external_id").asString(null)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No purchase " + externalId + " in " + purchases()));
	}

	/** A registered member's phone. */
	protected String memberPhone() {
		String phone = Fixtures.phone();
		fixtures.member(program, phone);
		return phone;
	}
}
