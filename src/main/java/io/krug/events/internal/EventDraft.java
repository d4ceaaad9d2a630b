package io.krug.events.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new event (seed 003's {@code events} table). Times are local date-times in the program's time zone.
 *
 * @param format {@code free}, {@code paid} (a positive price, paid with bonuses) or {@code closed} (free, for elite
 * and above)
 * @param businessId the partner business where it takes place; a business owner's own business when omitted
 * @param minStatus the lowest status that may register ({@code insider} when omitted)
 * @param organizerName shown as the organizer; the business's (or the program's) name when omitted
 * @param paidCancellationCutoffHours a paid registration cancelled at least this many hours before the start is
 * refunded; later cancellations are not (24 when omitted)
 */
public record EventDraft(@Schema(example = "Винный вечер с дегустацией") @NotBlank @Size(max = 200) String title,
		@Schema(example = "Дегустация пяти вин с сомелье") @Nullable @Size(max = 500) String description,
		@Nullable @Size(max = 10000) String fullDescription,
		@Schema(example = "wine_evening") @NotBlank @Pattern(regexp = TYPE) String type,
		@Schema(example = "paid", allowableValues = { "free", "paid", "closed" }) @NotNull
		@Pattern(regexp = "free|paid|closed") String format,
		@Schema(example = "2500.00") @Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal price,
		@Schema(example = "2026-12-05T19:00:00") @NotNull LocalDateTime startsAt,
		@Schema(example = "2026-12-05T22:00:00") @NotNull LocalDateTime endsAt, @Nullable UUID businessId,
		@Schema(example = "ул. Примерная, 10") @Nullable @Size(max = 500) String locationAddress,
		@Schema(example = "20") @Min(1) @Max(100000) int maxParticipants,
		@Schema(example = "vip", allowableValues = { "insider", "vip", "elite", "inner_circle" }) @Nullable
		@Pattern(regexp = STATUS) String minStatus,
		@Nullable @Size(max = 2000) @Pattern(regexp = URL) String coverImageUrl,
		@Nullable @Size(max = 50) List<@Valid ProgramItem> program,
		@Nullable @Size(max = 20) List<@Valid Speaker> speakers,
		@Nullable @Size(max = 20) List<@NotBlank @Size(max = 200) String> whatToBring,
		@Nullable @Size(max = 30) List<@NotBlank @Size(max = 2000) @Pattern(regexp = URL) String> gallery,
		@Schema(example = "Рестолавка Лисичкино") @Nullable @Size(max = 200) String organizerName,
		@Nullable Boolean allowPlusOne,
		@Schema(example = "24") @Nullable @Min(0) @Max(8760) Integer paidCancellationCutoffHours) {

	static final String URL = "https?://\\S+";

	static final String TYPE = "[a-z][a-z0-9_]{0,49}";

	static final String STATUS = "insider|vip|elite|inner_circle";

	/** A draft with only what an event needs; the facade's and the tests' starting point. */
	public static EventDraft of(String title, String type, String format, @Nullable BigDecimal price,
			LocalDateTime startsAt, LocalDateTime endsAt, @Nullable UUID businessId, int maxParticipants,
			String minStatus) {
		return new EventDraft(title, null, null, type, format, price, startsAt, endsAt, businessId, null,
				maxParticipants, minStatus, null, null, null, null, null, null, null, null);
	}

	public EventDraft withDescription(@Nullable String text, @Nullable String full) {
		return new EventDraft(title, text, full, type, format, price, startsAt, endsAt, businessId, locationAddress,
				maxParticipants, minStatus, coverImageUrl, program, speakers, whatToBring, gallery, organizerName,
				allowPlusOne, paidCancellationCutoffHours);
	}

	public EventDraft withPlusOne(boolean allowed) {
		return new EventDraft(title, description, fullDescription, type, format, price, startsAt, endsAt, businessId,
				locationAddress, maxParticipants, minStatus, coverImageUrl, program, speakers, whatToBring, gallery,
				organizerName, allowed, paidCancellationCutoffHours);
	}
}
