package io.krug.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krug.identity.MemberStatus;
import io.krug.loyalty.PurchaseRecorded;
import io.krug.loyalty.TierChanged;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.web.KrugException;
import io.krug.webhooks.WebhookEventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The catalog as a registry: matching, validation, data and schema derived from the event record. */
class WebhookCatalogTests {

	/** An event of a module that does not exist yet, registered the way such a module would. */
	record CouponRedeemed(ProgramId programId, UUID memberId, String code, BigDecimal discount, Instant at) {
	}

	private static final WebhookEventType<CouponRedeemed> COUPON_REDEEMED = WebhookEventType
		.of("coupon.redeemed", CouponRedeemed.class, "A member redeemed a coupon.",
				new CouponRedeemed(CoreWebhookEventTypes.PROGRAM, CoreWebhookEventTypes.MEMBER, "SPRING25", new BigDecimal("250.00"),
						CoreWebhookEventTypes.AT))
		.aboutMember(CouponRedeemed::memberId);

	private final CoreWebhookEventTypes core = new CoreWebhookEventTypes();

	private final WebhookCatalog catalog = new WebhookCatalog(List.of(core.purchaseRecordedWebhook(),
			core.tierChangedWebhook(), core.businessJoinedWebhook(), COUPON_REDEEMED));

	@Test
	void wildcardsMatchByGroup() {
		assertThat(WebhookCatalog.matches("*", "purchase.recorded")).isTrue();
		assertThat(WebhookCatalog.matches("purchase.*", "purchase.recorded")).isTrue();
		assertThat(WebhookCatalog.matches("purchase.*", "purchases.recorded")).isFalse();
		assertThat(WebhookCatalog.matches("purchase.recorded", "purchase.refunded")).isFalse();
		assertThat(catalog.expand(List.of("coupon.*", "tier.changed"), false))
			.containsExactlyInAnyOrder("coupon.redeemed", "tier.changed");
		assertThat(catalog.expand(List.of("*"), true)).as("a member's endpoint: events about a member")
			.containsExactlyInAnyOrder("coupon.redeemed", "purchase.recorded", "tier.changed");
	}

	@Test
	void aRegisteredTypeCanBeSubscribedTo() {
		assertThat(catalog.validate("event_types", List.of("coupon.*", "coupon.redeemed", "coupon.*"), true))
			.containsExactly("coupon.*", "coupon.redeemed");
		assertThatThrownBy(() -> catalog.validate("event_types", List.of("referral.*"), false))
			.isInstanceOfSatisfying(KrugException.class,
					ex -> assertThat(ex.error()).isEqualTo(WebhookError.UNKNOWN_EVENT_TYPE));
		assertThatThrownBy(() -> catalog.validate("event_types", List.of("business.joined"), true))
			.isInstanceOfSatisfying(KrugException.class,
					ex -> assertThat(ex.fieldErrors().getFirst().message()).contains("not about a member"));
	}

	@Test
	void twoTypesCannotShareANameOrAnEvent() {
		assertThatThrownBy(() -> new WebhookCatalog(List.of(COUPON_REDEEMED, COUPON_REDEEMED)))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> WebhookEventType.of("Coupon Redeemed", CouponRedeemed.class, "x",
				COUPON_REDEEMED.example())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> COUPON_REDEEMED.omit("nothing")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void dataIsTheRecordInSnakeCaseWithExactAmounts() {
		UUID purchase = UUID.randomUUID();
		PurchaseRecorded unmatched = new PurchaseRecorded(CoreWebhookEventTypes.PROGRAM, purchase, null,
				CoreWebhookEventTypes.BUSINESS, new BigDecimal("1E+3").setScale(2), "dentistry", false, CoreWebhookEventTypes.AT);
		String payload = Payloads.render(core.purchaseRecordedWebhook(), unmatched, CoreWebhookEventTypes.AT);

		assertThat(payload).isEqualTo("{\"type\":\"purchase.recorded\",\"timestamp\":\"2025-11-10T12:00:00Z\","
				+ "\"data\":{\"purchase_id\":\"" + purchase + "\",\"member_id\":null,\"business_id\":\""
				+ CoreWebhookEventTypes.BUSINESS + "\",\"amount\":1000.00,\"category\":\"dentistry\",\"engaged\":false,"
				+ "\"occurred_at\":\"2025-11-10T12:00:00Z\"}}");
		assertThat(EventData.data(core.tierChangedWebhook(), new TierChanged(CoreWebhookEventTypes.PROGRAM,
				CoreWebhookEventTypes.MEMBER, MemberStatus.VIP, MemberStatus.INNER_CIRCLE, CoreWebhookEventTypes.AT)))
			.containsEntry("from", "vip")
			.containsEntry("to", "inner_circle");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theSchemaDescribesTheData() {
		Map<String, Object> schema = EventData.schema(core.purchaseRecordedWebhook());
		Map<String, Object> properties = (Map<String, Object>) schema.get("properties");

		assertThat(properties.keySet()).containsExactly("purchase_id", "member_id", "business_id", "amount",
				"category", "engaged", "occurred_at");
		assertThat(properties.get("member_id")).isEqualTo(Map.of("type", List.of("string", "null"), "format", "uuid"));
		assertThat(properties.get("amount")).isEqualTo(Map.of("type", "number"));
		assertThat(properties.get("engaged")).isEqualTo(Map.of("type", "boolean"));
		assertThat(properties.get("occurred_at")).isEqualTo(Map.of("type", "string", "format", "date-time"));
		assertThat((Map<String, Object>) ((Map<String, Object>) EventData.schema(core.tierChangedWebhook())
			.get("properties")).get("to")).containsEntry("enum", List.of("insider", "vip", "elite", "inner_circle"));
	}
}
