package io.krug.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.ledger.AccountKind;
import io.krug.ledger.LedgerAccount;
import io.krug.ledger.PartyActivity;
import io.krug.ledger.PartyId;
import io.krug.ledger.PostCommand;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.platform.Ids;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The events budget: inflow from purchases (ledger), allocations capped per level and month, the members' view. */
class BudgetTests extends EventsTest {

	UUID business;

	/** Starts the test at {@code at}: tokens and the business are made at that moment. */
	void at(String instant) {
		clock.set(Instant.parse(instant));
		admin = fixtures.adminToken(program);
		if (business == null) {
			business = business("Лисичкино");
		}
	}

	/** A purchase's share into the budget, as the purchase pipeline posts it (negative: a refund's). */
	void contribution(String amount) {
		BigDecimal value = new BigDecimal(amount);
		inProgram(program, () -> ledger.post(new PostCommand(Reason.BUDGET_CONTRIBUTION,
				List.of(new PostCommand.Leg(LedgerAccount.settlement(PartyId.business(business)), value.negate()),
						new PostCommand.Leg(LedgerAccount.eventsBudget(program.id()), value)),
				Source.purchase(Ids.newId()), "Events budget share", "test", null)));
	}

	UUID eventAtBusiness(String title) {
		Map<String, Object> body = eventBody(title, 20);
		body.put("business_id", business);
		body.put("starts_at", local(Duration.ofDays(20)).toString());
		body.put("ends_at", local(Duration.ofDays(20).plusHours(3)).toString());
		return createEvent(body);
	}

	Http.Response allocate(UUID event, String amount, String level, String month) {
		Map<String, Object> body = new HashMap<>(Map.of("amount", amount, "level", level));
		if (month != null) {
			body.put("month", month);
		}
		return http.post("/api/v1/admin/events/" + event + "/budget-allocations").bearer(admin).json(body).send();
	}

	@Test
	void allocationsAreCappedPerLevelByTheMonthsInflowAndMembersSeeTheMonth() {
		at("2031-10-20T09:00:00Z");
		contribution("5000.00");
		at("2031-11-10T09:00:00Z");
		contribution("600.00");
		contribution("400.00");
		contribution("-100.00");
		UUID wine = eventAtBusiness("Винный вечер");
		UUID yoga = eventAtBusiness("Йога-утро");

		Http.Response vip = allocate(wine, "300.00", "vip", null);
		Http.Response beyondVip = allocate(yoga, "100.00", "vip", null);
		Http.Response restOfVip = allocate(yoga, "60.00", "vip", null);
		Http.Response open = allocate(yoga, "270.00", "open", null);
		Http.Response october = allocate(wine, "2000.00", "vip", "2031-10");
		Http.Response future = allocate(wine, "1.00", "reserve", "2031-12");
		Http.Response byOwner = http.post("/api/v1/admin/events/" + wine + "/budget-allocations")
			.bearer(fixtures.staffToken(program, io.krug.identity.Role.BUSINESS_OWNER, business))
			.json(Map.of("amount", "1.00", "level", "reserve"))
			.send();

		assertThat(vip.status()).as(vip.toString()).isEqualTo(201);
		assertThat(beyondVip.status()).isEqualTo(422);
		assertThat(beyondVip.text("code")).isEqualTo("budget_level_exceeded");
		assertThat(decimal(exact(beyondVip).path("available"))).isEqualByComparingTo("60.00");
		assertThat(restOfVip.status()).isEqualTo(201);
		assertThat(open.status()).isEqualTo(201);
		assertThat(october.status()).as(october.toString()).isEqualTo(201);
		assertThat(future.status()).isEqualTo(422);
		assertThat(byOwner.status()).isEqualTo(403);

		JsonNode screen = exact(http.get("/api/v1/events/budget?month=2031-11").bearer(member().token()).send());
		assertThat(decimal(screen.path("total_inflow"))).isEqualByComparingTo("900.00");
		assertThat(decimal(screen.path("allocated"))).isEqualByComparingTo("630.00");
		assertThat(decimal(screen.path("unallocated"))).isEqualByComparingTo("270.00");
		assertThat(decimal(screen.path("balance"))).isEqualByComparingTo("3270.00");
		Map<String, JsonNode> levels = new HashMap<>();
		screen.path("levels").forEach(l -> levels.put(l.path("level").asString(), l));
		assertThat(decimal(levels.get("vip").path("cap"))).isEqualByComparingTo("360.00");
		assertThat(decimal(levels.get("vip").path("available"))).isEqualByComparingTo("0.00");
		assertThat(decimal(levels.get("open").path("allocated"))).isEqualByComparingTo("270.00");
		assertThat(decimal(levels.get("elite").path("available"))).isEqualByComparingTo("180.00");
		assertThat(decimal(levels.get("reserve").path("cap"))).isEqualByComparingTo("90.00");
		assertThat(screen.path("allocations")).hasSize(3);
		assertThat(screen.path("allocations").get(0).path("event_title").asString()).isEqualTo("Винный вечер");
		JsonNode octoberScreen = exact(http.get("/api/v1/events/budget?month=2031-10").bearer(admin).send());
		assertThat(decimal(octoberScreen.path("total_inflow"))).isEqualByComparingTo("5000.00");
		assertThat(decimal(octoberScreen.path("allocated"))).isEqualByComparingTo("2000.00");

		assertThat(inProgram(program, () -> ledger.accountBalance(LedgerAccount.eventsBudget(program.id()))))
			.isEqualByComparingTo("3270.00");
		PartyActivity host = inProgram(program, () -> ledger.partyActivity(PartyId.business(business),
				Instant.parse("2031-11-01T00:00:00Z"), Instant.parse("2031-12-01T00:00:00Z")));
		assertThat(host.lines()).filteredOn(l -> l.account() == AccountKind.SETTLEMENT && l.reason() == Reason.TRANSFER)
			.singleElement()
			.satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("2630.00"));
	}

	@Test
	void anAllocationCannotExceedWhatTheBudgetHolds() {
		at("2031-10-20T09:00:00Z");
		contribution("1000.00");
		at("2031-11-05T09:00:00Z");
		contribution("-800.00");
		UUID event = eventAtBusiness("Ужин");

		Http.Response refused = allocate(event, "400.00", "vip", "2031-10");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text("code")).isEqualTo("budget_insufficient");
		assertThat(allocate(event, "200.00", "vip", "2031-10").status()).isEqualTo(201);
	}

	@Test
	void concurrentAllocationsNeverTogetherExceedTheLevelsCap() throws Exception {
		at("2031-11-10T09:00:00Z");
		contribution("900.00");
		UUID event = eventAtBusiness("Гонка бюджета");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Integer>> futures = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			futures.add(pool.submit(() -> {
				start.await();
				return allocate(event, "100.00", "vip", null).status();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> f : futures) {
			statuses.add(f.get());
		}
		pool.shutdown();

		assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
		assertThat(statuses).filteredOn(s -> s == 422).hasSize(5);
		JsonNode screen = exact(http.get("/api/v1/events/budget?month=2031-11").bearer(admin).send());
		assertThat(decimal(screen.path("allocated"))).isEqualByComparingTo("300.00");
	}
}
