package io.krug.integrations.connector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import io.krug.integrations.connector.ConnectionSettings;
import io.krug.integrations.connector.ConnectorException;
import io.krug.integrations.connector.ExternalSale;
import io.krug.integrations.connector.FetchPage;
import io.krug.integrations.connector.FetchRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The Bitrix24 connector against a WireMock portal answering like Bitrix24's REST API through a webhook. */
class Bitrix24ConnectorTests {

	static final String SECRET_CODE = "k9x2webhooksecret";

	static final String REST = "/rest/1/" + SECRET_CODE + "/";

	static final Instant FROM = Instant.parse("2024-05-01T09:00:00Z");

	static final Instant TO = Instant.parse("2024-05-01T10:00:00Z");

	WireMockServer portal;

	Bitrix24Connector connector;

	@BeforeEach
	void start() {
		portal = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		portal.start();
		connector = new Bitrix24Connector(RestClient.builder(), Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		portal.stop();
	}

	@Test
	void readsClosedDealsOfTheWindowWithTheirContactsPhones() {
		portal.stubFor(post(REST + "crm.deal.list").withRequestBody(equalToJson("""
				{"filter": {"=STAGE_SEMANTIC_ID": ["S", "F"], ">=DATE_MODIFY": "2024-05-01T09:00:00+00:00",
				  "<DATE_MODIFY": "2024-05-01T10:00:00+00:00"},
				 "select": ["ID", "OPPORTUNITY", "CONTACT_ID", "CLOSEDATE", "DATE_MODIFY", "STAGE_SEMANTIC_ID"],
				 "order": {"ID": "ASC"}, "start": 0}"""))
			.willReturn(okJson(deals(null, deal("101", "S", "1500.50", "7", "2024-05-01T12:30:00+03:00"),
					deal("102", "S", "300", null, "2024-05-01T12:45:00+03:00")))));
		portal.stubFor(post(REST + "crm.contact.list")
			.withRequestBody(equalToJson("{\"filter\": {\"=ID\": [\"7\"]}, \"select\": [\"ID\", \"PHONE\"]}"))
			.willReturn(okJson("""
					{"result": [{"ID": "7", "PHONE": [{"ID": "31", "VALUE_TYPE": "MOBILE", "VALUE": "+79991234567",
					  "TYPE_ID": "PHONE"}]}], "total": 1, "time": {"start": 1714550000.1}}""")));

		FetchPage page = connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100));

