package io.krug.loyalty.purchases;

import io.krug.identity.KrugPrincipal;
import io.krug.loyalty.purchases.PurchaseViews.PurchaseList;
import io.krug.loyalty.purchases.PurchaseViews.PurchaseRequest;
import io.krug.loyalty.purchases.PurchaseViews.PurchaseView;
import io.krug.loyalty.purchases.PurchaseViews.RefundRequest;
import io.krug.loyalty.purchases.PurchaseViews.RefundView;
import io.krug.platform.idempotency.Idempotent;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
@Tag(name = "Purchases", description = """
		Purchases at partner businesses (seed 003 "process_transaction"). Staff of a business (scan_qr_codes or \
		manual_transaction_entry) record and refund their own business's purchases; platform admins and API keys \
		with purchases:write act for every business of the program. Another business's purchase or business is 404. \
		Bonuses: (amount − bonuses spent) × cashback of the buyer's status, × the status's new-category multiplier \
		when the member never bought in the category, × the business's promotion multiplier, rounded once to 0.01 \
		(HALF_EVEN). They stay pending for the return window. Every purchase gives the events-budget share to the \
		club; engaged purchases pay the platform commission after the partner's commission-free months. Medical \
		businesses and categories keep no description.""")
class PurchaseController {

	static final String RECORD = "hasAuthority('manual_transaction_entry') or hasAuthority('scan_qr_codes') "
			+ "or hasAuthority('SCOPE_purchases:write')";

	static final String READ = RECORD + " or hasAuthority('SCOPE_purchases:read')";

	private final Purchases purchases;

	private final Refunds refunds;

	PurchaseController(Purchases purchases, Refunds refunds) {
		this.purchases = purchases;
		this.refunds = refunds;
	}

	@PostMapping("/api/v1/purchases")
	@Idempotent(sharedTransaction = true)
	@PreAuthorize(RECORD)
	@Operation(summary = "Record a purchase",
			description = "Requires an Idempotency-Key. A phone that is not a member yet records an unmatched "
					+ "purchase (no bonuses), credited when that phone registers within the program's claim window.")
	@ApiResponse(responseCode = "201", description = "Recorded (status recorded, or unmatched)")
	@ApiResponse(responseCode = "200", description = "The business's external_id names a purchase recorded before: "
			+ "that purchase")
	@ApiResponse(responseCode = "403", description = "forbidden")
	@ApiResponse(responseCode = "404", description = "business_not_found, member_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed (also: not exactly one of member_id, phone, "
			+ "card_token), business_inactive, unknown_category, spend_exceeds_share, insufficient_balance, "
			+ "invalid_phone, card_token_expired, card_token_invalid")
	ResponseEntity<PurchaseView> record(@Valid @RequestBody PurchaseRequest request) {
		KrugPrincipal caller = KrugPrincipal.require();
		if (!Callers.mayActFor(caller, request.businessId())) {
			throw PurchaseError.BUSINESS_NOT_FOUND.exception("No business " + request.businessId() + ".");
		}
		Customer customer = customer(request);
		Recorded recorded = purchases.record(new RecordPurchase(request.businessId(), customer, request.amount(),
				blankToNull(request.category()), blankToNull(request.description()),
				blankToNull(request.externalId()), request.occurredAt(), request.spendBonuses(),
				Boolean.TRUE.equals(request.engaged()), request.sourceBusinessId(), channel(caller, customer),
				caller.actor()));
		PurchaseView view = PurchaseView.of(recorded.purchase(), recorded.balance());
		return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/purchases/" + view.purchaseId()))
			.body(view);
	}

	@GetMapping("/api/v1/purchases/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "A purchase")
	@ApiResponse(responseCode = "404", description = "purchase_not_found")
	PurchaseView get(@PathVariable UUID id) {
		return purchases.find(id, Callers.businessScope(KrugPrincipal.require()))
			.map(p -> PurchaseView.of(p, null))
			.orElseThrow(() -> PurchaseError.PURCHASE_NOT_FOUND.exception("No purchase " + id + "."));
	}

	@PostMapping("/api/v1/purchases/{id}/refunds")
	@Idempotent
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(RECORD)
	@Operation(summary = "Refund (part of) a purchase",
			description = "Requires an Idempotency-Key. Gives back the spent bonuses and takes back the earned ones "
					+ "in proportion (what the member no longer has is the business's loss), returns the events-budget "
					+ "share and commission in proportion, and recomputes the member's status.")
	@ApiResponse(responseCode = "201", description = "Refunded")
	@ApiResponse(responseCode = "404", description = "purchase_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed, refund_exceeds_purchase")
	RefundView refund(@PathVariable UUID id, @Valid @RequestBody RefundRequest request) {
		KrugPrincipal caller = KrugPrincipal.require();
		return RefundView
			.of(refunds.refund(id, Callers.businessScope(caller), request.amount(), caller.actor()));
	}

	@GetMapping("/api/v1/admin/purchases")
	@PreAuthorize(READ)
	@Operation(summary = "List purchases, newest first",
			description = "Platform admins and API keys see the program's; business staff only their business's.")
	@ApiResponse(responseCode = "404", description = "business_not_found: business staff asking for another business")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	PurchaseList list(@RequestParam(name = "business_id", required = false) @Nullable UUID businessId,
			@RequestParam(name = "member_id", required = false) @Nullable UUID memberId,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		UUID scope = Callers.businessScope(KrugPrincipal.require());
		if (scope != null && businessId != null && !scope.equals(businessId)) {
			throw PurchaseError.BUSINESS_NOT_FOUND.exception("No business " + businessId + ".");
		}
		var page = purchases
			.list(new PurchaseStore.Filter(scope != null ? scope : businessId, memberId, from, to, limit, offset));
		return new PurchaseList(page.purchases().stream().map(p -> PurchaseView.of(p, null)).toList(), page.total());
	}

	/** Exactly one of member_id, phone and card_token. */
	private static Customer customer(PurchaseRequest request) {
		List<Customer> given = new ArrayList<>();
		if (request.memberId() != null) {
			given.add(new Customer.ByMember(request.memberId()));
		}
		String phone = blankToNull(request.phone());
		if (phone != null) {
			given.add(new Customer.ByPhone(phone));
		}
		String card = blankToNull(request.cardToken());
		if (card != null) {
			given.add(new Customer.ByCard(card));
		}
		if (given.size() != 1) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "customer",
					"give exactly one of member_id, phone and card_token");
		}
		return given.getFirst();
	}

	private static String channel(KrugPrincipal caller, Customer customer) {
		if (customer instanceof Customer.ByCard) {
			return "qr";
		}
		return caller.isApiKey() ? "api" : "manual";
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
