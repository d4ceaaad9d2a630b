package io.krug.events.web;

import io.krug.events.internal.Calendars;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Events: calendar", description = "Events as iCalendar (RFC 5545), for \"Add to calendar\" and feeds.")
class CalendarController {

	static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final Calendars calendars;

	CalendarController(Calendars calendars) {
		this.calendars = calendars;
	}

	@GetMapping("/api/v1/events/{id}.ics")
	@PreAuthorize(EventsController.MEMBERS)
	@Operation(summary = "One event as an iCalendar file")
	@ApiResponse(responseCode = "200", description = "text/calendar")
	@ApiResponse(responseCode = "404", description = "event_not_found")
	ResponseEntity<String> event(@PathVariable UUID id) {
		return ics(calendars.event(id), "event-" + id + ".ics");
	}

	@GetMapping("/api/v1/events/calendar.ics")
	@PreAuthorize(EventsController.MEMBERS)
	@Operation(summary = "The caller's feed: every event they hold a seat at")
	@ApiResponse(responseCode = "200", description = "text/calendar")
	@ApiResponse(responseCode = "403", description = "members_only")
	ResponseEntity<String> personal() {
		return ics(calendars.personal(Callers.member()), "krug-events.ics");
	}

	private static ResponseEntity<String> ics(String body, String filename) {
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
			.body(body);
	}
}
