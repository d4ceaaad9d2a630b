package io.krug.events.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Changes to an event: absent fields stay, {@code ""} clears an optional text, {@code []} a list. Format and price
 * cannot change once the event has live registrations (they paid the old price). A larger capacity promotes
 * waitlisted members at once; a capacity below the seats already taken is rejected.
 */
public record EventChanges(@Nullable @Size(min = 1, max = 200) String title, @Nullable @Size(max = 500) String description,
		@Nullable @Size(max = 10000) String fullDescription, @Nullable @Pattern(regexp = EventDraft.TYPE) String type,
		@Schema(allowableValues = { "free", "paid", "closed" }) @Nullable @Pattern(regexp = "free|paid|closed") String format,
		@Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal price,
		@Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, @Nullable UUID businessId,
		@Nullable @Size(max = 500) String locationAddress, @Nullable @Min(1) @Max(100000) Integer maxParticipants,
		@Nullable @Pattern(regexp = EventDraft.STATUS) String minStatus,
		@Nullable @Size(max = 2000) @Pattern(regexp = "|" + EventDraft.URL) String coverImageUrl,
		@Nullable @Size(max = 50) List<@Valid ProgramItem> program,
		@Nullable @Size(max = 20) List<@Valid Speaker> speakers,
		@Nullable @Size(max = 20) List<@Size(min = 1, max = 200) String> whatToBring,
		@Nullable @Size(max = 30) List<@Size(max = 2000) @Pattern(regexp = EventDraft.URL) String> gallery,
		@Nullable @Size(min = 1, max = 200) String organizerName, @Nullable Boolean allowPlusOne,
		@Nullable @Min(0) @Max(8760) Integer paidCancellationCutoffHours) {

	/** Only a new capacity. */
	public static EventChanges capacity(int maxParticipants) {
		return new EventChanges(null, null, null, null, null, null, null, null, null, null, maxParticipants, null,
				null, null, null, null, null, null, null, null);
	}

	boolean changesPricing() {
		return format != null || price != null;
	}
}
