package io.krug.rewards.tokens;

import io.krug.identity.KrugPrincipal;
import io.krug.identity.Permission;
import io.krug.platform.idempotency.Idempotent;
import io.krug.rewards.tokens.TokenViews.BundleList;
import io.krug.rewards.tokens.TokenViews.BundleRequest;
import io.krug.rewards.tokens.TokenViews.BundleView;
import io.krug.rewards.tokens.TokenViews.SaleView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Bundles", description = """
		Seed 001's token bundles: token_count access tokens of duration_hours and scope each, at total_price = \
		base_price less discount_percent (rounded once to 0.01); savings = base_price − total_price. Members buy them \
		with the program's currency; admins (manage_program) manage them.""")
class BundleController {

	static final String MEMBERS = "hasAuthority('view_own_transactions')";

	static final String ADMINS = "hasAuthority('manage_program')";

	private final Bundles bundles;

	private final TokenShop shop;

	BundleController(Bundles bundles, TokenShop shop) {
		this.bundles = bundles;
		this.shop = shop;
	}

	@GetMapping("/api/v1/bundles")
	@PreAuthorize(MEMBERS + " or " + ADMINS)
	@Operation(summary = "Bundles, cheapest first",
			description = "active_only=false lists inactive bundles too, for admins; members always see active ones.")
	@ApiResponse(responseCode = "403", description = "forbidden")
	BundleList list(@RequestParam(name = "active_only", defaultValue = "true") boolean activeOnly) {
		boolean all = !activeOnly && KrugPrincipal.require().has(Permission.MANAGE_PROGRAM);
		return page(bundles.list(!all));
	}

	@PostMapping("/api/v1/bundles/{id}/purchase")
	@Idempotent
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(MEMBERS)
	@Operation(summary = "Buy a bundle with the caller's currency",
			description = "Requires an Idempotency-Key. Debits total_price and issues token_count tokens in one "
					+ "transaction; the answer is the only time the tokens' secrets are shown.")
	@ApiResponse(responseCode = "201", description = "Bought: the tokens with their secrets")
	@ApiResponse(responseCode = "402", description = "insufficient_currency: the balance does not cover total_price")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member")
	@ApiResponse(responseCode = "404", description = "bundle_not_found (also: inactive)")
	SaleView purchase(@PathVariable UUID id) {
		KrugPrincipal caller = Members.require();
		return SaleView.of(shop.buyBundle(id, caller.id(), caller.actor()));
	}

	@GetMapping("/api/v1/admin/bundles")
	@PreAuthorize(ADMINS)
	@Operation(summary = "All bundles, active or not, cheapest first")
	@ApiResponse(responseCode = "403", description = "forbidden")
	BundleList adminList() {
		return page(bundles.list(false));
	}

	@GetMapping("/api/v1/admin/bundles/{id}")
	@PreAuthorize(ADMINS)
	@Operation(summary = "A bundle")
	@ApiResponse(responseCode = "404", description = "bundle_not_found")
	BundleView get(@PathVariable UUID id) {
		return BundleView.of(bundles.get(id));
	}

	@PostMapping("/api/v1/admin/bundles")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(ADMINS)
	@Operation(summary = "Create a bundle")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	BundleView create(@Valid @RequestBody BundleRequest request) {
		return BundleView.of(bundles.create(request.draft()));
	}

	@PutMapping("/api/v1/admin/bundles/{id}")
	@PreAuthorize(ADMINS)
	@Operation(summary = "Change a bundle", description = "Tokens already sold keep what they were sold with.")
	@ApiResponse(responseCode = "404", description = "bundle_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	BundleView update(@PathVariable UUID id, @Valid @RequestBody BundleRequest request) {
		return BundleView.of(bundles.update(id, request.draft()));
	}

	@DeleteMapping("/api/v1/admin/bundles/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize(ADMINS)
	@Operation(summary = "Delete a bundle never bought")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "bundle_not_found")
	@ApiResponse(responseCode = "409", description = "bundle_purchased: deactivate it instead")
	void delete(@PathVariable UUID id) {
		bundles.delete(id);
	}

	private static BundleList page(List<Bundle> list) {
		return new BundleList(list.stream().map(BundleView::of).toList(), list.size());
	}
}
