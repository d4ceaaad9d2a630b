package io.krug.notifications.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.krug.identity.MemberStatus;
import io.krug.loyalty.TierChanged;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Telegram channel against a WireMock Bot API shaped after core.telegram.org/bots/api#sendmessage. */
class TelegramChannelTests extends NotificationTest {

	private static final String TOKEN = "123456:ABC-test-token";

	private static final String SEND = "/bot" + TOKEN + "/sendMessage";

	@Autowired
	ProviderSettings providers;

	@Autowired
	PreferenceService preferences;

	private WireMockServer telegram;

	@BeforeEach
	void startTelegram() {
		telegram = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		telegram.start();
	}

	@AfterEach
	void stopTelegram() {
		telegram.stop();
	}

	private UUID memberOnTelegram(Program program, String chatId) {
		TenantContext.run(program.id(), () -> providers.save(program.id().value(), TelegramChannel.PROVIDER,
				new ProviderSettings.Provider(telegram.baseUrl(), TOKEN)));
		UUID member = registered(program);
		TenantContext.run(program.id(), () -> {
			Preferences p = preferences.get(program.id().value(), member);
			preferences.update(program.id().value(), member, new Preferences(p.channels(), p.categories(),
					p.quietHours(), p.timeZone(), p.digest(), p.dailyCap(),
					new Preferences.Addresses(null, List.of(), chatId), p.locale()), "test");
		});
		inProgram(program, () -> {
			events.publishEvent(new TierChanged(program.id(), member, MemberStatus.INSIDER, MemberStatus.ELITE,
					clock.instant()));
			return null;
		});
		return member;
	}

	@Test
	void sendsHighPriorityMessageToTheMembersTelegramChat() {
		telegram.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":true,\"result\":{\"message_id\":42,\"chat\":{\"id\":987654321}}}")));
		Program program = fixtures.program();
		UUID member = memberOnTelegram(program, "987654321");
		deliver(program, clock.instant());

		assertThat(message(program, member, "tier_changed", Channel.TELEGRAM).status()).isEqualTo("sent");
		telegram.verify(1, postRequestedFor(urlEqualTo(SEND)).withRequestBody(equalToJson(
				"{\"chat_id\":\"987654321\",\"text\":\"Новый статус: elite\\nВаш статус изменился: insider → elite.\"}")));
	}

	@Test
	void blockedBotIsAPermanentFailure() {
		telegram.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
		Program program = fixtures.program();
		UUID member = memberOnTelegram(program, "555");
		deliver(program, clock.instant());

		Message failed = message(program, member, "tier_changed", Channel.TELEGRAM);
		assertThat(failed.status()).isEqualTo("failed");
		assertThat(failed.lastError()).isEqualTo("telegram_403: Forbidden: bot was blocked by the user");
		assertThat(failed.attempts()).isEqualTo(1);
	}

	@Test
	void rateLimitedBotIsRetried() {
		telegram.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 5\","
					+ "\"parameters\":{\"retry_after\":5}}")));
		Program program = fixtures.program();
		UUID member = memberOnTelegram(program, "777");
		deliver(program, clock.instant());

		Message retried = message(program, member, "tier_changed", Channel.TELEGRAM);
		assertThat(retried.status()).isEqualTo("queued");
		assertThat(retried.lastError()).startsWith("telegram_429");
	}
}
