package io.krug.loyalty.status;

import static io.krug.identity.MemberStatus.ELITE;
import static io.krug.identity.MemberStatus.INSIDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Elite by the top 1% of 12-month spend: of the N members who spent anything in the window, the first
 * floor(1% × N) ranks, and whoever ties with the last of them.
 */
class TopSpenderTests extends StatusTest {

	@Autowired
	NightlyRecompute nightly;

	@Autowired
	TopSpenders topSpenders;

	Program program;

	@BeforeEach
	void program() {
		program = programWithCategories();
	}

	/** Members spending 1,000, 2,000, … in one category (never vip by categories), in the order created. */
	List<UUID> spenders(int count) {
		List<UUID> members = new ArrayList<>();
		inProgram(program, () -> {
			for (int i = 1; i <= count; i++) {
				UUID member = Ids.newId();
				members.add(member);
				purchase(program, member, i * 1000 + ".00", "gastronomy");
			}
			return null;
		});
		return members;
	}

	@Test
	void theTopTwoOf220AreEliteAfterTheNightlyRun() {
		List<UUID> members = spenders(220);
		UUID first = members.get(219);
		UUID second = members.get(218);
		UUID third = members.get(217);
		assertThat(recompute(program, first).after()).as("no ranking before the first nightly run").isEqualTo(INSIDER);

		NightlyRecompute.Outcome outcome = nightly.run(program);

		assertThat(outcome.rankedMembers()).isEqualTo(220);
		assertThat(outcome.eliteMinSpend()).as("floor(1% × 220) = 2: rank 2's spend").isEqualByComparingTo("219000");
		assertThat(outcome.changed()).isEqualTo(2);
		assertThat(statusOf(program, first)).isEqualTo(ELITE);
		assertThat(statusOf(program, second)).isEqualTo(ELITE);
		assertThat(statusOf(program, third)).isEqualTo(INSIDER);
		assertThat(history(program, second)).containsExactly("insider>elite:nightly");
	}

	@Test
	void aPurchaseAboveTheStoredCutoffPromotesAtOnceAndTheNextNightlyRunDemotesWhoFellOut() {
		List<UUID> members = spenders(220);
		nightly.run(program);
		UUID third = members.get(217);
		UUID second = members.get(218);

		purchase(program, third, "7000.00", "gastronomy");
		assertThat(recompute(program, third)).as("225,000 ≥ the stored cutoff of 219,000")
			.isEqualTo(new StatusChange(INSIDER, ELITE));

		nightly.run(program);

		assertThat(statusOf(program, third)).isEqualTo(ELITE);
		assertThat(statusOf(program, second)).as("219,000 is now third").isEqualTo(INSIDER);
		assertThat(history(program, second)).containsExactly("insider>elite:nightly", "elite>insider:nightly");
	}

	@Test
	void membersTiedWithTheLastRankAreAllElite() {
		List<UUID> members = spenders(98);
		UUID tiedA = Ids.newId();
		UUID tiedB = Ids.newId();
		purchase(program, tiedA, "500000.00", "gastronomy");
		purchase(program, tiedB, "500000.00", "gastronomy");

		NightlyRecompute.Outcome outcome = nightly.run(program);

		assertThat(outcome.rankedMembers()).isEqualTo(100);
		assertThat(outcome.eliteMinSpend()).as("floor(1% × 100) = 1: the top rank").isEqualByComparingTo("500000");
		assertThat(statusOf(program, tiedA)).isEqualTo(ELITE);
		assertThat(statusOf(program, tiedB)).isEqualTo(ELITE);
		assertThat(statusOf(program, members.get(97))).isEqualTo(INSIDER);
	}

	@Test
	void fewerThanOneHundredSpendersMakeNobodyEliteByRank() {
		List<UUID> members = spenders(99);

		NightlyRecompute.Outcome outcome = nightly.run(program);

		assertThat(outcome.rankedMembers()).isEqualTo(99);
		assertThat(outcome.eliteMinSpend()).isNull();
		assertThat(statusOf(program, members.get(98))).isEqualTo(INSIDER);
	}

	@Test
	void membersWithoutSpendInTheWindowAreNotRanked() {
		spenders(100);
		refund(program, purchase(program, Ids.newId(), "900000.00", "gastronomy"), "900000.00");
		purchase(program, Ids.newId(), "800000.00", "gastronomy", clock.instant().minus(Duration.ofDays(400)));

		NightlyRecompute.Outcome outcome = nightly.run(program);

		assertThat(outcome.rankedMembers()).isEqualTo(100);
		assertThat(outcome.eliteMinSpend()).isEqualByComparingTo("100000");
	}

	@Test
	void anEmptyProgramHasNoCutoffAndTheRunIsIdempotent() {
		assertThat(nightly.run(program).eliteMinSpend()).isNull();
		List<UUID> members = spenders(120);
		NightlyRecompute.Outcome first = nightly.run(program);
		long historyRows = historyRows();

		NightlyRecompute.Outcome again = nightly.run(program);

		assertThat(first.changed()).isEqualTo(1);
		assertThat(again.changed()).isZero();
		assertThat(again.recomputed()).isEqualTo(120);
		assertThat(historyRows).isEqualTo(1);
		assertThat(historyRows()).isEqualTo(1);
		assertThat(inProgram(program, () -> topSpenders.stored(program.id())).orElseThrow().eliteMinSpend())
			.isEqualByComparingTo(new BigDecimal("120000"));
		assertThat(statusOf(program, members.get(119))).isEqualTo(ELITE);
	}

	private long historyRows() {
		return inProgram(program, () -> jdbc.sql("SELECT count(*) FROM loyalty.status_history WHERE program_id = :p")
			.param("p", program.id().value())
			.query(Long.class)
			.single());
	}
}
