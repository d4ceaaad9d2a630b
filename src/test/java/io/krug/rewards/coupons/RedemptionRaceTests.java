package io.krug.rewards.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.Fixtures;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RedemptionRaceTests extends CouponTest {

	@Test
	void hundredConcurrentRedemptionsOfOneCodeRedeemItExactlyOnce() throws Exception {
		club();
		UUID salon = business();
		UUID campaign = campaign(campaignBody(salon));
		String code = codes(campaign, 1).getFirst();
		Member anna = member();

		List<Http.Response> responses = race(100, i -> redeemWithPurchase(code, salon, anna.id(), "3000.00"));

		assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
		assertThat(responses).filteredOn(r -> r.status() != 201)
			.hasSize(99)
			.allSatisfy(r -> assertThat(r.text("code")).as(r.toString()).isEqualTo("already_redeemed"));
		assertThat(http.get("/api/v1/admin/purchases?business_id=" + salon).bearer(admin).send().json()
			.path("total").asLong()).as("only the winner's purchase was recorded").isEqualTo(1);
		assertThat(stats(campaign).path("redemptions").asLong()).isEqualTo(1);
	}

	@Test
	void concurrentRedemptionsOfDistinctCodesNeverPassTheTotalLimit() throws Exception {
		club();
		UUID salon = business();
		Map<String, Object> body = campaignBody(salon);
		body.put("total_limit", 5);
		UUID campaign = campaign(body);
		List<String> codes = codes(campaign, 30);

		List<Http.Response> responses = race(30, i -> redeem(admin, Map.of("code", codes.get(i), "business_id", salon,
				"phone", Fixtures.phone(), "amount", new BigDecimal("3000.00"))));

		assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(5);
		assertThat(responses).filteredOn(r -> r.status() != 201)
			.allSatisfy(r -> assertThat(r.text("code")).as(r.toString()).isEqualTo("campaign_exhausted"));
		assertThat(stats(campaign).path("redeemed").asLong()).isEqualTo(5);
	}

	@Test
	void concurrentRedemptionsByOneMemberNeverPassThePerMemberLimit() throws Exception {
		club();
		UUID salon = business();
		Map<String, Object> body = campaignBody(salon);
		body.put("per_member_limit", 2);
		UUID campaign = campaign(body);
		List<String> codes = codes(campaign, 20);
		Member anna = member();

		List<Http.Response> responses = race(20, i -> redeemWithPurchase(codes.get(i), salon, anna.id(), "3000.00"));

		assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(2);
		assertThat(responses).filteredOn(r -> r.status() != 201)
			.allSatisfy(r -> assertThat(r.text("code")).as(r.toString()).isEqualTo("member_limit_reached"));
	}

	/** Runs the calls at once on their own threads and returns their responses. */
	private static List<Http.Response> race(int n, Call call) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Http.Response>> calls = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
			for (int i = 0; i < n; i++) {
				int index = i;
				calls.add(pool.submit((Callable<Http.Response>) () -> {
					start.await();
					return call.make(index);
				}));
			}
			start.countDown();
		}
		List<Http.Response> responses = new ArrayList<>();
		for (Future<Http.Response> f : calls) {
			responses.add(f.get());
		}
		return responses;
	}

	@FunctionalInterface
	private interface Call {

		Http.Response make(int index);
	}
}
