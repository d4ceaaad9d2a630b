package io.krug.ledger.web;

import io.krug.identity.IdentityApi;
import io.krug.identity.KrugPrincipal;
import io.krug.ledger.AdjustCommand;
import io.krug.ledger.LedgerApi;
import io.krug.ledger.LedgerError;
import io.krug.ledger.Posting;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Manual corrections of a member's points by a platform admin. */
@RestController
@Tag(name = "Ledger administration")
class AdjustmentController {

	/** Keeps admins' request keys apart from the keys other modules post with. */
	static final String KEY_PREFIX = "admin-adjustment:";

	private final LedgerApi ledger;

	private final IdentityApi identity;

	/** {@code identity} is resolved on first use, so the ledger starts before identity's implementation does. */
	AdjustmentController(LedgerApi ledger, IdentityApi identity) {
		this.ledger = ledger;
		this.identity = identity;
	}

	@PostMapping("/api/v1/admin/members/{id}/adjustments")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('manage_ledger')")
	@Operation(summary = "Adjust a member's points",
			description = "A positive amount credits club-funded points, available at once; a negative one debits "
					+ "available points (oldest expiry first), never below zero.")
	@ApiResponse(responseCode = "201", description = "Adjusted (or replayed for a repeated Idempotency-Key)")
	@ApiResponse(responseCode = "404", description = "member_not_found")
	@ApiResponse(responseCode = "422",
			description = "validation_failed, insufficient_balance, invalid_amount, idempotency_key_mismatch")
	AdjustmentResponse adjust(@PathVariable UUID id, @Valid @RequestBody AdjustmentRequest request,
			@Parameter(description = "Makes a retried request adjust once") @RequestHeader(name = "Idempotency-Key",
					required = false) @Nullable String idempotencyKey) {
		if (request.amount().signum() == 0) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "amount", "must not be zero");
		}
		identity.findMember(id)
			.orElseThrow(() -> LedgerError.MEMBER_NOT_FOUND.exception("No member " + id + " in this program."));
		Posting posting = ledger.adjust(new AdjustCommand(id, request.amount(), request.reason().strip(),
				KrugPrincipal.require().actor(), idempotencyKey == null ? null : KEY_PREFIX + idempotencyKey));
		return AdjustmentResponse.of(posting, request);
	}

	record AdjustmentRequest(
			@Schema(example = "-150.00",
					description = "Points to add (positive) or take (negative), at most 2 decimals") @NotNull @Digits(
							integer = 15, fraction = 2) BigDecimal amount,
			@Schema(example = "Duplicate cashback for purchase 4411") @NotBlank @Size(max = 500) String reason) {
	}

	record AdjustmentResponse(Transaction transaction, Balance balance) {

		static AdjustmentResponse of(Posting posting, AdjustmentRequest request) {
			return new AdjustmentResponse(
					new Transaction(posting.transactionId(), "adjusted", request.amount().setScale(2),
							request.reason().strip(),
							posting.createdAt(), posting.replayed()),
					new Balance(posting.balance().total(), posting.balance().available(), posting.balance().pending()));
		}
	}

	record Transaction(UUID id, @Schema(example = "adjusted") String type, @Schema(example = "-150.00") BigDecimal amount,
			String description, Instant createdAt, boolean replayed) {
	}

	record Balance(@Schema(example = "12300.00") BigDecimal total, @Schema(example = "9850.00") BigDecimal available,
			@Schema(example = "2450.00") BigDecimal pending) {
	}
}
