package io.krug.rewards.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.Http;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class BulkCodeTests extends CouponTest {

	private static final Logger log = LoggerFactory.getLogger(BulkCodeTests.class);

	@Test
	void generatesAHundredThousandUniqueCodesInOneRequest() {
		club();
		UUID campaign = campaign(campaignBody(business()));

		long started = System.nanoTime();
		Http.Response made = http.post("/api/v1/admin/coupon-campaigns/" + campaign + "/codes")
			.bearer(admin)
			.json(Map.of("count", 100_000))
			.send();
		log.info("100,000 codes generated in {} ms", (System.nanoTime() - started) / 1_000_000);

		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		assertThat(made.json().path("generated").asInt()).isEqualTo(100_000);
		assertThat(made.json().path("total").asLong()).isEqualTo(100_000);
		var counts = inProgram(program, () -> jdbc.sql("""
				SELECT count(*) AS n, count(DISTINCT code) AS distinct_codes,
				  count(*) FILTER (WHERE code ~ '^[2-9A-HJKMNP-Z]{8}$') AS readable
				FROM rewards.coupons WHERE campaign_id = :c""")
			.param("c", campaign)
			.query((rs, n) -> new long[] { rs.getLong("n"), rs.getLong("distinct_codes"), rs.getLong("readable") })
			.single());
		assertThat(counts).containsExactly(100_000L, 100_000L, 100_000L);
	}
}
