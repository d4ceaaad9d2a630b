package io.krug.integrations.connector.onec;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The 1C connector against a WireMock infobase answering like the standard OData interface. */
class OnecConnectorTests {

	static final String DOCUMENT = "Document_РеализацияТоваровУслуг";

	static final String PATH = "/base/odata/standard.odata/" + URLEncoder.encode(DOCUMENT, StandardCharsets.UTF_8);

	static final Instant FROM = Instant.parse("2024-05-01T09:00:00Z");

	static final Instant TO = Instant.parse("2024-05-01T10:00:00Z");

	WireMockServer infobase;

	OnecConnector connector;

	@BeforeEach
	void start() {
		infobase = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		infobase.start();
		connector = new OnecConnector(RestClient.builder(), Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		infobase.stop();
	}

	@Test
	void readsPostedDocumentsOfTheWindowAsCompletedSales() {
		infobase.stubFor(get(urlPathEqualTo(PATH)).withBasicAuth("Кассир", "s3cret")
			.withQueryParam("$format", equalTo("json"))
			.withQueryParam("$filter",
					equalTo("Date ge datetime'2024-05-01T12:00:00' and Date lt datetime'2024-05-01T13:00:00'"))
			.withQueryParam("$orderby", equalTo("Date"))
			.withQueryParam("$top", equalTo("50"))
			.withQueryParam("$skip", equalTo("0"))
			.withQueryParam("$select", equalTo("Ref_Key,Date,СуммаДокумента,Контрагент/Телефон,Posted,DeletionMark"))
			.withQueryParam("$expand", equalTo("Контрагент"))
			.willReturn(okJson(page(document("0c8e3c1a-0001", "2024-05-01T12:15:00", "1500.5", true, false,
					"+7 (999) 123-45-67"), document("0c8e3c1a-0002", "2024-05-01T12:40:10", "99", true, false, "")))));

		FetchPage page = connector.fetch(settings(), new FetchRequest(FROM, TO, null, 50));

		assertThat(page.sales()).containsExactly(
				new ExternalSale("0c8e3c1a-0001", Instant.parse("2024-05-01T09:15:00Z"), "+7 (999) 123-45-67", null,
						new BigDecimal("1500.50"), null, null, ExternalSale.State.COMPLETED),
				new ExternalSale("0c8e3c1a-0002", Instant.parse("2024-05-01T09:40:10Z"), null, null,
						new BigDecimal("99.00"), null, null, ExternalSale.State.COMPLETED));
		assertThat(page.nextCursor()).isNull();
	}

	@Test
	void readsAFlatPhoneFieldWithoutExpanding() {
		infobase.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("$select",
				equalTo("Ref_Key,Date,СуммаДокумента,ТелефонКлиента,Posted,DeletionMark"))
			.willReturn(okJson("{\"value\":[{\"Ref_Key\":\"k1\",\"Date\":\"2024-05-01T12:00:00\","
					+ "\"СуммаДокумента\":10,\"ТелефонКлиента\":\"89991234567\",\"Posted\":true,"
					+ "\"DeletionMark\":false}]}")));

		FetchPage page = connector.fetch(settings(Map.of("phone_field", "ТелефонКлиента")),
				new FetchRequest(FROM, TO, null, 50));

		assertThat(page.sales()).extracting(ExternalSale::phone).containsExactly("89991234567");
		assertThat(infobase.findAll(getRequestedFor(urlPathEqualTo(PATH))).getFirst().queryParameter("$expand")
			.isPresent()).isFalse();
	}

