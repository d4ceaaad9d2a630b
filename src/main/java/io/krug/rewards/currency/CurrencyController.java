package io.krug.rewards.currency;

import io.krug.identity.KrugPrincipal;
import io.krug.ledger.CurrencyHistory;
import io.krug.platform.idempotency.Idempotent;
import io.krug.platform.web.PlatformError;
import io.krug.rewards.CurrencyDeposit;
import io.krug.rewards.currency.CurrencyViews.DepositRequest;
import io.krug.rewards.currency.CurrencyViews.DepositView;
import io.krug.rewards.currency.CurrencyViews.MoveView;
import io.krug.rewards.currency.CurrencyViews.SettingsRequest;
import io.krug.rewards.currency.CurrencyViews.SettingsView;
import io.krug.rewards.currency.CurrencyViews.WalletView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Currency", description = """
		The program's internal currency (seed 001's ZNC), kept next to bonuses in the same double-entry ledger \
		(MEMBER_CURRENCY against the club's CURRENCY_ISSUED and CURRENCY_REVENUE). Admins credit wallets; members \
		spend on token bundles and single access tokens. A balance never goes below zero, whatever the concurrency.""")
class CurrencyController {

	private final Wallets wallets;

	CurrencyController(Wallets wallets) {
		this.wallets = wallets;
	}

	@GetMapping("/api/v1/admin/currency")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "The program's currency settings",
			description = "Defaults until saved: ZNC, threshold 10.00, prices 2/12/18/100/350 for 1/12/24/168/720 h.")
	@ApiResponse(responseCode = "403", description = "forbidden")
	SettingsView settings() {
		return SettingsView.of(wallets.settings());
	}

	@PutMapping("/api/v1/admin/currency")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "Change the program's currency settings",
			description = "token_prices replaces the whole price list; a duration left out is no longer sold singly.")
	@ApiResponse(responseCode = "403", description = "forbidden")
	@ApiResponse(responseCode = "422", description = "validation_failed (also: a duration other than 1, 12, 24, 168, "
			+ "720 or given twice)")
	SettingsView updateSettings(@Valid @RequestBody SettingsRequest request) {
		return SettingsView.of(wallets.updateSettings(request.settings(), KrugPrincipal.require().actor()));
	}

	@PostMapping("/api/v1/admin/members/{id}/currency-deposits")
	@Idempotent
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('manage_members')")
	@Operation(summary = "Credit a member's currency wallet", description = "Requires an Idempotency-Key.")
	@ApiResponse(responseCode = "201", description = "Credited: the new balance")
	@ApiResponse(responseCode = "404", description = "member_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed, invalid_amount")
	DepositView deposit(@PathVariable UUID id, @Valid @RequestBody DepositRequest request) {
		// @Idempotent runs this once per key; the ledger key is for callers without the HTTP layer (payments).
		var move = wallets.deposit(new CurrencyDeposit(id, request.amount(), request.note(),
				KrugPrincipal.require().actor(), null));
		return DepositView.of(id, request.amount(), wallets.settings().code(), move);
	}

	@GetMapping({ "/api/v1/users/me/wallet", "/api/v1/currency/balance" })
	@PreAuthorize("hasAuthority('view_own_transactions')")
	@Operation(summary = "The caller's currency wallet: balance and history, newest first",
			description = "low is true when the balance is below the program's low-balance threshold.")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	WalletView wallet(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		KrugPrincipal caller = KrugPrincipal.require();
		if (!caller.isMember()) {
			throw PlatformError.FORBIDDEN.exception("Only members have a currency wallet.");
		}
		return wallet(caller.id(), limit, offset);
	}

	@GetMapping("/api/v1/admin/members/{id}/wallet")
	@PreAuthorize("hasAuthority('manage_members')")
	@Operation(summary = "A member's currency wallet: balance and history, newest first")
	@ApiResponse(responseCode = "403", description = "forbidden")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	WalletView memberWallet(@PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return wallet(id, limit, offset);
	}

	private WalletView wallet(UUID member, int limit, int offset) {
		CurrencySettings settings = wallets.settings();
		BigDecimal balance = wallets.balance(member);
		CurrencyHistory history = wallets.history(member, limit, offset);
		return new WalletView(settings.code(), settings.name(), balance, settings.lowBalanceThreshold(),
				balance.compareTo(settings.lowBalanceThreshold()) < 0,
				history.items().stream().map(MoveView::of).toList(), history.total());
	}
}