		assertThat(page.sales()).containsExactly(
				new ExternalSale("101", Instant.parse("2024-05-01T09:30:00Z"), "+79991234567", null,
						new BigDecimal("1500.50"), null, null, ExternalSale.State.COMPLETED),
				new ExternalSale("102", Instant.parse("2024-05-01T09:45:00Z"), null, null, new BigDecimal("300.00"),
						null, null, ExternalSale.State.COMPLETED));
		assertThat(page.nextCursor()).isNull();
	}

	@Test
	void pagesWithStartAndNext() {
		portal.stubFor(post(REST + "crm.deal.list").withRequestBody(matchingJsonPath("$.start", equalToJson("0")))
			.willReturn(okJson(deals(50, deal("1", "S", "10", null, "2024-05-01T12:00:00+03:00")))));
		portal.stubFor(post(REST + "crm.deal.list").withRequestBody(matchingJsonPath("$.start", equalToJson("50")))
			.willReturn(okJson(deals(null, deal("51", "S", "20", null, "2024-05-01T12:10:00+03:00")))));

		FetchPage first = connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100));
		FetchPage second = connector.fetch(settings(), new FetchRequest(FROM, TO, first.nextCursor(), 100));

		assertThat(first.nextCursor()).isEqualTo("50");
		assertThat(second.sales()).extracting(ExternalSale::externalId).containsExactly("51");
		assertThat(second.nextCursor()).isNull();
	}

	@Test
	void returnsNoMoreThanThePageSizeAndContinuesRightAfter() {
		portal.stubFor(post(REST + "crm.deal.list").willReturn(okJson(deals(null,
				deal("1", "S", "10", null, "2024-05-01T12:00:00+03:00"),
				deal("2", "S", "20", null, "2024-05-01T12:01:00+03:00"),
				deal("3", "S", "30", null, "2024-05-01T12:02:00+03:00")))));

		FetchPage page = connector.fetch(settings(), new FetchRequest(FROM, TO, "10", 2));

		assertThat(page.sales()).extracting(ExternalSale::externalId).containsExactly("1", "2");
		assertThat(page.nextCursor()).isEqualTo("12");
	}

	@Test
	void lostDealsAreCancelled() {
		portal.stubFor(post(REST + "crm.deal.list")
			.willReturn(okJson(deals(null, deal("9", "F", "700", null, "2024-05-01T12:00:00+03:00")))));

		FetchPage page = connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100));

		assertThat(page.sales()).extracting(ExternalSale::state).containsExactly(ExternalSale.State.CANCELLED);
	}

	@Test
	void anExpiredOrInvalidWebhookIsAnAuthFailureThatDoesNotEchoTheWebhook() {
		portal.stubFor(post(REST + "crm.deal.list").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"INVALID_CREDENTIALS\",\"error_description\":\"Invalid request credentials\"}")));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.AUTH);
				assertThat(ex.getMessage()).contains("INVALID_CREDENTIALS").doesNotContain(SECRET_CODE);
			});
	}

	@Test
	void queryLimitExceededIsRateLimitedWithRetryAfterWhenGiven() {
		portal.stubFor(post(REST + "crm.deal.list").willReturn(aResponse().withStatus(503)
			.withHeader("Retry-After", "2")
			.withBody("{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}")));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(2));
			});
	}

	@Test
	void serverErrorsAndUnreachablePortalsAreUnavailableWithoutTheWebhookInTheMessage() {
		portal.stubFor(post(REST + "crm.deal.list").willReturn(aResponse().withStatus(502).withBody("Bad gateway")));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100)))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE));
		ConnectionSettings unreachable = settings();
		portal.stop();
		assertThatThrownBy(() -> connector.fetch(unreachable, new FetchRequest(FROM, TO, null, 100)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE);
				assertThat(ex.getMessage()).doesNotContain(SECRET_CODE);
				assertThat(ex.getCause()).isNull();
			});
	}

	@Test
	void anHtmlPageOrADealWithoutItsAmountIsMalformed() {
		portal.stubFor(post(REST + "crm.deal.list").withRequestBody(matchingJsonPath("$.start", equalToJson("0")))
			.willReturn(aResponse().withStatus(200).withBody("<html><body>Портал недоступен</body></html>")));
		portal.stubFor(post(REST + "crm.deal.list").withRequestBody(matchingJsonPath("$.start", equalToJson("50")))
			.willReturn(okJson("{\"result\": [{\"ID\": \"5\", \"STAGE_SEMANTIC_ID\": \"S\", "
					+ "\"CLOSEDATE\": \"2024-05-01T12:00:00+03:00\"}], \"total\": 1}")));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 100)))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.MALFORMED));
		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, "50", 100)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.MALFORMED);
				assertThat(ex.getMessage()).contains("OPPORTUNITY");
			});
	}

	@Test
	void aMissingOrMistypedWebhookIsAConfigurationErrorWithoutACall() {
		assertThatThrownBy(() -> connector.fetch(new ConnectionSettings(Map.of(), Map.of()),
				new FetchRequest(FROM, TO, null, 100)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.CONFIG);
				assertThat(ex.getMessage()).contains("webhook_url");
			});
		assertThatThrownBy(() -> connector.check(new ConnectionSettings(Map.of(),
				Map.of("webhook_url", "portal.bitrix24.ru/rest/1/" + SECRET_CODE))))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.CONFIG);
				assertThat(ex.getMessage()).doesNotContain(SECRET_CODE);
			});
		assertThat(portal.getAllServeEvents()).isEmpty();
	}

	@Test
	void checkListsOneDealThroughTheWebhook() {
		portal.stubFor(post(REST + "crm.deal.list").willReturn(okJson("{\"result\": [], \"total\": 0}")));

		connector.check(settings());

		portal.verify(1, postRequestedFor(urlPathEqualTo(REST + "crm.deal.list")));
		portal.stubFor(post(REST + "crm.deal.list").willReturn(aResponse().withStatus(403)
			.withBody("{\"error\":\"insufficient_scope\",\"error_description\":\"The request requires higher "
					+ "privileges than provided by the webhook token\"}")));
		assertThatThrownBy(() -> connector.check(settings()))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.AUTH));
	}

	ConnectionSettings settings() {
		return new ConnectionSettings(Map.of(), Map.of("webhook_url", portal.baseUrl() + REST));
	}

	static String deals(Integer next, String... deals) {
		return "{\"result\": [" + String.join(",", deals) + "]" + (next == null ? "" : ", \"next\": " + next)
				+ ", \"total\": " + deals.length + ", \"time\": {\"start\": 1714550000.1, \"duration\": 0.02}}";
	}

	static String deal(String id, String semantic, String amount, String contactId, String closeDate) {
		return "{\"ID\": \"" + id + "\", \"OPPORTUNITY\": \"" + amount + "\", \"CONTACT_ID\": "
				+ (contactId == null ? "null" : "\"" + contactId + "\"") + ", \"CLOSEDATE\": \"" + closeDate
				+ "\", \"DATE_MODIFY\": \"" + closeDate + "\", \"STAGE_SEMANTIC_ID\": \"" + semantic + "\"}";
	}
}
