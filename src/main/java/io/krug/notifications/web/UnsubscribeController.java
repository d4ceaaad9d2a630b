package io.krug.notifications.web;

import io.krug.notifications.internal.Unsubscribes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

@RestController
@Tag(name = "Notifications")
class UnsubscribeController {

	private final Unsubscribes unsubscribes;

	UnsubscribeController(Unsubscribes unsubscribes) {
		this.unsubscribes = unsubscribes;
	}

	@PostMapping("/api/v1/notifications/unsubscribe")
	@Operation(summary = "One-click unsubscribe (RFC 8058), public", description = "The token of an e-mail's "
			+ "List-Unsubscribe link: turns off the message's category, or all e-mail. Single use, valid 90 days. "
			+ "Mail providers POST List-Unsubscribe=One-Click here; the body is ignored.")
	@ApiResponse(responseCode = "200", description = "Unsubscribed")
	@ApiResponse(responseCode = "404", description = "unsubscribe_token_invalid: unknown, expired or used")
	Map<String, Object> unsubscribe(@RequestParam String token) {
		Unsubscribes.Unsubscribed done = unsubscribes.use(token);
		return Map.of("unsubscribed", done.category() == null ? "all_email" : done.category());
	}

	@GetMapping(path = "/api/v1/notifications/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The page behind the e-mail's unsubscribe link", description = "A confirmation button "
			+ "that POSTs the token: a GET never unsubscribes, so link scanners cannot unsubscribe anyone.")
	@ApiResponse(responseCode = "200", description = "The page")
	String page(@RequestParam String token) {
		String safe = HtmlUtils.htmlEscape(token);
		return """
				<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Отписка</title></head><body>
				<form method="post" action="/api/v1/notifications/unsubscribe?token=%s">
				<p>Больше не получать эти письма? / Stop these e-mails?</p>
				<button type="submit">Отписаться / Unsubscribe</button></form></body></html>""".formatted(safe);
	}
}
