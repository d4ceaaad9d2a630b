package io.krug.integrations.connector.iiko;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.krug.integrations.connector.ConnectionSettings;
import io.krug.integrations.connector.ConnectorException;
import io.krug.integrations.connector.ExternalSale;
import io.krug.integrations.connector.FetchPage;
import io.krug.integrations.connector.FetchRequest;
import io.krug.test.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The iiko connector against a WireMock iikoCloud answering like its documented API. */
class IikoConnectorTests {

	static final String API_LOGIN = "a1b2c3-api-login";

	static final String TOKEN_PATH = "/api/1/access_token";

	static final String ORDERS_PATH = "/api/1/deliveries/by_delivery_date_and_status";

	static final Instant FROM = Instant.parse("2024-05-01T09:00:00Z");

	static final Instant TO = Instant.parse("2024-05-01T10:00:00Z");

	WireMockServer cloud;

	MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));

	IikoConnector connector;

	@BeforeEach
	void start() {
		cloud = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		cloud.start();
		connector = new IikoConnector(RestClient.builder(), clock);
	}

	@AfterEach
	void stop() {
		cloud.stop();
	}

	@Test
	void readsClosedOrdersOfTheWindowWithAToken() {
		cloud.stubFor(post(TOKEN_PATH).withRequestBody(equalToJson("{\"apiLogin\": \"" + API_LOGIN + "\"}"))
			.willReturn(okJson("{\"correlationId\": \"c-1\", \"token\": \"tok-1\"}")));
		cloud.stubFor(post(ORDERS_PATH).withHeader("Authorization", equalTo("Bearer tok-1"))
			.withRequestBody(equalToJson("""
					{"organizationIds": ["org-1"], "deliveryDateFrom": "2024-05-01 12:00:00.000",
					 "deliveryDateTo": "2024-05-01 13:00:00.000", "statuses": ["Closed", "Cancelled"]}"""))
			.willReturn(okJson(orders(group("org-1",
					order("o-1", "Closed", "1250.5", "+79991234567", "2024-05-01 12:40:00.123"),
					"{\"id\": \"o-2\", \"organizationId\": \"org-1\", \"creationStatus\": \"Error\", "
							+ "\"errorInfo\": {\"code\": \"Common\"}, \"order\": null}")))));

		FetchPage page = connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100));

		assertThat(page.sales()).containsExactly(new ExternalSale("o-1", Instant.parse("2024-05-01T09:40:00.123Z"),
				"+79991234567", null, new BigDecimal("1250.50"), null, null, ExternalSale.State.COMPLETED));
		assertThat(page.nextCursor()).isNull();
	}

	@Test
	void pagesThroughEachOrganizationInSlicesOfThePageSize() {
		tokenAnswers("tok-1");
		cloud.stubFor(post(ORDERS_PATH).withRequestBody(matchingJsonPath("$.organizationIds[0]", equalTo("org-1")))
			.willReturn(okJson(orders(group("org-1", order("a", "Closed", "1", null, "2024-05-01 12:01:00.000"),
					order("b", "Closed", "2", null, "2024-05-01 12:02:00.000"),
					order("c", "Closed", "3", null, "2024-05-01 12:03:00.000"))))));
		cloud.stubFor(post(ORDERS_PATH).withRequestBody(matchingJsonPath("$.organizationIds[0]", equalTo("org-2")))
			.willReturn(okJson(orders(group("org-2", order("d", "Closed", "4", null, "2024-05-01 12:04:00.000"))))));
		ConnectionSettings twoRestaurants = settings(Map.of("organization_ids", "org-1, org-2"));

		FetchPage first = connector.fetch(twoRestaurants, new FetchRequest(FROM, TO, null, 2));
		FetchPage second = connector.fetch(twoRestaurants, new FetchRequest(FROM, TO, first.nextCursor(), 2));
		FetchPage third = connector.fetch(twoRestaurants, new FetchRequest(FROM, TO, second.nextCursor(), 2));

		assertThat(first.sales()).extracting(ExternalSale::externalId).containsExactly("a", "b");
		assertThat(second.sales()).extracting(ExternalSale::externalId).containsExactly("c");
		assertThat(third.sales()).extracting(ExternalSale::externalId).containsExactly("d");
		assertThat(third.nextCursor()).isNull();
		cloud.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
	}

	@Test
	void cancelledOrdersAreCancelledAtTheirCreationWhenNeverClosed() {
		tokenAnswers("tok-1");
		cloud.stubFor(post(ORDERS_PATH).willReturn(okJson(orders(group("org-1", """
				{"id": "o-9", "organizationId": "org-1", "creationStatus": "Success",
				 "order": {"status": "Cancelled", "sum": 900, "phone": "+79990000000", "whenClosed": null,
				  "whenCreated": "2024-05-01 12:05:00.000", "cancelInfo": {"whenCancelled": "2024-05-01 12:20:00.000",
				  "cause": {"id": "c1", "name": "Гость передумал"}}}}""")))));

		FetchPage page = connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100));

		assertThat(page.sales()).singleElement().satisfies(sale -> {
			assertThat(sale.state()).isEqualTo(ExternalSale.State.CANCELLED);
			assertThat(sale.occurredAt()).isEqualTo(Instant.parse("2024-05-01T09:05:00Z"));
		});
	}

	@Test
	void aRefusedApiLoginIsAnAuthFailureThatDoesNotEchoIt() {
		cloud.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"correlationId\": \"c\", \"errorDescription\": \"Login '" + API_LOGIN
					+ "' is not authorized\", \"error\": \"Unauthorized\"}")));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.AUTH);
				assertThat(ex.getMessage()).contains("is not authorized").doesNotContain(API_LOGIN);
			});
	}

	@Test
	void anExpiredTokenIsReplacedOnceAndASecondRefusalIsAnAuthFailure() {
		cloud.stubFor(post(TOKEN_PATH).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("{\"correlationId\": \"c\", \"token\": \"tok-old\"}"))
			.willSetStateTo("renewed"));
		cloud.stubFor(post(TOKEN_PATH).inScenario("tokens").whenScenarioStateIs("renewed")
			.willReturn(okJson("{\"correlationId\": \"c\", \"token\": \"tok-new\"}")));
		cloud.stubFor(post(ORDERS_PATH).withHeader("Authorization", equalTo("Bearer tok-old"))
			.willReturn(aResponse().withStatus(401).withBody("{\"errorDescription\": \"Token expired\"}")));
		cloud.stubFor(post(ORDERS_PATH).withHeader("Authorization", equalTo("Bearer tok-new"))
			.willReturn(okJson(orders(group("org-1", order("o-1", "Closed", "5", null, "2024-05-01 12:00:00.000"))))));

		FetchPage page = connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100));

		assertThat(page.sales()).extracting(ExternalSale::externalId).containsExactly("o-1");
		cloud.stubFor(post(ORDERS_PATH).withHeader("Authorization", equalTo("Bearer tok-new"))
			.willReturn(aResponse().withStatus(401)));
		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100)))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.AUTH));
		cloud.verify(3, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
	}

	@Test
	void aTokenIsReusedWithinItsLifetimeAndRenewedAfter() {
		tokenAnswers("tok-1");
		cloud.stubFor(post(ORDERS_PATH).willReturn(okJson(orders(group("org-1")))));

		connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100));
		clock.tick(Duration.ofMinutes(54));
		connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100));
		cloud.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
		clock.tick(Duration.ofMinutes(2));
		connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100));

		cloud.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
	}

	@Test
	void tooManyRequestsIsRateLimitedWithTheServersRetryAfter() {
		tokenAnswers("tok-1");
		cloud.stubFor(post(ORDERS_PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "10")));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(10));
			});
	}

	@Test
	void serverErrorsAndTimeoutsAreUnavailable() {
		tokenAnswers("tok-1");
		cloud.stubFor(post(ORDERS_PATH).willReturn(aResponse().withStatus(500)
			.withBody("{\"errorDescription\": \"Internal server error\", \"error\": \"INTERNAL\"}")));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100)))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE));
		cloud.stubFor(post(ORDERS_PATH).willReturn(aResponse().withStatus(408)));
		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100)))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE));
	}

	@Test
	void anHtmlPageOrAnOrderWithoutItsSumIsMalformed() {
		tokenAnswers("tok-1");
		cloud.stubFor(post(ORDERS_PATH).withRequestBody(matchingJsonPath("$.organizationIds[0]", equalTo("org-1")))
			.willReturn(aResponse().withStatus(200).withBody("<html><body>Maintenance</body></html>")));
		cloud.stubFor(post(ORDERS_PATH).withRequestBody(matchingJsonPath("$.organizationIds[0]", equalTo("org-2")))
			.willReturn(okJson(orders(group("org-2", "{\"id\": \"o-1\", \"order\": {\"status\": \"Closed\", "
					+ "\"whenClosed\": \"2024-05-01 12:00:00.000\"}}")))));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100)))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.MALFORMED));
		assertThatThrownBy(() -> connector.fetch(settings(Map.of("organization_ids", "org-2")),
				new FetchRequest(FROM, TO, null, 100)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.MALFORMED);
				assertThat(ex.getMessage()).contains("sum");
			});
	}

	@Test
	void missingSettingsAreAConfigurationErrorWithoutACall() {
		assertThatThrownBy(() -> connector.fetch(
				new ConnectionSettings(Map.of("base_url", cloud.baseUrl()), Map.of("api_login", API_LOGIN)),
				new FetchRequest(FROM, TO, null, 100)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.CONFIG);
				assertThat(ex.getMessage()).contains("organization_ids");
			});
		assertThatThrownBy(() -> connector.check(
				new ConnectionSettings(Map.of("base_url", cloud.baseUrl(), "organization_ids", "org-1"), Map.of())))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.getMessage()).contains("api_login"));
		assertThat(cloud.getAllServeEvents()).isEmpty();
	}

	@Test
	void checkConfirmsTheApiLoginSeesEveryConfiguredOrganization() {
		tokenAnswers("tok-1");
		cloud.stubFor(post("/api/1/organizations").withHeader("Authorization", equalTo("Bearer tok-1"))
			.willReturn(okJson("{\"correlationId\": \"c\", \"organizations\": [{\"id\": \"org-1\", "
					+ "\"name\": \"Кафе на Ленина\"}]}")));

		connector.check(settings());

		assertThatThrownBy(() -> connector.check(settings(Map.of("organization_ids", "org-1,org-2"))))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.CONFIG);
				assertThat(ex.getMessage()).contains("org-2");
			});
	}

	void tokenAnswers(String token) {
		cloud.stubFor(post(TOKEN_PATH).willReturn(okJson("{\"correlationId\": \"c\", \"token\": \"" + token + "\"}")));
	}

	ConnectionSettings settings() {
		return settings(Map.of());
	}

	ConnectionSettings settings(Map<String, String> overrides) {
		Map<String, String> plain = new HashMap<>(Map.of("base_url", cloud.baseUrl(), "organization_ids", "org-1"));
		plain.putAll(overrides);
		return new ConnectionSettings(plain, Map.of("api_login", API_LOGIN));
	}

	static String orders(String... groups) {
		return "{\"correlationId\": \"c\", \"maxRevision\": 42, \"ordersByOrganizations\": ["
				+ String.join(",", groups) + "]}";
	}

	static String group(String organization, String... orders) {
		return "{\"organizationId\": \"" + organization + "\", \"orders\": [" + String.join(",", orders) + "]}";
	}

	static String order(String id, String status, String sum, String phone, String whenClosed) {
		return "{\"id\": \"" + id + "\", \"posId\": \"p-" + id + "\", \"externalNumber\": null, "
				+ "\"organizationId\": \"org\", \"timestamp\": 1714550000, \"creationStatus\": \"Success\", "
				+ "\"errorInfo\": null, \"order\": {\"status\": \"" + status + "\", \"sum\": " + sum + ", \"phone\": "
				+ (phone == null ? "null" : "\"" + phone + "\"") + ", \"number\": 17, \"whenCreated\": \""
				+ whenClosed + "\", \"whenClosed\": \"" + whenClosed + "\"}}";
	}
}
