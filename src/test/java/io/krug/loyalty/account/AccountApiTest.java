package io.krug.loyalty.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.ledger.EarnCommand;
import io.krug.ledger.LedgerAccount;
import io.krug.ledger.LedgerApi;
import io.krug.ledger.PartyId;
import io.krug.ledger.PostCommand;
import io.krug.ledger.Posting;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.ledger.SpendCommand;
import io.krug.partners.PartnersApi;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.ApiTest;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Shorthand for the bonus and statement tests: businesses through the admin API, ledger postings, purchases. */
abstract class AccountApiTest extends ApiTest {

	/** Reads numbers as written, so that {@code 20.00} stays {@code 20.00} rather than {@code 20.0}. */
	private static final JsonMapper EXACT = JsonMapper.builder()
		.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.build();

	@Autowired
	protected LedgerApi ledger;

	@Autowired
	protected PartnersApi partners;

	/** The response's JSON with its decimals exactly as sent. */
	protected static JsonNode exact(Http.Response response) {
		return EXACT.readTree(response.bytes());
	}

	/** A business created by an admin through the API, once the program's default categories are in place. */
	protected UUID business(Program program, String adminToken, String name) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TenantContext.call(program.id(), partners::categories).size() == 9);
		Http.Response created = http.post("/api/v1/admin/businesses")
			.bearer(adminToken)
			.json(Map.of("name", name, "category_key", "gastronomy"))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

	/** Bonuses funded by {@code funder}, available after {@code availableIn} and expiring in a year. */
	protected Posting earn(Program program, UUID member, String amount, UUID funder, Duration availableIn,
			@Nullable String description) {
		Instant now = clock.instant();
		return inProgram(program,
				() -> ledger.earn(new EarnCommand(member, new BigDecimal(amount), PartyId.business(funder),
						now.plus(availableIn), now.plus(365, ChronoUnit.DAYS), Reason.PURCHASE_EARN,
						Source.purchase(Ids.newId()), description, "system", null)));
	}

	protected Posting earnExpiring(Program program, UUID member, String amount, UUID funder, Instant expiresAt) {
		Instant now = clock.instant();
		return inProgram(program, () -> ledger.earn(new EarnCommand(member, new BigDecimal(amount),
				PartyId.business(funder), now, expiresAt, Reason.PURCHASE_EARN, Source.purchase(Ids.newId()), null,
				"system", null)));
	}

	protected Posting spend(Program program, UUID member, String amount, UUID redeemer) {
		return inProgram(program,
				() -> ledger.spend(new SpendCommand(member, new BigDecimal(amount), PartyId.business(redeemer),
						Reason.PURCHASE_SPEND, Source.purchase(Ids.newId()), "Оплата бонусами", "system", null)));
	}

	/** A business's settlement leg against a club account: a commission or an events-budget share. */
	protected void charge(Program program, Reason reason, UUID business, String amount) {
		LedgerAccount club = reason == Reason.COMMISSION ? LedgerAccount.platformRevenue(program.id())
				: LedgerAccount.eventsBudget(program.id());
		inProgram(program, () -> ledger.post(new PostCommand(reason,
				List.of(new PostCommand.Leg(LedgerAccount.settlement(PartyId.business(business)),
						new BigDecimal(amount).negate()), new PostCommand.Leg(club, new BigDecimal(amount))),
				Source.purchase(Ids.newId()), null, "system", null)));
	}

	/** A purchase row as the purchase pipeline records it. */
	protected void purchase(Program program, UUID business, String amount, String refunded, Instant occurredAt) {
		inProgram(program, () -> jdbc.sql("""
				INSERT INTO loyalty.purchases (id, program_id, business_id, member_id, amount, refunded_amount,
				  category, occurred_at, occurred_on, status, channel, recorded_by, created_at)
				VALUES (:id, :program, :business, :member, :amount, :refunded, 'gastronomy', :at,
				  (:at AT TIME ZONE 'Europe/Moscow')::date, 'recorded', 'api', 'test', :at)""")
			.param("id", Ids.newId())
			.param("program", program.id().value())
			.param("business", business)
			.param("member", Ids.newId())
			.param("amount", new BigDecimal(amount))
			.param("refunded", new BigDecimal(refunded))
			.param("at", OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
			.update());
	}
}
