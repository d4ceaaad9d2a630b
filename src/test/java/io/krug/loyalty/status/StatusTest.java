package io.krug.loyalty.status;

import static org.awaitility.Awaitility.await;

import io.krug.identity.MemberStatus;
import io.krug.partners.PartnersApi;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.ApiTest;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the status and badge tests: a fresh program with its nine default categories, and purchases written
 * straight into {@code loyalty.purchases} as the purchase pipeline would.
 */
public abstract class StatusTest extends ApiTest {

	/** Seed 003's nine categories, as every program starts with. */
	public static final List<String> CATEGORIES = List.of("beauty_salon", "cosmetology", "dentistry", "medicine",
			"gastronomy", "floristry", "optics", "home", "legal");

	@Autowired
	protected MemberStatuses memberStatuses;

	@Autowired
	protected PartnersApi partners;

	/** A fresh program once its default categories arrived (they are seeded asynchronously). */
	protected Program programWithCategories() {
		Program program = fixtures.program();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TenantContext.call(program.id(), partners::categories).size() == CATEGORIES.size());
		return program;
	}

	/** Records a purchase of {@code amount} in {@code category} at {@code at}; returns its id. */
	protected UUID purchase(Program program, UUID member, String amount, String category, Instant at) {
		UUID id = Ids.newId();
		inProgram(program, () -> jdbc.sql("""
				INSERT INTO loyalty.purchases (id, program_id, business_id, member_id, amount, category, occurred_at,
				  occurred_on, status, channel, recorded_by, created_at)
				VALUES (:id, :p, :b, :m, :amount, :category, :at, :on, 'recorded', 'test', 'test', :at)""")
			.param("id", id)
			.param("p", program.id().value())
			.param("b", UUID.nameUUIDFromBytes(category.getBytes()))
			.param("m", member)
			.param("amount", new BigDecimal(amount))
			.param("category", category)
			.param("at", Timestamp.from(at))
			.param("on", Date.valueOf(at.atZone(program.timeZone()).toLocalDate()))
			.update());
		return id;
	}

	protected UUID purchase(Program program, UUID member, String amount, String category) {
		return purchase(program, member, amount, category, clock.instant().minus(Duration.ofDays(1)));
	}

	/** Refunds {@code refunded} of the purchase in total (as the pipeline keeps {@code refunded_amount}). */
	protected void refund(Program program, UUID purchase, String refunded) {
		inProgram(program, () -> jdbc.sql("UPDATE loyalty.purchases SET refunded_amount = :r WHERE id = :id")
			.param("r", new BigDecimal(refunded))
			.param("id", purchase)
			.update());
	}

	protected StatusChange recompute(Program program, UUID member) {
		return inProgram(program, () -> memberStatuses.recompute(member, StatusReason.PURCHASE));
	}

	protected StatusChange recompute(Program program, UUID member, StatusReason reason) {
		return inProgram(program, () -> memberStatuses.recompute(member, reason));
	}

	protected MemberStatus statusOf(Program program, UUID member) {
		return inProgram(program, () -> memberStatuses.current(member));
	}

	/** The member's status history as {@code from>to:reason}, oldest first. */
	protected List<String> history(Program program, UUID member) {
		return inProgram(program, () -> jdbc.sql("""
				SELECT from_status || '>' || to_status || ':' || reason FROM loyalty.status_history
				WHERE member_id = :m ORDER BY at, id""")
			.param("m", member)
			.query(String.class)
			.list());
	}

	protected static UUID id(tools.jackson.databind.JsonNode registered) {
		return UUID.fromString(registered.path("user_id").asString());
	}
}
