package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TrackingTests extends NotificationTest {

	@Autowired
	ProviderSettings providers;

	private String local(String url) {
		return url.replace("&amp;", "&").replace("http://localhost:8080", "");
	}

	@Test
	void tracksOpensSignedClicksAndSignedBouncesIntoAnalytics() throws Exception {
		Program program = fixtures.program();
		useGreenMail(program);
		String admin = fixtures.adminToken(program);
		assertThat(http.post("/api/v1/admin/templates").bearer(admin).json(Map.of("type", "bonuses_earned",
				"channel", "email", "locale", "ru", "subject", "Бонусы", "text", "Бонусы",
				"html", "<p><a href=\"https://club.example/offer?a=1&amp;b=2\">Предложение</a></p>")).send().status())
			.isEqualTo(201);
		String address = email();
		UUID member = memberWithEmail(program, address);
		earn(program, member, "4");
		deliver(program, clock.instant());
		await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(address).size() == 1);
		String html = part(mailTo(address).getFirst(), "text/html");
		UUID id = message(program, member, "bonuses_earned", Channel.EMAIL).id();

		Matcher pixel = Pattern.compile("<img src=\"([^\"]+open\\.gif[^\"]+)\"").matcher(html);
		assertThat(pixel.find()).as(html).isTrue();
		var opened = http.get(local(pixel.group(1))).send();
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.contentType()).isEqualTo("image/gif");
		assertThat(message(program, member, "bonuses_earned", Channel.EMAIL).status()).isEqualTo("opened");

		Matcher link = Pattern.compile("href=\"([^\"]+/click\\?[^\"]+)\"").matcher(html);
		assertThat(link.find()).isTrue();
		var tampered = http.get(local(link.group(1)).replace("club.example", "evil.example")).send();
		assertThat(tampered.status()).isEqualTo(404);
		var clicked = http.get(local(link.group(1))).send();
		assertThat(clicked.status()).isEqualTo(302);
		assertThat(clicked.header("Location")).hasValue("https://club.example/offer?a=1&b=2");
		assertThat(message(program, member, "bonuses_earned", Channel.EMAIL).status()).isEqualTo("clicked");

		TenantContext.run(program.id(), () -> providers.save(program.id().value(), BounceWebhook.PROVIDER,
				new ProviderSettings.Provider("-", "bounce-secret")));
		byte[] body = ("{\"message_id\":\"" + id + "\",\"type\":\"hard\"}").getBytes(StandardCharsets.UTF_8);
		String path = "/api/v1/notifications/webhooks/bounce/" + program.slug();
		assertThat(http.post(path).header("X-Krug-Signature", BounceWebhook.sign("wrong", body))
			.body("application/json", body).send().status()).isEqualTo(401);
		var bounced = http.post(path).header("X-Krug-Signature", BounceWebhook.sign("bounce-secret", body))
			.body("application/json", body).send();
		assertThat(bounced.json().path("bounced").asBoolean()).isTrue();
		assertThat(history(program, id)).endsWith("sent", "opened", "clicked", "bounced");

		JsonNode report = http.get("/api/v1/admin/notifications/analytics?from=2026-01-01T00:00:00Z"
				+ "&to=2027-01-01T00:00:00Z&channel=email&category=loyalty").bearer(admin).send().json();
		assertThat(report.path("total").asLong()).as("with the badge e-mail, suppressed before the address").isEqualTo(2);
		assertThat(report.path("suppressed").asLong()).isEqualTo(1);
		assertThat(report.path("sent").asLong()).isEqualTo(1);
		assertThat(report.path("opened").asLong()).isEqualTo(1);
		assertThat(report.path("clicked").asLong()).isEqualTo(1);
		assertThat(report.path("bounced").asLong()).isEqualTo(1);
		assertThat(report.path("delivered").asLong()).isZero();
		assertThat(report.path("bounce_rate").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(report.path("delivery_rate").decimalValue()).isEqualByComparingTo("0");
	}
}
