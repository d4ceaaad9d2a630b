package io.krug.loyalty.status;

import static io.krug.identity.MemberStatus.ELITE;
import static io.krug.identity.MemberStatus.INNER_CIRCLE;
import static io.krug.identity.MemberStatus.INSIDER;
import static io.krug.identity.MemberStatus.VIP;
import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberStatus;
import io.krug.identity.Permission;
import io.krug.identity.Role;
import io.krug.loyalty.TierChanged;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class StatusThresholdTests extends StatusTest {

	@Autowired
	ApplicationEvents events;

	@Autowired
	IdentityApi identity;

	Program program;

	@BeforeEach
	void program() {
		program = programWithCategories();
	}

	@Test
	void becomesVipAtExactly30000InThreeCategoriesAndNotACentLess() {
		UUID member = Ids.newId();
		purchase(program, member, "10000.00", "beauty_salon");
		purchase(program, member, "10000.00", "gastronomy");
		purchase(program, member, "9999.99", "optics");

		assertThat(recompute(program, member)).isEqualTo(new StatusChange(INSIDER, INSIDER));

		purchase(program, member, "0.01", "optics");
		assertThat(recompute(program, member)).isEqualTo(new StatusChange(INSIDER, VIP));
		assertThat(statusOf(program, member)).isEqualTo(VIP);
	}

	@Test
	void twoCategoriesAreNotEnoughForVipWhateverTheSpend() {
		UUID member = Ids.newId();
		purchase(program, member, "60000.00", "beauty_salon");
		purchase(program, member, "60000.00", "gastronomy");

		assertThat(recompute(program, member).after()).isEqualTo(INSIDER);
	}

	@Test
	void becomesEliteAt100000InFiveCategories() {
		UUID member = Ids.newId();
		for (String category : CATEGORIES.subList(0, 4)) {
			purchase(program, member, "25000.00", category);
		}
		assertThat(recompute(program, member).after()).as("100,000 in four categories").isEqualTo(VIP);

		purchase(program, member, "1.00", CATEGORIES.get(4));
		assertThat(recompute(program, member)).isEqualTo(new StatusChange(VIP, ELITE));
	}

	@Test
	void becomesInnerCircleAt200000InEveryCategoryOfTheProgram() {
		UUID member = Ids.newId();
		for (String category : CATEGORIES.subList(0, 8)) {
			purchase(program, member, "30000.00", category);
		}
		assertThat(recompute(program, member).after()).as("240,000 in eight of nine categories").isEqualTo(ELITE);

		purchase(program, member, "100.00", "legal");
		assertThat(recompute(program, member).after()).isEqualTo(INNER_CIRCLE);
	}

	@Test
	void refundsLowerTheStatusAndAFullyRefundedPurchaseVisitsNoCategory() {
		UUID member = Ids.newId();
		purchase(program, member, "10000.00", "beauty_salon");
		purchase(program, member, "10000.00", "gastronomy");
		UUID optics = purchase(program, member, "10000.00", "optics");
		assertThat(recompute(program, member).after()).isEqualTo(VIP);

		refund(program, optics, "0.01");
		assertThat(recompute(program, member, StatusReason.REFUND)).isEqualTo(new StatusChange(VIP, INSIDER));

		purchase(program, member, "5000.00", "gastronomy");
		refund(program, optics, "10000.00");
		assertThat(recompute(program, member).after()).as("35,000 but optics no longer visited").isEqualTo(INSIDER);

		assertThat(history(program, member)).containsExactly("insider>vip:purchase", "vip>insider:refund");
	}

	@Test
	void unmatchedPurchasesDoNotCount() {
		UUID member = Ids.newId();
		purchase(program, member, "10000.00", "beauty_salon");
		purchase(program, member, "10000.00", "gastronomy");
		UUID optics = purchase(program, member, "10000.00", "optics");
		inProgram(program, () -> jdbc.sql("UPDATE loyalty.purchases SET status = 'unmatched' WHERE id = :id")
			.param("id", optics)
			.update());

		assertThat(recompute(program, member).after()).isEqualTo(INSIDER);
	}

	@Test
	void recordsHistoryAndPublishesTierChangedOnlyWhenTheStatusChanges() {
		UUID member = Ids.newId();
		purchase(program, member, "10000.00", "beauty_salon");
		purchase(program, member, "10000.00", "gastronomy");
		purchase(program, member, "10000.00", "optics");

		recompute(program, member);
		recompute(program, member);

		assertThat(history(program, member)).containsExactly("insider>vip:purchase");
		assertThat(historyAt(member)).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
		assertThat(events.stream(TierChanged.class)).singleElement().satisfies(e -> {
			assertThat(e.programId()).isEqualTo(program.id());
			assertThat(e.memberId()).isEqualTo(member);
			assertThat(e.from()).isEqualTo(INSIDER);
			assertThat(e.to()).isEqualTo(VIP);
			assertThat(e.at()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
		});
	}

	@Test
	void theMembersRoleFollowsTheirStatus() {
		var registered = fixtures.member(program);
		UUID member = id(registered);
		String token = registered.path("access_token").asString();
		purchase(program, member, "10000.00", "beauty_salon");
		purchase(program, member, "10000.00", "gastronomy");
		purchase(program, member, "10000.00", "optics");

		recompute(program, member);

		var me = http.get("/api/v1/users/me").bearer(token).send();
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.text("status")).isEqualTo("vip");
		assertThat(me.json().path("total_purchases").asLong()).isEqualTo(3);
		assertThat(me.json().path("categories_visited").asInt()).isEqualTo(3);
		assertThat(me.json().path("total_spent_12m").decimalValue()).isEqualByComparingTo("30000");
		assertThat(inProgram(program, () -> identity.findMember(member)).orElseThrow().status()).isEqualTo(VIP);
		assertThat(Role.forMemberStatus(MemberStatus.VIP).permissions()).contains(Permission.VOTE_ON_PROPOSALS);
	}

	@Test
	void concurrentRecomputationsOfOneMemberRecordOneChange() throws Exception {
		UUID member = Ids.newId();
		purchase(program, member, "10000.00", "beauty_salon");
		purchase(program, member, "10000.00", "gastronomy");
		assertThat(recompute(program, member).after()).as("the status row exists before the race").isEqualTo(INSIDER);
		purchase(program, member, "10000.00", "optics");
		int threads = 6;
		var start = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		try {
			var results = new java.util.ArrayList<java.util.concurrent.Future<StatusChange>>();
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return recompute(program, member);
				}));
			}
			start.countDown();
			long changes = 0;
			for (var result : results) {
				changes += result.get().changed() ? 1 : 0;
			}
			assertThat(changes).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(history(program, member)).containsExactly("insider>vip:purchase");
	}

	private java.time.Instant historyAt(UUID member) {
		return inProgram(program, () -> jdbc.sql("SELECT at FROM loyalty.status_history WHERE member_id = :m")
			.param("m", member)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant());
	}
}
