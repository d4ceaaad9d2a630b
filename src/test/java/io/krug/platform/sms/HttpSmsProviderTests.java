package io.krug.platform.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.krug.platform.tenancy.ProgramId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP gateway adapter against a WireMock gateway. */
class HttpSmsProviderTests {

	static final String JSON_TEMPLATE = "{\"to\":\"{{phone}}\",\"text\":\"{{text}}\",\"from\":\"{{sender}}\"}";

	static final SmsMessage MESSAGE = new SmsMessage(new ProgramId(UUID.randomUUID()), "+79991234567",
			"Krug code: 123456.\nSay \"hi\" \\ Привет", "login_code");

	WireMockServer gateway;

	final List<Duration> sleeps = new ArrayList<>();

	@BeforeEach
	void startGateway() {
		gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		gateway.start();
	}

	@AfterEach
	void stopGateway() {
		gateway.stop();
	}

	@Test
	void rendersTheJsonBodyWithEscapedValuesAndSendsTheConfiguredHeaders() {
		gateway.stubFor(post("/sms").willReturn(aResponse().withStatus(200)));

		SmsProvider.Delivery delivery = provider(json(null)).deliver(MESSAGE);

		assertThat(delivery.sent()).isTrue();
		gateway.verify(postRequestedFor(urlPathEqualTo("/sms")).withHeader("Authorization", equalTo("Bearer s3cret"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"to\":\"+79991234567\",\"text\":\"Krug code: 123456.\\nSay \\\"hi\\\" "
					+ "\\\\ Привет\",\"from\":\"KrugClub\"}")));
	}

	@Test
	void urlEncodesValuesOfFormBodies() {
		gateway.stubFor(post("/sms").willReturn(aResponse().withStatus(200)));
		HttpSmsProperties form = properties("/sms", "POST", "application/x-www-form-urlencoded",
				"to={{phone}}&msg={{text}}&from={{sender}}", 3, Duration.ofSeconds(5), null);

		provider(form).deliver(new SmsMessage(MESSAGE.program(), "+79991234567", "a&b=c d", "login_code"));

		gateway.verify(postRequestedFor(urlPathEqualTo("/sms"))
			.withRequestBody(equalTo("to=%2B79991234567&msg=a%26b%3Dc+d&from=KrugClub")));
	}

	@Test
	void putsPlaceholdersOfGetGatewaysIntoTheUrl() {
		gateway.stubFor(get(urlPathEqualTo("/send")).willReturn(aResponse().withStatus(200)));
		HttpSmsProperties getStyle = properties("/send?to={{phone}}&msg={{text}}", "GET", "application/json",
				JSON_TEMPLATE, 3, Duration.ofSeconds(5), null);

		assertThat(provider(getStyle).deliver(MESSAGE).sent()).isTrue();

		gateway.verify(getRequestedFor(urlPathEqualTo("/send")).withQueryParam("to", equalTo("+79991234567"))
			.withQueryParam("msg", equalTo(MESSAGE.text())));
	}

	@Test
	void retriesAfterServiceUnavailableThenSucceedsWithTheMessageId() {
		gateway.stubFor(post("/sms").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("second"));
		gateway.stubFor(post("/sms").inScenario("flaky").whenScenarioStateIs("second")
			.willReturn(aResponse().withStatus(429))
			.willSetStateTo("up"));
		gateway.stubFor(post("/sms").inScenario("flaky").whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"data\":{\"id\":\"msg-8841\",\"status\":\"queued\"}}")));

		SmsProvider.Delivery delivery = provider(json("/data/id")).deliver(MESSAGE);

		assertThat(delivery.sent()).isTrue();
		assertThat(delivery.providerMessageId()).isEqualTo("msg-8841");
		gateway.verify(3, postRequestedFor(urlPathEqualTo("/sms")));
		assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
	}

	@Test
	void retriesTimeoutsThenFails() {
		gateway.stubFor(post("/sms").willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));
		HttpSmsProperties slow = properties("/sms", "POST", "application/json", JSON_TEMPLATE, 3,
				Duration.ofMillis(200), null);

		SmsProvider.Delivery delivery = provider(slow).deliver(MESSAGE);

		assertThat(delivery.sent()).isFalse();
		assertThat(delivery.error()).startsWith("I/O error: HttpTimeoutException");
		gateway.verify(3, postRequestedFor(urlPathEqualTo("/sms")));
		assertThat(sleeps).hasSize(2);
	}

	@Test
	void failsAtOnceOnAClientErrorWithTheGatewaysReasonMasked() {
		gateway.stubFor(post("/sms").willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":\"invalid text: Krug code: 123456\"}")));

		SmsProvider.Delivery delivery = provider(json(null)).deliver(MESSAGE);

		assertThat(delivery.sent()).isFalse();
		assertThat(delivery.error()).startsWith("HTTP 400:").contains("code: ***").doesNotContain("123456");
		gateway.verify(1, postRequestedFor(urlPathEqualTo("/sms")));
		assertThat(sleeps).isEmpty();
	}

	@Test
	void retriesWhenTheGatewayCannotBeReached() {
		HttpSmsProperties unreachable = properties("/sms", "POST", "application/json", JSON_TEMPLATE, 2,
				Duration.ofSeconds(1), null);
		HttpSmsProvider provider = provider(unreachable);
		gateway.stop();

		SmsProvider.Delivery delivery = provider.deliver(MESSAGE);

		assertThat(delivery.sent()).isFalse();
		assertThat(delivery.error()).startsWith("I/O error:");
		assertThat(sleeps).containsExactly(Duration.ofMillis(100));
	}

	private HttpSmsProvider provider(HttpSmsProperties properties) {
		return new HttpSmsProvider(properties, sleeps::add);
	}

	private HttpSmsProperties json(String messageIdPointer) {
		return properties("/sms", "POST", "application/json", JSON_TEMPLATE, 3, Duration.ofSeconds(5),
				messageIdPointer);
	}

	private HttpSmsProperties properties(String path, String method, String contentType, String template,
			int maxAttempts, Duration readTimeout, String messageIdPointer) {
		return new HttpSmsProperties("http://localhost:" + gateway.port() + path, method,
				Map.of("Authorization", "Bearer s3cret"), contentType, template, "KrugClub", Duration.ofSeconds(1),
				readTimeout, maxAttempts, Duration.ofMillis(100), messageIdPointer);
	}
}
