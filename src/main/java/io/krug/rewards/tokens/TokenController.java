package io.krug.rewards.tokens;

import io.krug.identity.KrugPrincipal;
import io.krug.platform.idempotency.Idempotent;
import io.krug.rewards.tokens.TokenViews.SaleView;
import io.krug.rewards.tokens.TokenViews.TokenList;
import io.krug.rewards.tokens.TokenViews.TokenPurchaseRequest;
import io.krug.rewards.tokens.TokenViews.TokenView;
import io.krug.rewards.tokens.TokenViews.ValidateRequest;
import io.krug.rewards.tokens.TokenViews.ValidationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Access tokens", description = """
		Opaque access tokens (krug_at_ + 32 random bytes, base64url) that admit their holder for a duration and a \
		scope; a full token admits to every scope. The secret is shown once, at purchase; only its SHA-256 is kept. \
		Validation answers from an in-process cache: expiry is checked on every answer, and a revocation evicts on \
		every replica at once (PostgreSQL NOTIFY).""")
class TokenController {

	static final String VALIDATORS = "hasAuthority('SCOPE_tokens:validate') or hasAuthority('scan_qr_codes')";

	private final TokenShop shop;

	private final AccessTokens tokens;

	private final TokenValidator validator;

	private final Clock clock;

	TokenController(TokenShop shop, AccessTokens tokens, TokenValidator validator, Clock clock) {
		this.shop = shop;
		this.tokens = tokens;
		this.validator = validator;
		this.clock = clock;
	}

	@PostMapping("/api/v1/tokens/purchase")
	@Idempotent
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(BundleController.MEMBERS)
	@Operation(summary = "Buy a single access token at the program's price for its duration",
			description = "Requires an Idempotency-Key. The answer is the only time the secret is shown.")
	@ApiResponse(responseCode = "201", description = "Bought: the token with its secret")
	@ApiResponse(responseCode = "402", description = "insufficient_currency")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member")
	@ApiResponse(responseCode = "422", description = "validation_failed, duration_not_sold")
	SaleView purchase(@Valid @RequestBody TokenPurchaseRequest request) {
		KrugPrincipal caller = Members.require();
		return SaleView.of(shop.buyToken(caller.id(), request.durationHours(),
				request.scope() == null ? TokenValidator.FULL : request.scope(), caller.actor()));
	}

	@GetMapping("/api/v1/tokens")
	@PreAuthorize(BundleController.MEMBERS)
	@Operation(summary = "The caller's access tokens, newest first (never their secrets)")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	TokenList list(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		AccessTokens.Page page = tokens.list(Members.require().id(), limit, offset);
		Instant now = clock.instant();
		return new TokenList(page.items().stream().map(t -> TokenView.of(t, now)).toList(), page.total());
	}

	@GetMapping("/api/v1/admin/members/{id}/tokens")
	@PreAuthorize("hasAuthority('manage_members')")
	@Operation(summary = "A member's access tokens, newest first (never their secrets)")
	@ApiResponse(responseCode = "403", description = "forbidden")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	TokenList memberTokens(@PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		AccessTokens.Page page = tokens.list(id, limit, offset);
		Instant now = clock.instant();
		return new TokenList(page.items().stream().map(t -> TokenView.of(t, now)).toList(), page.total());
	}

	@PostMapping("/api/v1/tokens/{id}/revoke")
	@PreAuthorize(BundleController.MEMBERS + " or hasAuthority('manage_members')")
	@Operation(summary = "Revoke an access token",
			description = "Members revoke their own, admins (manage_members) any. Every replica stops admitting it "
					+ "at once. Revoking a revoked token changes nothing.")
	@ApiResponse(responseCode = "200", description = "Revoked")
	@ApiResponse(responseCode = "404", description = "token_not_found (also: another member's)")
	TokenView revoke(@PathVariable UUID id) {
		return TokenView.of(tokens.revoke(id, KrugPrincipal.require()), clock.instant());
	}

	@PostMapping("/api/v1/tokens/validate")
	@PreAuthorize(VALIDATORS)
	@Operation(summary = "Whether a token admits its holder (for the service at the door)",
			description = "For API keys with tokens:validate and staff who scan codes. Always 200: valid, or "
					+ "valid=false with reason unknown, revoked, expired or scope_mismatch.")
	@ApiResponse(responseCode = "200", description = "The answer")
	@ApiResponse(responseCode = "403", description = "forbidden")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	ValidationView validate(@Valid @RequestBody ValidateRequest request) {
		return ValidationView.of(validator.validate(request.token().strip(), request.scope()));
	}
}
