package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class DefaultTemplatesTests {

	private static final Set<String> TRIGGERS = Set.of("welcome", "bonuses_earned", "tier_changed", "badge_awarded",
			"bonuses_expired", "bonuses_expiring", "event_registration_confirmed", "event_promoted_from_waitlist",
			"event_reminder", "event_proposal_approved", "coupon_expiring", "access_token_expiring",
			"currency_balance_low", "referral_rewarded", "integration_failing");

	private final TemplateRenderer renderer = new TemplateRenderer();

	private static List<Template> defaults() throws Exception {
		try (InputStream in = new ClassPathResource("notifications/default-templates.json").getInputStream()) {
			return JsonMapper.builder().build().readValue(in, new TypeReference<List<Template>>() {
			});
		}
	}

	private String render(String type, String channel, String locale, String part, Map<String, Object> overrides)
			throws Exception {
		Template t = defaults().stream()
			.filter(d -> d.type().equals(type) && d.channel().equals(channel) && d.locale().equals(locale))
			.findFirst()
			.orElseThrow();
		Map<String, Object> variables = new HashMap<>(TemplateAdmin.SAMPLE);
		variables.putAll(overrides);
		return renderer.render(part.equals("subject") ? t.subject() : part.equals("html") ? t.html() : t.text(),
				variables);
	}

	@Test
	void everyTriggerHasRussianAndEnglishEmailTemplates() throws Exception {
		Map<String, Set<String>> locales = defaults().stream()
			.filter(t -> t.channel().equals("email"))
			.collect(Collectors.groupingBy(Template::type, Collectors.mapping(Template::locale, Collectors.toSet())));
		for (String trigger : TRIGGERS) {
			assertThat(locales.get(trigger)).as(trigger).containsExactlyInAnyOrder("ru", "en");
		}
	}

	@Test
	void everyDefaultTemplateRendersWithTheSampleData() throws Exception {
		for (Template t : defaults()) {
			Map<String, Object> variables = new HashMap<>(TemplateAdmin.SAMPLE);
			variables.put("items", List.of(Map.of("subject", "s", "text", "t")));
			variables.put("count", 1);
			for (String part : new String[] { t.subject(), t.text(), t.html() }) {
				if (part != null) {
					assertThat(renderer.render(part, variables)).as(t.type() + "/" + t.channel() + "/" + t.locale())
						.isNotBlank()
						.doesNotContain("{{", "{%", "..", " .");
				}
			}
		}
	}

	@Test
	void expiringBonusesUseRussianPluralForms() throws Exception {
		assertThat(render("bonuses_expiring", "email", "ru", "subject", Map.of("amount", "21")))
			.isEqualTo("21 бонус сгорит 23 декабря 2026 г.");
		assertThat(render("bonuses_expiring", "email", "ru", "subject", Map.of("amount", "3")))
			.isEqualTo("3 бонуса сгорят 23 декабря 2026 г.");
		assertThat(render("bonuses_expiring", "email", "ru", "text", Map.of("amount", "150", "days_left", 7)))
			.contains("сгорят 150 бонусов", "Осталось 7 дней");
		assertThat(render("bonuses_expiring", "email", "ru", "text", Map.of("amount", "1", "days_left", 21)))
			.contains("сгорит 1 бонус", "Остался 21 день");
		assertThat(render("bonuses_expiring", "email", "en", "text", Map.of("amount", "21", "days_left", 1)))
			.contains("21 bonuses expire on December 23, 2026, in 1 day");
	}

	@Test
	void eventMessagesGiveTheLocalTimeAndEscapeTitlesInHtml() throws Exception {
		assertThat(render("event_reminder", "in_app", "ru", "text", Map.of()))
			.isEqualTo("30 ноября 2026 г. в 19:00, Москва, Садовая, 1. Билет с QR-кодом — в разделе событий.");
		assertThat(render("event_registration_confirmed", "email", "en", "html",
				Map.of("event_title", "<script>x</script>")))
			.contains("&lt;script&gt;")
			.doesNotContain("<script>");
		assertThat(render("integration_failing", "email", "ru", "text", Map.of("consecutive_failures", 3)))
			.contains("не удалась 3 раза подряд");
	}
}
