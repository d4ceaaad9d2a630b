package io.krug.events.internal;

import io.krug.ledger.LedgerApi;
import io.krug.ledger.PartyId;
import io.krug.ledger.Posting;
import io.krug.ledger.Reason;
import io.krug.ledger.RestoreSpendCommand;
import io.krug.ledger.Source;
import io.krug.ledger.SourceType;
import io.krug.ledger.SpendCommand;
import io.krug.platform.Money;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Pays paid events with bonuses: a spend of price times seats, redeemed by the event's business (or the club when
 * the event has none), keyed by the registration so that it happens once; refunds restore that spend.
 */
@Component
class EventPayments {

	private final LedgerApi ledger;

	private final RegistrationRepository registrations;

	EventPayments(LedgerApi ledger, RegistrationRepository registrations) {
		this.ledger = ledger;
		this.registrations = registrations;
	}

	/** Takes the seats' price from the member's available bonuses: a 422 {@code insufficient_balance} if short. */
	BigDecimal pay(Event event, UUID registrationId, UUID memberId, int seats, String actor) {
		BigDecimal amount = Money.round(event.price().multiply(BigDecimal.valueOf(seats)));
		PartyId redeemer = event.businessId() != null ? PartyId.business(event.businessId())
				: PartyId.club(TenantContext.require());
		Posting spend = ledger.spend(new SpendCommand(memberId, amount, redeemer, Reason.REWARD_REDEMPTION,
				Source.of(SourceType.EVENT, registrationId), description(event), actor,
				"events:registration:" + registrationId + ":pay"));
		registrations.paid(registrationId, amount, spend.transactionId());
		return amount;
	}

	/** Gives back what the registration paid and was not refunded yet; returns the ledger transaction. */
	UUID refund(Registration registration, Event event, String actor) {
		BigDecimal amount = registration.paidAmount().subtract(registration.refundedAmount());
		Posting restore = ledger.restoreSpend(new RestoreSpendCommand(
				Objects.requireNonNull(registration.spendTransactionId(), "a paid registration has its spend"), amount,
				Source.of(SourceType.EVENT, registration.id()), "Возврат: " + description(event), actor,
				"events:registration:" + registration.id() + ":refund"));
		return restore.transactionId();
	}

	private static String description(Event event) {
		return "Мероприятие «" + event.title() + "»";
	}
}
