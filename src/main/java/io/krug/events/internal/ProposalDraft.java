package io.krug.events.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A proposal (seed 003 "Конструктор мероприятий"): the idea, its programme, who sees it and when voting ends.
 *
 * @param locationPreference a place in words; or {@code business_id}, a partner business
 * @param visibility {@code all}, {@code vip} (VIP and above) or {@code elite} (elite and above); {@code all} when
 * omitted
 * @param votingEndsAt local date-time in the program's time zone, within 92 days; the end of the current month
 * (23:59:59) when omitted. The month in which voting ends is the month whose top three are realized.
 */
public record ProposalDraft(@Schema(example = "Йога на крыше") @NotBlank @Size(max = 200) String title,
		@Schema(example = "Утренняя йога на крыше с видом на город") @Nullable @Size(max = 500) String description,
		@Schema(example = "wellness") @NotBlank @Pattern(regexp = EventDraft.TYPE) String type,
		@Schema(example = "2026-12-10") @Nullable LocalDate preferredDate,
		@Schema(example = "Лисичкино") @Nullable @Size(max = 200) String locationPreference, @Nullable UUID businessId,
		@Schema(example = "1500") @Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal budgetPerPerson,
		@Schema(example = "15") @Nullable @Min(1) @Max(100000) Integer maxParticipants,
		@Nullable @Size(max = 50) List<@Valid ProgramItem> program,
		@Schema(example = "all", allowableValues = { "all", "vip", "elite" }) @Nullable
		@Pattern(regexp = "all|vip|elite") String visibility,
		@Schema(example = "2026-11-30T23:59:59") @Nullable LocalDateTime votingEndsAt) {

	public static ProposalDraft of(String title, String type, String visibility, @Nullable LocalDateTime votingEndsAt) {
		return new ProposalDraft(title, null, type, null, null, null, null, null, null, visibility, votingEndsAt);
	}
}
