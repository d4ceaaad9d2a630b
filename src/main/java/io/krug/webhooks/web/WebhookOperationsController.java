package io.krug.webhooks.web;

import io.krug.identity.KrugPrincipal;
import io.krug.webhooks.internal.Attempt;
import io.krug.webhooks.internal.Message;
import io.krug.webhooks.internal.WebhookPage;
import io.krug.webhooks.internal.WebhookOperations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/webhooks/{id}")
@Tag(name = "Webhooks")
class WebhookOperationsController {

	private final WebhookOperations operations;

	WebhookOperationsController(WebhookOperations operations) {
		this.operations = operations;
	}

	@GetMapping("/attempts")
	@PreAuthorize(WebhookController.MANAGE)
	@Operation(summary = "The endpoint's delivery log, latest first", description = "Each attempt with its message, "
			+ "status (succeeded, failed, blocked), response code, duration, the first 1 KB of the answer and the "
			+ "error.")
	@ApiResponse(responseCode = "404", description = "webhook_not_found")
	Views.AttemptList attempts(@PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		WebhookPage<Attempt> page = operations.attempts(KrugPrincipal.require(), id, limit, offset);
		return new Views.AttemptList(page.items().stream().map(Views.AttemptView::of).toList(), page.total());
	}

	@GetMapping("/messages")
	@PreAuthorize(WebhookController.MANAGE)
	@Operation(summary = "The endpoint's messages, latest first", description = "status filters: pending, "
			+ "succeeded, failed (given up).")
	@ApiResponse(responseCode = "404", description = "webhook_not_found")
	Views.MessageList messages(@PathVariable UUID id,
			@RequestParam(required = false) @Pattern(regexp = "pending|succeeded|failed") @Nullable String status,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		WebhookPage<Message> page = operations.messages(KrugPrincipal.require(), id, status, limit, offset);
		return new Views.MessageList(page.items().stream().map(Views.MessageView::of).toList(), page.total());
	}

	@PostMapping("/messages/{messageId}/resend")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize(WebhookController.MANAGE)
	@Operation(summary = "Send a message again now", description = "With the same webhook-id; its attempts count "
			+ "afresh.")
	@ApiResponse(responseCode = "202", description = "Queued")
	@ApiResponse(responseCode = "404", description = "webhook_not_found, message_not_found")
	Views.MessageView resend(@PathVariable UUID id, @PathVariable UUID messageId) {
		return Views.MessageView.of(operations.resend(KrugPrincipal.require(), id, messageId));
	}

	@PostMapping("/recover")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize(WebhookController.MANAGE)
	@Operation(summary = "Queue again every message given up on since a moment",
			description = "After fixing the receiver (and re-enabling the endpoint if delivery disabled it).")
	@ApiResponse(responseCode = "202", description = "Queued")
	@ApiResponse(responseCode = "404", description = "webhook_not_found")
	Views.Queued recover(@PathVariable UUID id, @Valid @RequestBody Views.RecoverRequest body) {
		return new Views.Queued(operations.recover(KrugPrincipal.require(), id, body.since()));
	}

	@PostMapping("/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize(WebhookController.MANAGE)
	@Operation(summary = "Replay past events to this endpoint", description = "Every logged event of [from, to) "
			+ "the endpoint subscribes to (narrowed by event_types), as new messages (new webhook-ids), oldest "
			+ "first; at most 100,000 at once.")
	@ApiResponse(responseCode = "202", description = "Queued")
	@ApiResponse(responseCode = "404", description = "webhook_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed, invalid_range, unknown_event_type, "
			+ "replay_too_large")
	Views.Queued replay(@PathVariable UUID id, @Valid @RequestBody Views.ReplayRequest body) {
		return new Views.Queued(operations.replay(KrugPrincipal.require(), id, body.from(), body.to(),
				body.eventTypes()));
	}
}
