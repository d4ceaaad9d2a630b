package io.krug.loyalty.status;

import static io.krug.identity.MemberStatus.INSIDER;
import static io.krug.identity.MemberStatus.VIP;
import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A purchase decides the status from the member's stored figures while they are current, exactly as a
 * recomputation from the purchases would, and recomputes once a purchase they count has left the window. VIP takes
 * 30,000 in three categories.
 */
class StatusFiguresTests extends StatusTest {

	static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");

	Program program;

	@BeforeEach
	void program() {
		program = programWithCategories();
		clock.set(NOW);
	}

	@Test
	void purchasesAddToTheFiguresAndDecideAsARecomputationWould() {
		UUID member = Ids.newId();
		purchase(program, member, "10000.00", "beauty_salon", NOW.minus(Duration.ofDays(30)));
		assertThat(recompute(program, member).after()).isEqualTo(INSIDER);

		StatusChange second = recorded(member, "10000.00", "gastronomy", NOW.minus(Duration.ofDays(1)));
		StatusChange third = recorded(member, "10000.00", "optics", NOW);

		assertThat(second.after()).isEqualTo(INSIDER);
		assertThat(third.before()).isEqualTo(INSIDER);
		assertThat(third.after()).isEqualTo(VIP);
		assertThat(recompute(program, member).changed()).as("the figures agree with the purchases").isFalse();
		assertThat(storedWindowSpend(member)).isEqualByComparingTo("30000.00");
	}

	@Test
	void aPurchaseAfterACountedOneLeftTheWindowRecomputesFromThePurchases() {
		UUID member = Ids.newId();
		Instant nearTheStart = NOW.atZone(program.timeZone()).minusMonths(12).toInstant().plus(Duration.ofHours(1));
		purchase(program, member, "10000.00", "beauty_salon", nearTheStart);
		purchase(program, member, "10000.00", "gastronomy", NOW.minus(Duration.ofDays(1)));
		purchase(program, member, "10000.00", "optics", NOW.minus(Duration.ofDays(1)));
		assertThat(recompute(program, member).after()).isEqualTo(VIP);

		clock.set(NOW.plus(Duration.ofHours(2)));
		StatusChange after = recorded(member, "100.00", "home", clock.instant());

		assertThat(after.after()).as("the first purchase no longer counts").isEqualTo(INSIDER);
		assertThat(storedWindowSpend(member)).isEqualByComparingTo("20100.00");
	}

	@Test
	void aMemberWithoutStoredFiguresIsRecomputedOnTheirFirstPurchase() {
		UUID member = Ids.newId();
		purchase(program, member, "10000.00", "beauty_salon", NOW.minus(Duration.ofDays(3)));
		purchase(program, member, "10000.00", "gastronomy", NOW.minus(Duration.ofDays(2)));

		StatusChange first = recorded(member, "10000.00", "optics", NOW);

		assertThat(first.after()).isEqualTo(VIP);
		assertThat(storedWindowSpend(member)).isEqualByComparingTo("30000.00");
	}

	/** A purchase as the pipeline records it: its row, then the status decision in the same transaction. */
	private StatusChange recorded(UUID member, String amount, String category, Instant at) {
		return inProgram(program, () -> {
			purchase(program, member, amount, category, at);
			return memberStatuses.afterPurchase(member, category, new BigDecimal(amount), at);
		});
	}

	private BigDecimal storedWindowSpend(UUID member) {
		return inProgram(program, () -> jdbc.sql("""
				SELECT coalesce(sum(value::numeric), 0) FROM loyalty.member_status, jsonb_each_text(window_net)
				WHERE member_id = :m""").param("m", member).query(BigDecimal.class).single());
	}
}
