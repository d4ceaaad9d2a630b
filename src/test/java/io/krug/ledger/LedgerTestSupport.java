package io.krug.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.krug.platform.Ids;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.ErrorCode;
import io.krug.platform.web.KrugException;
import io.krug.test.IntegrationTest;
import io.krug.test.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Each test gets a fresh program, a clock set to {@link #START}, and shorthand for the ledger's operations. */
@IntegrationTest
abstract class LedgerTestSupport {

	static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

	static final Duration RETURN_WINDOW = Duration.ofDays(14);

	@Autowired
	protected LedgerApi ledger;

	@Autowired
	protected Programs programs;

	@Autowired
	protected MutableClock clock;

	protected ProgramId program;

	@BeforeEach
	void newProgram() {
		clock.set(START);
		program = programs.create("ledger-" + UUID.randomUUID().toString().substring(0, 8), "Ledger test", ZONE,
				Currency.getInstance("RUB"), false).id();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	protected <T> T as(Supplier<T> work) {
		return TenantContext.call(program, work);
	}

	protected static BigDecimal pts(String amount) {
		return new BigDecimal(amount);
	}

	protected static PartyId aBusiness() {
		return PartyId.business(Ids.newId());
	}

	protected static UUID aMember() {
		return Ids.newId();
	}

	protected PartyId club() {
		return PartyId.club(program);
	}

	protected Instant twelveMonthsFromNow() {
		return ZonedDateTime.ofInstant(clock.instant(), ZONE).plusMonths(12).toInstant();
	}

	/** Earned now, pending for the return window, expiring in 12 months. */
	protected Posting earn(UUID member, String amount, PartyId funder) {
		return earn(member, amount, funder, clock.instant().plus(RETURN_WINDOW), twelveMonthsFromNow(), null);
	}

	/** Earned now and available at once (the return window is over, or there is none). */
	protected Posting earnAvailable(UUID member, String amount, PartyId funder, Instant expiresAt) {
		return earn(member, amount, funder, clock.instant(), expiresAt, null);
	}

	protected Posting earnAvailable(UUID member, String amount, PartyId funder) {
		return earnAvailable(member, amount, funder, twelveMonthsFromNow());
	}

	protected Posting earn(UUID member, String amount, PartyId funder, Instant availableAt, Instant expiresAt,
			@Nullable String key) {
		return as(() -> ledger.earn(new EarnCommand(member, pts(amount), funder, availableAt, expiresAt,
				Reason.PURCHASE_EARN, Source.purchase(Ids.newId()), "Cashback", "system", key)));
	}

	protected Posting spend(UUID member, String amount, PartyId redeemer) {
		return spend(member, amount, redeemer, null);
	}

	protected Posting spend(UUID member, String amount, PartyId redeemer, @Nullable String key) {
		return as(() -> ledger.spend(new SpendCommand(member, pts(amount), redeemer, Reason.PURCHASE_SPEND,
				Source.purchase(Ids.newId()), "Paid with points", "system", key)));
	}

	protected Reversal refund(Posting earn, String amount) {
		return refund(earn.transactionId(), amount, null);
	}

	protected Reversal refund(UUID earnTransaction, String amount, @Nullable String key) {
		return as(() -> ledger.reverseEarn(new ReverseEarnCommand(earnTransaction, pts(amount),
				Source.refund(Ids.newId()), "Refund", "system", key)));
	}

	protected Posting restore(Posting spend, String amount) {
		return as(() -> ledger.restoreSpend(new RestoreSpendCommand(spend.transactionId(), pts(amount),
				Source.refund(Ids.newId()), "Purchase refunded", "system", null)));
	}

	protected Posting adjust(UUID member, String amount, String note) {
		return as(() -> ledger.adjust(new AdjustCommand(member, pts(amount), note, "staff:" + Ids.newId(), null)));
	}

	protected Balance balance(UUID member) {
		return as(() -> ledger.balance(member));
	}

	protected BigDecimal account(LedgerAccount account) {
		return as(() -> ledger.accountBalance(account));
	}

	protected void assertBalance(UUID member, String available, String pending) {
		Balance balance = balance(member);
		assertThat(balance.available()).as("available").isEqualByComparingTo(available);
		assertThat(balance.pending()).as("pending").isEqualByComparingTo(pending);
		assertThat(balance.total()).as("total").isEqualByComparingTo(pts(available).add(pts(pending)));
	}

	protected void assertLedgerOk() {
		LedgerCheck check = as(ledger::check);
		assertThat(check.ok()).as("%s", check.checks()).isTrue();
	}

	protected static void assertRejected(Runnable call, ErrorCode error) {
		KrugException rejected = catchThrowableOfType(KrugException.class, call::run);
		assertThat(rejected).as("expected %s", error.code()).isNotNull();
		assertThat(rejected.error()).isEqualTo(error);
	}
}
