package io.krug.integrations.connector.renovatio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The Renovatio connector against a WireMock МИС answering like Renovatio's public API. */
class RenovatioConnectorTests {

	static final String API_KEY = "3971c1a15e8449ef";

	static final String HASH_KEY = "clinic-hash-key";

	/** HMAC-SHA256 of "+79991234567" keyed with {@link #HASH_KEY}, computed outside Java (Python's hmac). */
	static final String HASH_OF_79991234567 = "e75ac7b9e3ffb9d0e0d55342a123dcf98b06acf72d3c6b5a5cf636321cabb663";

	static final String APPOINTMENTS = "/api/public/getAppointments";

	static final Instant FROM = Instant.parse("2024-05-01T09:00:00Z");

	static final Instant TO = Instant.parse("2024-05-01T10:00:00Z");

	/** What the stub's answers say about treatment; none of it may leave the connector. */
	static final List<String> MEDICAL_SECRETS = List.of("Удаление невуса", "Гистологическое исследование",
			"Иванова Мария Петровна", "Дерматолог", "D22.5", "Меланоформный невус", "Петров Пётр Петрович",
			"9991234567", "Жалобы на");

	WireMockServer mis;

	RenovatioConnector connector;

	@BeforeEach
	void start() {
		mis = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		mis.start();
		connector = new RenovatioConnector(RestClient.builder(), Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		mis.stop();
	}

	@Test
	void readsCompletedVisitsOfTheWindowAsDateAmountAndHashedPhone() {
		mis.stubFor(post(APPOINTMENTS).withFormParam("api_key", equalTo(API_KEY))
			.withFormParam("date_from", equalTo("01.05.2024"))
			.withFormParam("date_to", equalTo("01.05.2024"))
			.withFormParam("show_patient_data", equalTo("1"))
			.withFormParam("clinic_id", equalTo("3"))
			.willReturn(okJson(envelope(visit("501", "completed", "01.05.2024 12:30", "8 (999) 123-45-67"),
					visit("502", "upcoming", "01.05.2024 12:45", "+79991234567"),
					visit("503", "completed", "01.05.2024 15:00", "+79991234567")))));

		FetchPage page = connector.fetch(settings(Map.of("clinic_id", "3")), new FetchRequest(FROM, TO, null, 50));

		assertThat(page.sales()).containsExactly(new ExternalSale("501", Instant.parse("2024-05-01T09:30:00Z"), null,
				HASH_OF_79991234567, new BigDecimal("4100.00"), null, "medical", ExternalSale.State.COMPLETED));
		assertThat(page.nextCursor()).isNull();
	}

	@Test
	void noServiceDoctorDiagnosisOrPatientDataLeavesTheConnector() {
		mis.stubFor(post(APPOINTMENTS).willReturn(okJson(envelope(
				visit("501", "completed", "01.05.2024 12:30", "+7 999 123-45-67"),
				visit("504", "refused", "01.05.2024 12:50", "+79991234567")))));

		FetchPage page = connector.fetch(settings(), new FetchRequest(FROM, TO, null, 50));

		assertThat(page.sales()).hasSize(2).allSatisfy(sale -> {
			assertThat(sale.phone()).isNull();
			assertThat(sale.description()).isNull();
			assertThat(sale.toString()).doesNotContain(MEDICAL_SECRETS);
		});
	}

	@Test
	void walksTheWindowDayByDayInSlicesOfThePageSize() {
		mis.stubFor(post(APPOINTMENTS).withFormParam("date_from", equalTo("01.05.2024"))
			.willReturn(okJson(envelope(visit("1", "completed", "01.05.2024 09:00", "+79991234567"),
					visit("2", "completed", "01.05.2024 10:00", "+79991234567"),
					visit("3", "completed", "01.05.2024 11:00", "+79991234567")))));
		mis.stubFor(post(APPOINTMENTS).withFormParam("date_from", equalTo("02.05.2024"))
			.willReturn(okJson(envelope(visit("4", "completed", "02.05.2024 09:00", "+79991234567")))));
		Instant from = Instant.parse("2024-04-30T21:00:00Z");
		Instant to = Instant.parse("2024-05-02T21:00:00Z");

		FetchPage first = connector.fetch(settings(), new FetchRequest(from, to, null, 2));
		FetchPage second = connector.fetch(settings(), new FetchRequest(from, to, first.nextCursor(), 2));
		FetchPage third = connector.fetch(settings(), new FetchRequest(from, to, second.nextCursor(), 2));

		assertThat(first.sales()).extracting(ExternalSale::externalId).containsExactly("1", "2");
		assertThat(second.sales()).extracting(ExternalSale::externalId).containsExactly("3");
		assertThat(third.sales()).extracting(ExternalSale::externalId).containsExactly("4");
		assertThat(third.nextCursor()).isNull();
	}

	@Test
	void refusedAndCancelledVisitsAreCancelledAndUnparseablePhonesHaveNoHash() {
		mis.stubFor(post(APPOINTMENTS).willReturn(okJson(envelope(
				visit("7", "refused", "01.05.2024 12:10", "+79991234567"),
				visit("8", "canceled", "01.05.2024 12:20", "не указан")))));

		FetchPage page = connector.fetch(settings(), new FetchRequest(FROM, TO, null, 50));

		assertThat(page.sales()).extracting(ExternalSale::state)
			.containsExactly(ExternalSale.State.CANCELLED, ExternalSale.State.CANCELLED);
		assertThat(page.sales()).extracting(ExternalSale::phoneHash).containsExactly(HASH_OF_79991234567, null);
	}

	@Test
	void aRefusedApiKeyIsAnAuthFailure() {
		mis.stubFor(post(APPOINTMENTS).willReturn(okJson("{\"error\": 1, \"data\": {\"code\": 401, "
				+ "\"desc\": \"Неверный api_key\"}}")));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.AUTH);
				assertThat(ex.getMessage()).contains("Неверный api_key").doesNotContain(API_KEY);
			});
		mis.stubFor(post(APPOINTMENTS).willReturn(aResponse().withStatus(403)));
		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.AUTH));
	}

	@Test
	void tooManyRequestsIsRateLimitedWithTheServersRetryAfter() {
		mis.stubFor(post(APPOINTMENTS).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofMinutes(1));
			});
	}

	@Test
	void serverErrorsAndUnreachableSystemsAreUnavailable() {
		mis.stubFor(post(APPOINTMENTS).willReturn(aResponse().withStatus(503)));

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE));
		ConnectionSettings unreachable = settings();
		mis.stop();
		assertThatThrownBy(() -> connector.fetch(unreachable, new FetchRequest(FROM, TO, null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE));
	}

	@Test
	void anHtmlPageOrAVisitWithoutItsStartIsMalformed() {
		mis.stubFor(post(APPOINTMENTS).withFormParam("date_from", equalTo("01.05.2024"))
			.willReturn(aResponse().withStatus(200).withBody("<html><body>Технические работы</body></html>")));
		mis.stubFor(post(APPOINTMENTS).withFormParam("date_from", equalTo("02.05.2024"))
			.willReturn(okJson("{\"error\": 0, \"data\": [{\"id\": 9, \"status\": \"completed\", "
					+ "\"patient_phone\": \"+79991234567\", \"services\": []}]}")));
		Instant nextDay = Instant.parse("2024-05-02T09:00:00Z");

		assertThatThrownBy(() -> connector.fetch(settings(), new FetchRequest(FROM, TO, null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.MALFORMED));
		assertThatThrownBy(() -> connector.fetch(settings(),
				new FetchRequest(nextDay, nextDay.plus(Duration.ofHours(1)), null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.MALFORMED);
				assertThat(ex.getMessage()).contains("time_start");
			});
	}

	@Test
	void missingSecretsAreAConfigurationErrorWithoutACall() {
		assertThatThrownBy(() -> connector.fetch(
				new ConnectionSettings(Map.of("base_url", mis.baseUrl() + "/api/public"), Map.of("api_key", API_KEY)),
				new FetchRequest(FROM, TO, null, 50)))
			.isInstanceOfSatisfying(ConnectorException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.CONFIG);
				assertThat(ex.getMessage()).contains("phone_hash_key");
			});
		assertThatThrownBy(() -> connector.check(new ConnectionSettings(
				Map.of("base_url", mis.baseUrl() + "/api/public"), Map.of("phone_hash_key", HASH_KEY))))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.getMessage()).contains("api_key"));
		assertThat(mis.getAllServeEvents()).isEmpty();
	}

	@Test
	void checkListsTheClinicsWithTheApiKey() {
		mis.stubFor(post("/api/public/getClinics").withFormParam("api_key", equalTo(API_KEY))
			.willReturn(okJson("{\"error\": 0, \"data\": [{\"id\": 3, \"title\": \"Клиника на Ленина\"}]}")));

		connector.check(settings());

		mis.verify(1, postRequestedFor(urlPathEqualTo("/api/public/getClinics")));
		mis.stubFor(post("/api/public/getClinics")
			.willReturn(okJson("{\"error\": 1, \"data\": {\"code\": 403, \"desc\": \"Доступ запрещён\"}}")));
		assertThatThrownBy(() -> connector.check(settings()))
			.isInstanceOfSatisfying(ConnectorException.class,
					ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.AUTH));
	}

	ConnectionSettings settings() {
		return settings(Map.of());
	}

	ConnectionSettings settings(Map<String, String> overrides) {
		Map<String, String> plain = new HashMap<>(Map.of("base_url", mis.baseUrl() + "/api/public", "category",
				"medical"));
		plain.putAll(overrides);
		return new ConnectionSettings(plain, Map.of("api_key", API_KEY, "phone_hash_key", HASH_KEY));
	}

	static String envelope(String... visits) {
		return "{\"error\": 0, \"data\": [" + String.join(",", visits) + "]}";
	}

	/** A visit as getAppointments with show_patient_data=1 answers it, medical details included. */
	static String visit(String id, String status, String start, String phone) {
		return """
				{"id": %s, "clinic_id": 3, "doctor_id": 12, "doctor": "Иванова Мария Петровна",
				 "profession": "Дерматолог", "patient_id": 880, "patient_name": "Петров Пётр Петрович",
				 "patient_phone": "%s", "patient_birth_date": "01.02.1980", "time_start": "%s", "time_end": "%s",
				 "status": "%s", "is_first": 1, "type": "Первичный прием", "diagnosis": "D22.5 Меланоформный невус",
				 "comment": "Жалобы на изменение родинки",
				 "services": [{"id": 41, "title": "Удаление невуса", "price": "2500.00", "count": "1"},
				  {"id": 42, "title": "Гистологическое исследование", "price": 800, "count": 2}]}"""
			.formatted(id, phone, start, start, status);
	}
}
