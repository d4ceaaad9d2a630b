package io.krug.webhooks.web;

import io.krug.webhooks.internal.Attempt;
import io.krug.webhooks.internal.Endpoint;
import io.krug.webhooks.internal.Message;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the webhooks API. */
final class Views {

	private Views() {
	}

	/** An endpoint; {@code secret} only in the response that created it. */
	record WebhookView(UUID id, @Schema(example = "https://crm.example.com/hooks/krug") String url,
			@Nullable String description, @Schema(example = "[\"purchase.*\", \"tier.changed\"]") List<String> eventTypes,
			boolean active, boolean ordered, @Nullable Integer rateLimitPerSecond, Map<String, String> headers,
			@Schema(description = "The member who owns it; absent for the program's endpoints") @Nullable UUID ownerMemberId,
			@Schema(allowableValues = { "gone", "failing" }) @Nullable String disabledReason,
			@Nullable Instant disabledAt, @Nullable Instant failingSince, @Nullable Instant previousSecretExpiresAt,
			Instant createdAt, Instant updatedAt,
			@Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") @Nullable String secret) {

		static WebhookView of(Endpoint e, @Nullable String secret) {
			return new WebhookView(e.id(), e.url(), e.description(), e.eventTypes(), e.active(), e.ordered(),
					e.rateLimitPerSecond(), e.headers(), e.ownerMemberId(), e.disabledReason(), e.disabledAt(),
					e.failingSince(), e.previousSecretExpiresAt(), e.createdAt(), e.updatedAt(), secret);
		}
	}

	record WebhookList(List<WebhookView> webhooks, long total) {
	}

	/** A rotated secret; the previous one still signs until {@code previous_secret_expires_at}. */
	record SecretView(@Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
			Instant previousSecretExpiresAt) {
	}

	/** A catalog entry: the {@code data} schema (JSON Schema 2020-12) and a whole example payload. */
	record EventTypeView(@Schema(example = "tier.changed") String name, String description,
			@Schema(description = "Whether it is about one member (members' own endpoints may receive it)")
			boolean aboutMember, Map<String, Object> schema, Map<String, @Nullable Object> example) {
	}

	record EventTypeList(List<EventTypeView> eventTypes) {
	}

	record AttemptView(UUID id, UUID messageId, @Schema(example = "purchase.recorded") String eventType,
			@Schema(allowableValues = { "succeeded", "failed", "blocked" }) String status,
			@Nullable Integer responseCode, int durationMs, @Nullable String responseBody, @Nullable String error,
			Instant attemptedAt) {

		static AttemptView of(Attempt a) {
			return new AttemptView(a.id(), a.messageId(), a.eventType(), a.status(), a.responseCode(),
					a.durationMs(), a.responseBody(), a.error(), a.attemptedAt());
		}
	}

	record AttemptList(List<AttemptView> attempts, long total) {
	}

	record MessageView(UUID id, UUID eventId, @Schema(example = "purchase.recorded") String eventType,
			@Schema(allowableValues = { "pending", "succeeded", "failed" }) String status, int attempts,
			Instant nextAttemptAt, @Nullable Instant lastAttemptAt, @Nullable Instant finishedAt,
			Instant createdAt) {

		static MessageView of(Message m) {
			return new MessageView(m.id(), m.eventId(), m.eventType(), m.status(), m.attempts(), m.nextAttemptAt(),
					m.lastAttemptAt(), m.finishedAt(), m.createdAt());
		}
	}

	record MessageList(List<MessageView> messages, long total) {
	}

	record RecoverRequest(@Schema(example = "2025-11-10T00:00:00Z") @NotNull Instant since) {
	}

	record ReplayRequest(@Schema(example = "2025-11-01T00:00:00Z") @NotNull Instant from,
			@Schema(example = "2025-11-10T00:00:00Z") @NotNull Instant to,
			@Schema(example = "[\"purchase.*\"]") @Nullable @Size(min = 1, max = 50) List<String> eventTypes) {
	}

	/** How many messages an operation queued. */
	record Queued(int messages) {
	}

	record Settings(@NotNull Boolean memberEndpointsAllowed) {
	}
}
