package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateRendererTests {

	private final TemplateRenderer renderer = new TemplateRenderer();

	@ParameterizedTest
	@CsvSource({ "1, бонус", "2, бонуса", "4, бонуса", "5, бонусов", "11, бонусов", "12, бонусов", "14, бонусов",
			"21, бонус", "22, бонуса", "25, бонусов", "111, бонусов", "101, бонус", "0, бонусов", "1.5, бонуса" })
	void pluralizesByRussianRules(String n, String expected) {
		assertThat(renderer.render("{{ pluralize(n, 'бонус', 'бонуса', 'бонусов') }}", Map.of("n", n)))
			.isEqualTo(expected);
	}

	@Test
	void formatsDatesAndCurrencyInTheGivenLocaleAndZone() {
		assertThat(renderer.render("{{ format_date(d, 'ru', 'Europe/Moscow') }}",
				Map.of("d", "2026-11-30T22:30:00Z"))).isEqualTo("1 декабря 2026 г.");
		assertThat(renderer.render("{{ format_date(d, 'en', 'UTC') }}", Map.of("d", "2026-11-30")))
			.isEqualTo("November 30, 2026");
		assertThat(renderer.render("{{ format_currency(a, 'RUB', 'ru') }}", Map.of("a", "1500.5")))
			.isEqualTo("1 500,50 ₽");
	}

	@Test
	void rendersAParsedTemplateAgainWithEachCallersVariables() {
		String template = "{% for i in range(n) %}{{ name }}{% if not loop.last %}, {% endif %}{% endfor %}";
		java.util.List<String> rendered = java.util.stream.IntStream.range(0, 200)
			.parallel()
			.mapToObj(i -> renderer.render(template, Map.of("n", i % 3 + 1, "name", "m" + i)))
			.toList();
		for (int i = 0; i < 200; i++) {
			String name = "m" + i;
			assertThat(rendered.get(i)).isEqualTo(String.join(", ", java.util.Collections.nCopies(i % 3 + 1, name)));
		}
		assertThat(renderer.render(template.replace(", ", "; "), Map.of("n", 2, "name", "x")))
			.as("an edited template is its own")
			.isEqualTo("x; x");
	}

	@Test
	void aBrokenTemplateFailsOnEveryRender() {
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> renderer.render("Hello\n{{ name }\n", Map.of("name", "x")))
				.isInstanceOf(TemplateRenderer.TemplateInvalid.class);
			assertThatThrownBy(() -> renderer.render("{{ name.toUpperCase() }}", Map.of("name", "anna")))
				.isInstanceOf(TemplateRenderer.TemplateInvalid.class);
		}
	}

	@Test
	void rejectsMethodCallsOnValues() {
		for (String template : new String[] { "{{ name.getClass() }}", "{{ name.getClass().getName() }}",
				"{{ name.toUpperCase() }}", "{% set c = name.getClass() %}{{ c }}" }) {
			assertThatThrownBy(() -> renderer.render(template, Map.of("name", "anna")))
				.as(template)
				.isInstanceOf(TemplateRenderer.TemplateInvalid.class);
		}
		assertThat(renderer.render("{{ name|upper }}", Map.of("name", "anna"))).isEqualTo("ANNA");
	}

	@Test
	void reportsSyntaxErrorsWithLineAndColumn() {
		assertThatThrownBy(() -> renderer.render("Hello\n{{ name }\n", Map.of("name", "x")))
			.isInstanceOfSatisfying(TemplateRenderer.TemplateInvalid.class, e -> {
				assertThat(e.line()).isEqualTo(2);
				assertThat(e.column()).isPositive();
			});
		assertThatThrownBy(() -> renderer.render("a\nb\n{% if x %}open", Map.of()))
			.isInstanceOfSatisfying(TemplateRenderer.TemplateInvalid.class, e -> assertThat(e.line()).isEqualTo(3));
	}

	@Test
	void whatOneTemplateSetsNeverReachesTheNext() throws Exception {
		assertThat(renderer.render("{% set leaked = 'yes' %}{% macro m() %}macro{% endmacro %}{{ m() }}", Map.of()))
			.isEqualTo("macro");
		assertThat(renderer.render("[{{ leaked }}]", Map.of())).isEqualTo("[]");
		assertThatThrownBy(() -> renderer.render("{{ m() }}", Map.of()))
			.isInstanceOf(TemplateRenderer.TemplateInvalid.class)
			.hasMessageContaining("'m'");
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			var renders = new java.util.ArrayList<java.util.concurrent.Future<String>>();
			for (int i = 0; i < 200; i++) {
				String value = "v" + i;
				renders.add(pool.submit(() -> renderer.render("{% set x = name %}{{ x }}", Map.of("name", value))));
			}
			for (int i = 0; i < 200; i++) {
				assertThat(renders.get(i).get()).isEqualTo("v" + i);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void aTrailingNewlineIsDroppedAsJinjaDoes() {
		assertThat(renderer.render("line\n", Map.of())).isEqualTo("line");
		assertThat(renderer.render("line\n\n", Map.of())).isEqualTo("line\n");
	}
}
