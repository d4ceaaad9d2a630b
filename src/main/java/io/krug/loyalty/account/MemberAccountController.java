package io.krug.loyalty.account;

import io.krug.identity.KrugPrincipal;
import io.krug.ledger.HistoryType;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Bonuses", description = """
		The member's bonus balance and history (seed 003, Loyalty Service). Bonuses earned on a purchase stay \
		pending for the program's return window (14 days by default) and are available to spend afterwards; \
		they expire after the program's expiry period (12 months by default).""")
class MemberAccountController {

	static final String TYPES = Arrays.stream(HistoryType.values())
		.map(HistoryType::key)
		.collect(Collectors.joining(", "));

	private final MemberBonuses bonuses;

	MemberAccountController(MemberBonuses bonuses) {
		this.bonuses = bonuses;
	}

	@GetMapping("/api/v1/loyalty/balance")
	@PreAuthorize("hasAuthority('view_own_transactions')")
	@Operation(summary = "The caller's bonus balance",
			description = "total_bonuses = available_bonuses + pending_bonuses; expiring_soon lists what expires "
					+ "within the program's expiring_soon_days, per day in the program's time zone.")
	@ApiResponse(responseCode = "200", description = "The balance")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member")
	BonusViews.BalanceView balance() {
		return bonuses.balance(memberId());
	}

	@GetMapping("/api/v1/loyalty/transactions")
	@PreAuthorize("hasAuthority('view_own_transactions')")
	@Operation(summary = "The caller's bonus history, newest first", description = """
			Types: earned (a credit funded by a business or the club: purchase cashback, referral or promotion \
			bonus), spent (bonuses paying part of a check or a reward), expired (what was left of earned bonuses at \
			their expiry), adjusted (a manual correction by an admin, either sign), refunded (earned bonuses taken \
			back because the purchase was returned), restored (spent bonuses given back because the purchase they \
			paid for was returned). amount is signed: positive adds to the member's bonuses, negative takes from \
			them. status is given on credits that created bonuses (earned, positive adjusted): pending while \
			within the return window, then available.""")
	@ApiResponse(responseCode = "200", description = "A page of the history and the total count")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member")
	@ApiResponse(responseCode = "422", description = "validation_failed: unknown type, limit or offset out of range")
	BonusViews.TransactionPage transactions(
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) @Parameter(description = "1 to 200") int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset,
			@RequestParam(required = false) @Parameter(description = "Only this type; all when empty",
					schema = @Schema(allowableValues = { "earned", "spent", "expired", "adjusted", "refunded",
							"restored" })) @Nullable String type) {
		return bonuses.transactions(memberId(), type(type), limit, offset);
	}

	private static @Nullable HistoryType type(@Nullable String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		return Arrays.stream(HistoryType.values())
			.filter(type -> type.key().equals(key.strip()))
			.findFirst()
			.orElseThrow(() -> KrugException.field(PlatformError.VALIDATION_FAILED, "type", "must be one of " + TYPES));
	}

	private static UUID memberId() {
		KrugPrincipal caller = KrugPrincipal.require();
		if (!caller.isMember()) {
			throw PlatformError.FORBIDDEN.exception("Only members have a bonus account.");
		}
		return caller.id();
	}
}
