package io.krug.loyalty.account;

import io.krug.identity.MemberProfileContributor;
import io.krug.ledger.LedgerApi;
import io.krug.loyalty.card.CardBalanceSource;
import io.krug.platform.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member's bonus figures shown outside the balance endpoint: the spendable balance on the QR card, and
 * {@code total_bonuses} (available + pending, as in the balance's {@code total_bonuses}) in the member's profile.
 */
@Component
class MemberBonusFigures implements CardBalanceSource, MemberProfileContributor {

	private final LedgerApi ledger;

	MemberBonusFigures(LedgerApi ledger) {
		this.ledger = ledger;
	}

	@Override
	@Transactional(readOnly = true)
	public BigDecimal availableBalance(UUID memberId) {
		return Money.round(ledger.balance(memberId).available());
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Object> contribute(UUID memberId) {
		return Map.of("total_bonuses", Money.round(ledger.balance(memberId).total()));
	}
}
