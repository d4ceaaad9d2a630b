package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TemplatesApiTests extends NotificationTest {

	private static final String PATH = "/api/v1/admin/templates";

	@Test
	void rejectsInvalidTemplateWithLineAndColumn() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		var response = http.post(PATH).bearer(admin).json(Map.of("type", "bonuses_earned", "channel", "email",
				"locale", "ru", "subject", "ok", "text", "Привет\n{% if amount %}много")).send();
		assertThat(response.status()).isEqualTo(422);
		JsonNode problem = response.json();
		assertThat(problem.path("code").asString()).isEqualTo("template_invalid");
		assertThat(problem.path("line").asInt()).isEqualTo(2);
		assertThat(problem.path("column").asInt()).isPositive();
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("text");

		var methodCall = http.post(PATH).bearer(admin).json(Map.of("type", "welcome", "channel", "in_app", "locale",
				"ru", "text", "{{ first_name.getClass() }}")).send();
		assertThat(methodCall.json().path("code").asString()).isEqualTo("template_invalid");
		assertThat(http.post(PATH).bearer(fixtures.memberToken(program)).json(Map.of("type", "welcome", "channel",
				"in_app", "locale", "ru", "text", "hi")).send().status())
			.isEqualTo(403);
	}

	@Test
	void publishesVersionsPreviewsAndUsesTheProgramsTemplate() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		var created = http.post(PATH).bearer(admin).json(Map.of("type", "bonuses_earned", "channel", "in_app",
				"locale", "ru", "subject", "Бонусы: {{ amount }}", "text", "v1 {{ first_name }}")).send();
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().path("template").path("id").asString();
		assertThat(created.json().path("template").path("version").asInt()).isEqualTo(1);
		assertThat(http.post(PATH).bearer(admin).json(Map.of("type", "bonuses_earned", "channel", "in_app",
				"locale", "ru", "text", "dup")).send().json().path("code").asString()).isEqualTo("template_exists");

		var published = http.put(PATH + "/" + id).bearer(admin).json(Map.of("subject",
				"+{{ amount }} {{ pluralize(amount, 'бонус', 'бонуса', 'бонусов') }}", "text", "v2 {{ first_name }}"))
			.send();
		assertThat(published.status()).isEqualTo(200);
		assertThat(published.json().path("template").path("version").asInt()).isEqualTo(2);
		assertThat(published.json().path("versions")).hasSize(2);
		assertThat(published.json().path("versions").get(1).path("text").asString()).isEqualTo("v1 {{ first_name }}");

		JsonNode preview = http.post(PATH + "/" + id + "/preview").bearer(admin)
			.json(Map.of("variables", Map.of("amount", "22")))
			.send()
			.json();
		assertThat(preview.path("subject").asString()).isEqualTo("+22 бонуса");
		assertThat(preview.path("text").asString()).isEqualTo("v2 Анна");

		UUID member = registered(program);
		earn(program, member, "5");
		Message message = message(program, member, "bonuses_earned", Channel.IN_APP);
		assertThat(message.subject()).isEqualTo("+5 бонусов");
		assertThat(message.bodyText()).isEqualTo("v2 Анна");

		assertThat(http.get(PATH).bearer(admin).send().json().path("total").asLong()).isEqualTo(1);
		assertThat(http.delete(PATH + "/" + id).bearer(admin).send().status()).isEqualTo(204);
		assertThat(http.get(PATH + "/" + id).bearer(admin).send().status()).isEqualTo(404);
	}

	@Test
	void fallsBackToEnglishForALocaleWithoutTemplates() {
		Program program = fixtures.program();
		UUID member = registered(program);
		TenantContext.run(program.id(),
				() -> contacts.save(program.id().value(), member, new Contacts.Contact(null, "de")));
		earn(program, member, "1");
		Message message = message(program, member, "bonuses_earned", Channel.IN_APP);
		assertThat(message.locale()).isEqualTo("en");
		assertThat(message.subject()).isEqualTo("+1 bonus");
	}
}
