package io.krug.loyalty.account;

import io.krug.ledger.Balance;
import io.krug.ledger.History;
import io.krug.ledger.HistoryType;
import io.krug.ledger.LedgerApi;
import io.krug.loyalty.rules.LoyaltyRulesService;
import io.krug.partners.PartnersApi;
import io.krug.platform.Money;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A member's balance and history as the member reads them. */
@Service
class MemberBonuses {

	private final LedgerApi ledger;

	private final PartnersApi partners;

	private final LoyaltyRulesService rules;

	private final Programs programs;

	MemberBonuses(LedgerApi ledger, PartnersApi partners, LoyaltyRulesService rules,
			Programs programs) {
		this.ledger = ledger;
		this.partners = partners;
		this.rules = rules;
		this.programs = programs;
	}

	/** The balance, with what expires within the program's {@code expiring_soon_days}. */
	@Transactional(readOnly = true)
	BonusViews.BalanceView balance(UUID memberId) {
		Balance balance = ledger.balance(memberId, Duration.ofDays(rules.current().expiringSoonDays()));
		return new BonusViews.BalanceView(Money.round(balance.total()), Money.round(balance.available()),
				Money.round(balance.pending()), balance.expiringSoon()
					.stream()
					.map(e -> new BonusViews.Expiring(Money.round(e.amount()), e.expiresAt()))
					.toList());
	}

	/** A page of the history, newest first, with the businesses' names looked up once for the page. */
	@Transactional(readOnly = true)
	BonusViews.TransactionPage transactions(UUID memberId, @Nullable HistoryType type, int limit, int offset) {
		History history = ledger.history(memberId, type, limit, offset);
		Program program = programs.get(TenantContext.require());
		Map<UUID, String> names = partners.businessNames(businessIds(history.items(), program));
		List<BonusViews.Transaction> items = history.items()
			.stream()
			.map(item -> view(item, name(item.partyId(), program, names)))
			.toList();
		return new BonusViews.TransactionPage(items, history.total());
	}

	private static BonusViews.Transaction view(History.Item item, @Nullable String businessName) {
		String state = item.lotState() == null ? null : item.lotState().toLowerCase(java.util.Locale.ROOT);
		return new BonusViews.Transaction(item.transactionId(), item.type().key(), Money.round(item.amount()),
				businessName, item.description(), item.createdAt(), state);
	}

	private static Set<UUID> businessIds(List<History.Item> items, Program program) {
		Set<UUID> ids = new HashSet<>();
		items.stream()
			.map(History.Item::partyId)
			.filter(Objects::nonNull)
			.filter(id -> !id.equals(program.id().value()))
			.forEach(ids::add);
		return ids;
	}

	private static @Nullable String name(@Nullable UUID party, Program program, Map<UUID, String> names) {
		if (party == null) {
			return null;
		}
		return party.equals(program.id().value()) ? program.name() : names.get(party);
	}
}
