package io.krug.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.Http;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The .ics files parse with ical4j and carry what the event says, escaped and folded. */
class CalendarTests extends EventsTest {

	static final String TRICKY_TITLE = "Вино, сыр; и \\ немного поэзии";

	static final String LONG_DESCRIPTION = "Дегустация пяти вин от сомелье Марии Петровой, с сырами из Лисичкино; "
			+ "после — разговор о том, как выбирать вино к ужину.\nВторая строка: приходите с подругой, "
			+ "места ограничены!";

	Calendar parse(Http.Response response) throws Exception {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/calendar");
		String body = response.body();
		for (String line : body.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(body).endsWith("END:VCALENDAR\r\n");
		return new CalendarBuilder().build(new StringReader(body));
	}

	static String value(Component component, String property) {
		return component.getProperty(property).map(Property::getValue).orElseThrow();
	}

	@Test
	void anEventIsAValidICalendarFileWithUtcTimesAndEscapedFoldedTexts() throws Exception {
		UUID business = business("Лисичкино");
		LocalDateTime starts = LocalDateTime.of(2031, 12, 5, 19, 0);
		Map<String, Object> body = eventBody(TRICKY_TITLE, 20);
		body.put("starts_at", starts.toString());
		body.put("ends_at", starts.plusHours(3).toString());
		body.put("business_id", business);
		body.put("location_address", "ул. Примерная, 10");
		body.put("full_description", LONG_DESCRIPTION);
		UUID event = createEvent(body);

		Calendar calendar = parse(http.get("/api/v1/events/" + event + ".ics").bearer(member().token()).send());

		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		assertThat(events).hasSize(1);
		VEvent vevent = events.getFirst();
		assertThat(value(vevent, Property.UID)).isEqualTo(event + "@events.krug");
		assertThat(value(vevent, Property.DTSTART)).isEqualTo("20311205T160000Z");
		assertThat(value(vevent, Property.DTEND)).isEqualTo("20311205T190000Z");
		Temporal start = vevent.getDateTimeStart().getDate();
		assertThat(Instant.from(start)).isEqualTo(Instant.parse("2031-12-05T16:00:00Z"));
		assertThat(value(vevent, Property.DTSTAMP)).matches("\\d{8}T\\d{6}Z");
		assertThat(value(vevent, Property.SUMMARY)).isEqualTo(TRICKY_TITLE);
		assertThat(value(vevent, Property.LOCATION)).isEqualTo("Лисичкино, ул. Примерная, 10");
		assertThat(value(vevent, Property.DESCRIPTION)).isEqualTo(LONG_DESCRIPTION);
		assertThat(calendar.getProperty(Property.VERSION).map(Property::getValue)).contains("2.0");
		assertThat(calendar.getProperty(Property.PRODID)).isPresent();
	}

	@Test
	void thePersonalFeedHoldsTheMembersConfirmedEventsOnly() throws Exception {
		Member member = member();
		UUID seated = createEvent(eventBody("Есть место", 5));
		UUID full = createEvent(eventBody("Нет мест", 1));
		UUID left = createEvent(eventBody("Передумала", 5));
		createEvent(eventBody("Не записана", 5));
		register(member(), full);
		register(member, seated);
		register(member, full);
		register(member, left);
		cancel(member, left);

		Calendar feed = parse(http.get("/api/v1/events/calendar.ics").bearer(member.token()).send());

		List<VEvent> events = feed.getComponents(Component.VEVENT);
		assertThat(events).extracting(e -> value(e, Property.UID)).containsExactly(seated + "@events.krug");
		assertThat(http.get("/api/v1/events/calendar.ics").bearer(admin).send().status()).isEqualTo(403);
		assertThat(http.get("/api/v1/events/calendar.ics").send().status()).isEqualTo(401);
	}
}
