package io.krug.notifications.web;

import io.krug.notifications.NotificationsError;
import io.krug.notifications.internal.BounceWebhook;
import io.krug.notifications.internal.Tracking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notification tracking", description = "Public endpoints of e-mail open and click tracking and of the "
		+ "mail provider's bounce reports.")
class TrackingController {

	private static final byte[] PIXEL = Base64.getDecoder()
		.decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

	private final Tracking tracking;

	private final BounceWebhook bounces;

	TrackingController(Tracking tracking, BounceWebhook bounces) {
		this.tracking = tracking;
		this.bounces = bounces;
	}

	@GetMapping("/api/v1/notifications/t/{id}/open.gif")
	@Operation(summary = "Open-tracking pixel", description = "Always a 1×1 GIF; records the open when signed.")
	@ApiResponse(responseCode = "200", description = "The pixel")
	ResponseEntity<byte[]> open(@PathVariable UUID id, @RequestParam String sig) {
		tracking.opened(id, sig);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(CacheControl.noStore()).body(PIXEL);
	}

	@GetMapping("/api/v1/notifications/t/{id}/click")
	@Operation(summary = "Click-tracking redirect", description = "Records the click and redirects to url, only "
			+ "when sig is the link's signature (no open redirect).")
	@ApiResponse(responseCode = "302", description = "To the link's target")
	@ApiResponse(responseCode = "404", description = "tracking_signature_invalid")
	ResponseEntity<Void> click(@PathVariable UUID id, @RequestParam String url, @RequestParam String sig) {
		if (!tracking.clicked(id, url, sig)) {
			throw NotificationsError.TRACKING_SIGNATURE_INVALID.exception("This link is not valid.");
		}
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url)).build();
	}

	@PostMapping("/api/v1/notifications/webhooks/bounce/{program}")
	@Operation(summary = "Bounce report of the program's mail provider", description = "Body {\"message_id\": …, "
			+ "\"type\": \"hard\"|\"soft\"}, header X-Krug-Signature: sha256=<hex HMAC-SHA256 of the body> under the "
			+ "program's bounce-webhook secret.")
	@ApiResponse(responseCode = "200", description = "Recorded (bounced: false when the message was not sent)")
	@ApiResponse(responseCode = "401", description = "webhook_signature_invalid")
	Map<String, Object> bounce(@PathVariable String program, @RequestBody byte[] body,
			@RequestHeader(name = "X-Krug-Signature", defaultValue = "") String signature) {
		return Map.of("bounced", bounces.receive(program, body, signature));
	}
}
