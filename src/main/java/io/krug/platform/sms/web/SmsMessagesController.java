package io.krug.platform.sms.web;

import io.krug.platform.sms.SmsMessageLog;
import io.krug.platform.sms.SmsMessagePage;
import io.krug.platform.sms.SmsMessageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The program's SMS message log, for admins checking what was sent (and, with the log provider, the codes). */
@RestController
@Tag(name = "Admin: messages", description = "SMS messages sent by the program")
class SmsMessagesController {

	private final SmsMessageLog messageLog;

	SmsMessagesController(SmsMessageLog messageLog) {
		this.messageLog = messageLog;
	}

	@GetMapping("/api/v1/admin/messages")
	@PreAuthorize("hasAuthority('view_messages')")
	@Operation(summary = "List SMS messages, newest first")
	@ApiResponse(responseCode = "200", description = "A page of messages")
	@ApiResponse(responseCode = "401", description = "unauthenticated",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "forbidden: needs the view_messages permission",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422", description = "validation_failed: limit or offset out of range",
			content = @Content(mediaType = "application/problem+json"))
	MessagesResponse list(
			@Parameter(description = "Only messages to this E.164 phone", example = "+79991234567")
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		SmsMessagePage page = messageLog.find(phone == null || phone.isBlank() ? null : phone.trim(), limit, offset);
		return new MessagesResponse(page.messages().stream().map(MessageResponse::of).toList(), page.total());
	}

	record MessagesResponse(List<MessageResponse> messages, @Schema(example = "1") long total) {
	}

	record MessageResponse(@Schema(example = "0193f6a2-7c1e-7b3a-9f0e-2d4c5b6a7e8f") UUID id,
			@Schema(example = "+79991234567") String phone,
			@Schema(example = "Krug code: 123456. Do not share it.") String text,
			@Schema(example = "login_code") String purpose, @Schema(example = "log") String provider,
			@Schema(example = "sent", allowableValues = { "sent", "failed" }) String status,
			@Schema(example = "msg-8841") @Nullable String providerMessageId,
			@Schema(example = "HTTP 400: invalid number") @Nullable String error,
			@Schema(example = "2026-11-23T10:15:30Z") Instant createdAt) {

		static MessageResponse of(SmsMessageView m) {
			return new MessageResponse(m.id(), m.phone(), m.text(), m.purpose(), m.provider(), m.status().value(),
					m.providerMessageId(), m.error(), m.createdAt());
		}
	}
}
