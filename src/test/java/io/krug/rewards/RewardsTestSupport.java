package io.krug.rewards;

import io.krug.test.Http;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** Shared steps of the rewards tests: currency deposits and bundles through the API. */
public final class RewardsTestSupport {

	private RewardsTestSupport() {
	}

	public static void deposit(Http http, String admin, String member, String amount) {
		Http.Response response = http.post("/api/v1/admin/members/" + member + "/currency-deposits")
			.bearer(admin)
			.idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("amount", amount))
			.send();
		if (response.status() != 201) {
			throw new IllegalStateException("deposit failed: " + response);
		}
	}

	public static String bundle(Http http, String admin, int tokens, int hours, String basePrice, String discount) {
		Http.Response response = http.post("/api/v1/admin/bundles")
			.bearer(admin)
			.json(Map.of("name", "Pack of " + tokens, "token_count", tokens, "duration_hours", hours, "base_price",
					basePrice, "discount_percent", discount))
			.send();
		if (response.status() != 201) {
			throw new IllegalStateException("bundle failed: " + response);
		}
		return response.text("id");
	}

	public static Http.Response purchase(Http http, String member, String bundle) {
		return http.post("/api/v1/bundles/" + bundle + "/purchase")
			.bearer(member)
			.idempotencyKey(UUID.randomUUID().toString())
			.send();
	}

	public static BigDecimal balance(Http http, String member) {
		return http.get("/api/v1/users/me/wallet").bearer(member).send().json().path("balance").decimalValue();
	}
}
