package io.krug.partners.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A business's promotion: while it runs, bonuses earned at the business are multiplied by {@code bonusMultiplier}.
 * It runs from {@code validFrom} (inclusive) to {@code validUntil} (exclusive; open-ended when {@code null}), unless
 * paused ({@code active = false}).
 */
public record Promotion(UUID id, UUID businessId, String title, @Nullable String description,
		BigDecimal bonusMultiplier, Instant validFrom, @Nullable Instant validUntil, boolean active,
		Instant createdAt, Instant updatedAt) {

	/** Where a promotion stands at a moment. */
	public enum Status {

		SCHEDULED, RUNNING, ENDED, PAUSED;

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	public boolean runsAt(Instant at) {
		return active && !at.isBefore(validFrom) && (validUntil == null || at.isBefore(validUntil));
	}

	public Status status(Instant at) {
		if (validUntil != null && !at.isBefore(validUntil)) {
			return Status.ENDED;
		}
		if (!active) {
			return Status.PAUSED;
		}
		return at.isBefore(validFrom) ? Status.SCHEDULED : Status.RUNNING;
	}
}
