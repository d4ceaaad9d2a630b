package io.krug.loyalty.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.Http;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The business a purchase names is kept between purchases, but never past its deactivation on this replica. */
class PurchaseBusinessTests extends PurchaseTest {

	@Test
	void aDeactivatedBusinessTakesNoMorePurchasesAtOnce() {
		club();
		UUID salon = business("beauty_salon");
		UUID member = member();
		purchase(salon, member, "100.00");

		Http.Response deactivated = http.delete("/api/v1/admin/businesses/" + salon).bearer(admin).send();
		Http.Response refused = post(admin,
				Map.of("business_id", salon, "member_id", member, "amount", new BigDecimal("100.00")));

		assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(204);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.text("code")).isEqualTo("business_inactive");
	}
}
