package io.krug.platform.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** Sending through the configured (log) provider and the HTTP one, and reading the program's message log. */
class SmsTests extends ApiTest {

	@Autowired
	SmsSender sender;

	@Autowired
	SmsMessageLog messageLog;

	@Autowired
	Programs programs;

	Program program;

	Logger smsLogger = (Logger) LoggerFactory.getLogger("io.krug.platform.sms.LogSmsProvider");

	ListAppender<ILoggingEvent> lines = new ListAppender<>();

	@BeforeEach
	void captureTheSmsLog() {
		program = newProgram();
		lines.start();
		smsLogger.addAppender(lines);
	}

	@AfterEach
	void releaseTheSmsLog() {
		smsLogger.detachAppender(lines);
	}

	@Test
	void logProviderWritesTheFullLineAndRecordsTheMessage() {
		clock.set(Instant.parse("2026-11-23T10:15:30Z"));
		SmsReceipt receipt = sender.send(new SmsMessage(program.id(), "+79991234567",
				"Krug code: 123456. Do not share it.", "login_code"));

		assertThat(receipt.sent()).isTrue();
		assertThat(receipt.provider()).isEqualTo("log");
		assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("SMS to +79991234567 [login_code]: Krug code: 123456. Do not share it.");
		SmsMessageView recorded = only(find(null, 50, 0));
		assertThat(recorded.id()).isEqualTo(receipt.id());
		assertThat(recorded.text()).isEqualTo("Krug code: 123456. Do not share it.");
		assertThat(recorded.provider()).isEqualTo("log");
		assertThat(recorded.status()).isEqualTo(SmsStatus.SENT);
		assertThat(recorded.purpose()).isEqualTo("login_code");
		assertThat(recorded.createdAt()).isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));
	}

	@Test
	void httpProviderRecordsLoginCodesMaskedInTheWordingIdentitySends() {
		WireMockServer gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		gateway.start();
		try {
			gateway.stubFor(post("/ok").willReturn(aResponse().withStatus(200)));
			gatewayAt(gateway, "/ok").send(message("+79990000003",
					"Krug: your code is 654321. Valid 5 min. Do not share it."));

			assertThat(only(find("+79990000003", 50, 0)).text()).doesNotContain("654321")
				.isEqualTo("Krug: your code is ***. Valid 5 min. Do not share it.");
		}
		finally {
			gateway.stop();
		}
	}

	@Test
	void httpProviderRecordsTheTextMaskedAndFailuresWithTheirError() {
		WireMockServer gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		gateway.start();
		try {
			gateway.stubFor(post("/ok").willReturn(aResponse().withStatus(200).withBody("{\"id\":\"g-1\"}")));
			gateway.stubFor(post("/bad").willReturn(aResponse().withStatus(400).withBody("bad number")));
			SmsReceipt sent = gatewayAt(gateway, "/ok").send(message("+79990000001", "Krug code: 654321"));
			SmsReceipt failed = gatewayAt(gateway, "/bad").send(message("+79990000002", "Krug code: 111222"));

			assertThat(sent.sent()).isTrue();
			assertThat(sent.providerMessageId()).isEqualTo("g-1");
			assertThat(failed.status()).isEqualTo(SmsStatus.FAILED);
			SmsMessageView ok = only(find("+79990000001", 50, 0));
			SmsMessageView bad = only(find("+79990000002", 50, 0));
			assertThat(ok.text()).isEqualTo("Krug code: ***").doesNotContain("654321");
			assertThat(ok.provider()).isEqualTo("http");
			assertThat(ok.providerMessageId()).isEqualTo("g-1");
			assertThat(bad.status()).isEqualTo(SmsStatus.FAILED);
			assertThat(bad.error()).isEqualTo("HTTP 400: bad number");
			assertThat(bad.text()).doesNotContain("111222");
		}
		finally {
			gateway.stop();
		}
	}

	@Test
	void listsTheProgramsMessagesNewestFirstFilteredAndPaged() {
		for (int i = 1; i <= 5; i++) {
			sender.send(message(i % 2 == 0 ? "+79990000002" : "+79990000001", "Message " + i));
			clock.tick(Duration.ofSeconds(1));
		}
		Program other = newProgram();
		sender.send(new SmsMessage(other.id(), "+79990000001", "Someone else's", "login_code"));

		SmsMessagePage all = find(null, 50, 0);
		SmsMessagePage page = find(null, 2, 1);
		SmsMessagePage toOne = find("+79990000001", 50, 0);

		assertThat(all.total()).isEqualTo(5);
		assertThat(all.messages()).extracting(SmsMessageView::text)
			.containsExactly("Message 5", "Message 4", "Message 3", "Message 2", "Message 1");
		assertThat(page.total()).isEqualTo(5);
		assertThat(page.messages()).extracting(SmsMessageView::text).containsExactly("Message 4", "Message 3");
		assertThat(toOne.total()).isEqualTo(3);
		assertThat(toOne.messages()).extracting(SmsMessageView::text)
			.containsExactly("Message 5", "Message 3", "Message 1");
	}

	private SmsSender gatewayAt(WireMockServer gateway, String path) {
		HttpSmsProperties properties = new HttpSmsProperties("http://localhost:" + gateway.port() + path, "POST",
				Map.of(), "application/json", HttpSmsProviderTests.JSON_TEMPLATE, "Krug", Duration.ofSeconds(5),
				Duration.ofSeconds(15), 1, Duration.ofMillis(1), "/id");
		return new SmsGateway(new HttpSmsProvider(properties, d -> {
		}), messageLog, clock);
	}

	private SmsMessage message(String phone, String text) {
		return new SmsMessage(program.id(), phone, text, "login_code");
	}

	private SmsMessagePage find(String phone, int limit, int offset) {
		return TenantContext.call(program.id(), () -> messageLog.find(phone, limit, offset));
	}

	private static SmsMessageView only(SmsMessagePage page) {
		assertThat(page.messages()).hasSize(1);
		assertThat(page.total()).isEqualTo(1);
		return page.messages().getFirst();
	}

	private Program newProgram() {
		return programs.create("sms-" + UUID.randomUUID().toString().substring(0, 8), "SMS test",
				ZoneId.of("Europe/Moscow"), Currency.getInstance("RUB"), false);
	}
}
