package io.krug.rewards.catalog;

import io.krug.identity.KrugPrincipal;
import io.krug.identity.Permission;
import io.krug.ledger.MemberBalance;
import io.krug.platform.idempotency.Idempotent;
import io.krug.platform.web.PlatformError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
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
@Validated
@Tag(name = "Reward catalog", description = """
		Items members buy with available bonuses. A redemption takes one from the stock and spends the price as a \
		REWARD_REDEMPTION: the item's business (or, without one, the club) redeems the bonuses and is owed their \
		value by the businesses that funded them. Stock never oversells.""")
class RewardController {

	static final String MEMBERS = "hasAuthority('view_own_transactions')";

	static final String ADMINS = "hasAuthority('manage_program')";

	private final RewardCatalog catalog;

	RewardController(RewardCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/v1/rewards")
	@PreAuthorize(MEMBERS + " or " + ADMINS)
	@Operation(summary = "The catalog, cheapest first",
			description = "active_only=false lists inactive items too, for admins; members always see active ones.")
	@ApiResponse(responseCode = "403", description = "forbidden")
	ItemList list(@RequestParam(name = "active_only", defaultValue = "true") boolean activeOnly) {
		boolean all = !activeOnly && KrugPrincipal.require().has(Permission.MANAGE_PROGRAM);
		List<RewardItem> items = catalog.list(!all);
		return new ItemList(items.stream().map(ItemView::of).toList(), items.size());
	}

	@PostMapping("/api/v1/rewards/{id}/redeem")
	@Idempotent
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(MEMBERS)
	@Operation(summary = "Buy a catalog item with the caller's available bonuses",
			description = "Requires an Idempotency-Key. The answer carries the code to show where the item is "
					+ "handed over.")
	@ApiResponse(responseCode = "201", description = "Redeemed")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member")
	@ApiResponse(responseCode = "404", description = "reward_not_found (also: inactive)")
	@ApiResponse(responseCode = "409", description = "out_of_stock")
	@ApiResponse(responseCode = "422", description = "insufficient_balance")
	RedemptionView redeem(@PathVariable UUID id) {
		KrugPrincipal caller = member();
		RewardCatalog.Redeemed redeemed = catalog.redeem(id, caller.id(), caller.actor());
		return RedemptionView.of(redeemed.redemption(), redeemed.posting().balance());
	}

	@GetMapping("/api/v1/rewards/redemptions")
	@PreAuthorize(MEMBERS)
	@Operation(summary = "The caller's redemptions, newest first")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	RedemptionList redemptions(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		RewardCatalog.Page page = catalog.redemptions(member().id(), limit, offset);
		return new RedemptionList(page.items().stream().map(r -> RedemptionView.of(r, null)).toList(), page.total());
	}

	@GetMapping("/api/v1/admin/rewards/{id}")
	@PreAuthorize(ADMINS)
	@Operation(summary = "A catalog item")
	@ApiResponse(responseCode = "404", description = "reward_not_found")
	ItemView get(@PathVariable UUID id) {
		return ItemView.of(catalog.get(id));
	}

	@PostMapping("/api/v1/admin/rewards")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(ADMINS)
	@Operation(summary = "Add a catalog item")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "422", description = "validation_failed, unknown_business")
	ItemView create(@Valid @RequestBody ItemRequest request) {
		return ItemView.of(catalog.create(request.draft()));
	}

	@PutMapping("/api/v1/admin/rewards/{id}")
	@PreAuthorize(ADMINS)
	@Operation(summary = "Change a catalog item", description = "stock sets what is left now.")
	@ApiResponse(responseCode = "404", description = "reward_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed, unknown_business")
	ItemView update(@PathVariable UUID id, @Valid @RequestBody ItemRequest request) {
		return ItemView.of(catalog.update(id, request.draft()));
	}

	@DeleteMapping("/api/v1/admin/rewards/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize(ADMINS)
	@Operation(summary = "Delete a catalog item never redeemed")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "reward_not_found")
	@ApiResponse(responseCode = "409", description = "reward_redeemed: deactivate it instead")
	void delete(@PathVariable UUID id) {
		catalog.delete(id);
	}

	private static KrugPrincipal member() {
		KrugPrincipal caller = KrugPrincipal.require();
		if (!caller.isMember()) {
			throw PlatformError.FORBIDDEN.exception("Only members redeem rewards.");
		}
		return caller;
	}

	record ItemRequest(@Schema(example = "Coffee for two") @NotBlank @Size(max = 120) String name,
			@Nullable @Size(max = 1000) String description,
			@Schema(example = "500.00", description = "In bonuses") @NotNull @DecimalMin(value = "0",
					inclusive = false) @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal price,
			@Schema(example = "5", description = "How many are left; absent for no limit") @Nullable @Min(
					0) @Max(1000000) Integer stock,
			@Schema(description = "The business that provides it; absent for the club") @Nullable UUID businessId,
			@Schema(defaultValue = "true") @Nullable Boolean active) {

		ItemDraft draft() {
			return new ItemDraft(name.strip(), description == null || description.isBlank() ? null : description.strip(),
					price, stock, businessId, active == null || active);
		}
	}

	/** @param stock what is left; null for no limit */
	record ItemView(UUID id, String name, @Nullable String description, BigDecimal price, @Nullable Integer stock,
			@Nullable UUID businessId, boolean active, boolean available, Instant createdAt) {

		static ItemView of(RewardItem i) {
			return new ItemView(i.id(), i.name(), i.description(), i.price(), i.stock(), i.businessId(), i.active(),
					i.active() && (i.stock() == null || i.stock() > 0), i.createdAt());
		}
	}

	record ItemList(List<ItemView> items, long total) {
	}

	/** @param availableBonuses the member's available bonuses after paying (only in the redemption's answer) */
	record RedemptionView(UUID id, UUID rewardId, String name, BigDecimal price, @Nullable UUID businessId,
			String code, Instant redeemedAt, @Nullable BigDecimal availableBonuses) {

		static RedemptionView of(Redemption r, @Nullable MemberBalance balance) {
			return new RedemptionView(r.id(), r.itemId(), r.itemName(), r.price(), r.businessId(), r.code(),
					r.redeemedAt(), balance == null ? null : balance.available());
		}
	}

	record RedemptionList(List<RedemptionView> items, long total) {
	}
}