	@Test
	void pagesWithSkipUntilAShortPage() {
		infobase.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("$skip", equalTo("0"))
			.willReturn(okJson(page(document("a", "2024-05-01T12:01:00", "1", true, false, null),
					document("b", "2024-05-01T12:02:00", "2", true, false, null)))));
		infobase.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("$skip", equalTo("2"))
			.willReturn(okJson(page(document("c", "2024-05-01T12:03:00", "3", true, false, null)))));

		FetchPage first = connector.fetch(settings(), new FetchRequest(FROM, TO, null, 2));
		FetchPage second = connector.fetch(settings(), new FetchRequest(FROM, TO, first.nextCursor(), 2));

		assertThat(first.sales()).extracting(ExternalSale::externalId).containsExactly("a", "b");
		assertThat(first.nextCursor()).isEqualTo("2");
		assertThat(second.sales()).extracting(ExternalSale::externalId).containsExactly("c");
		assertThat(second.nextCursor()).isNull();
	}

	@Test
	void unpostedOrDeletedDocumentsAreCancelled() {
		infobase.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(page(
				document("unposted", "2024-05-01T12:01:00", "10", false, false, null),
				document("deleted", "2024-05-01T12:02:00", "10", true, true, null)))));

		FetchPage page = connector.fetch(settings(), new FetchRequest(FROM, TO, null, 50));

		assertThat(page.sales()).extracting(ExternalSale::state)
			.containsExactly(ExternalSale.State.CANCELLED, ExternalSale.State.CANCELLED);
	}

	@Test
	void refusedCredentialsAreAnAuthFailure() {
		infobase.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.AUTH));
	}

	@Test
	void tooManyRequestsIsRateLimitedWithTheServersRetryAfter() {
		infobase.stubFor(get(urlPathEqualTo(PATH))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(30));
			});
	}

	@Test
	void serverErrorsAndUnreachableInfobasesAreUnavailable() {
		infobase.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)
			.withBody("{\"odata.error\":{\"code\":\"-1\",\"message\":{\"lang\":\"ru\",\"value\":\"Ошибка СУБД\"}}}")));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE);
				assertThat(ex.getMessage()).contains("HTTP 500").contains("Ошибка СУБД");
			});
		ConnectionSettings unreachable = settings();
		infobase.stop();
		assertThatThrownBy(() -> connector.fetch(unreachable, new FetchRequest(FROM, TO, null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE));
	}

	@Test
	void anUnknownDocumentIsAConfigurationError() {
		infobase.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.CONFIG));
	}

	@Test
	void anHtmlPageOrADocumentWithoutItsAmountIsMalformed() {
		infobase.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("$skip", equalTo("0"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
				.withBody("<html><body>Публикация не найдена</body></html>")));
		infobase.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("$skip", equalTo("50"))
			.willReturn(okJson("{\"value\":[{\"Ref_Key\":\"k\",\"Date\":\"2024-05-01T12:00:00\",\"Posted\":true,"
					+ "\"DeletionMark\":false}]}")));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.MALFORMED));
		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, "50", 50)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.MALFORMED);
				assertThat(ex.getMessage()).contains("СуммаДокумента");
			});
	}

	@Test
	void missingSettingsAreAConfigurationErrorWithoutACall() {
		Map<String, String> incomplete = new HashMap<>(plainSettings());
		incomplete.remove("amount_field");

		assertThatThrownBy(() -> connector.fetch(new ConnectionSettings(incomplete, Map.of("password", "s3cret")),
				new FetchRequest(FROM, TO, null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.CONFIG);
				assertThat(ex.getMessage()).contains("amount_field");
			});
		assertThatThrownBy(() -> connector.check(new ConnectionSettings(plainSettings(), Map.of())))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.getMessage()).contains("password"));
		assertThat(infobase.getAllServeEvents()).isEmpty();
	}

	@Test
	void checkReadsOneDocumentWithTheCredentials() {
		infobase.stubFor(get(urlPathEqualTo(PATH)).withBasicAuth("Кассир", "s3cret")
			.withQueryParam("$top", equalTo("1"))
			.willReturn(okJson("{\"odata.metadata\":\"x\",\"value\":[]}")));

		connector.check(settings());

		infobase.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("$select", equalTo("Ref_Key")));
		infobase.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(403)));
		assertThatThrownBy(() -> connector.check(settings()))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.AUTH));
	}

	ConnectionSettings settings() {
		return settings(Map.of());
	}

	ConnectionSettings settings(Map<String, String> overrides) {
		Map<String, String> plain = new HashMap<>(plainSettings());
		plain.putAll(overrides);
		return new ConnectionSettings(plain, Map.of("password", "s3cret"));
	}

	Map<String, String> plainSettings() {
		return Map.of("base_url", infobase.baseUrl() + "/base", "username", "Кассир", "document", DOCUMENT,
				"amount_field", "СуммаДокумента", "phone_field", "Контрагент/Телефон");
	}

	static String page(String... documents) {
		return "{\"odata.metadata\":\"http://host/base/odata/standard.odata/$metadata#" + DOCUMENT
				+ "\",\"value\":[" + String.join(",", documents) + "]}";
	}

	static String document(String key, String date, String amount, boolean posted, boolean deleted,
			String phone) {
		String counterparty = phone == null ? "" : ",\"Контрагент\":{\"Телефон\":\"" + phone + "\"}";
		return "{\"Ref_Key\":\"" + key + "\",\"Date\":\"" + date + "\",\"СуммаДокумента\":" + amount + ",\"Posted\":"
				+ posted + ",\"DeletionMark\":" + deleted + counterparty + "}";
	}
}
