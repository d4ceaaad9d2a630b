package io.krug.loyalty.purchases;

import io.krug.identity.MemberSummary;
import io.krug.loyalty.rules.LoyaltyRules;
import io.krug.partners.BusinessSummary;
import io.krug.platform.Ids;
import io.krug.platform.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One batch of an import being recorded ({@link PurchaseImports}): its purchases and what each step found for them,
 * computed in memory between the set-based statements. Bonuses and shares are the pipeline's, per purchase
 * ({@link Earnings#bonuses}, {@link ClubShares#of}); only the ledger postings are summed.
 */
final class ImportBatch {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Money.SCALE);

	private final BusinessSummary business;

	private final LoyaltyRules rules;

	private final ZoneId zone;

	private final Instant now;

	private final String channel;

	private final String actor;

	private final List<Row> rows = new ArrayList<>();

	private final Map<@Nullable String, PurchaseInputs.PurchaseCategory> categories = new HashMap<>();

	private List<Row> fresh = List.of();

	private Map<Instant, BigDecimal> promotions = Map.of();

	ImportBatch(BusinessSummary business, LoyaltyRules rules, ZoneId zone, Instant now, String channel, String actor) {
		this.business = business;
		this.rules = rules;
		this.zone = zone;
		this.now = now;
		this.channel = channel;
		this.actor = actor;
	}

	/** One purchase and what the steps found for it. */
	static final class Row {

		private final UUID id = Ids.newId();

		private final ImportedPurchase purchase;

		private final Instant occurredAt;

		private final PurchaseInputs.PurchaseCategory category;

		private final @Nullable String description;

		private @Nullable MemberSummary member;

		private boolean newCategory;

		private BigDecimal earned = ZERO;

		private @Nullable Earn earn;

		Row(ImportedPurchase purchase, Instant occurredAt, PurchaseInputs.PurchaseCategory category,
				@Nullable String description) {
			this.purchase = purchase;
			this.occurredAt = occurredAt;
			this.category = category;
			this.description = description;
		}

		UUID id() {
			return id;
		}

		@Nullable String description() {
			return description;
		}
	}

	/** One aggregated earn: a member's bonuses of the batch that become available at the same time. */
	static final class Earn {

		private final UUID member;

		private final List<Row> rows = new ArrayList<>();

		private BigDecimal amount = ZERO;

		private Instant availableAt;

		private @Nullable UUID transactionId;

		Earn(UUID member, Instant availableAt) {
			this.member = member;
			this.availableAt = availableAt;
		}

		UUID member() {
			return member;
		}

		List<Row> rows() {
			return rows;
		}

		BigDecimal amount() {
			return amount;
		}

		Instant availableAt() {
			return availableAt;
		}

		void posted(UUID transaction) {
			transactionId = transaction;
		}
	}

	/** Distinct (member, category) pairs, each with the batch's first purchase of it. */
	record Pairs(List<UUID> members, List<String> categories, List<UUID> purchases) {
	}

	PurchaseInputs.PurchaseCategory category(@Nullable String requested, PurchaseInputs inputs) {
		PurchaseInputs.PurchaseCategory category = categories.get(requested);
		if (category == null) {
			category = inputs.category(requested, business);
			categories.put(requested, category);
		}
		return category;
	}

	void add(ImportedPurchase purchase, Instant occurredAt, PurchaseInputs.PurchaseCategory category) {
		boolean medical = business.medical() || category.medical();
		rows.add(new Row(purchase, occurredAt, category, medical ? null : purchase.description()));
	}

	List<String> externalIds() {
		return rows.stream().map(r -> r.purchase.externalId()).toList();
	}

	List<UUID> ids() {
		return rows.stream().map(Row::id).toList();
	}

	/** Keeps the rows whose external id was claimed now (the first row of each), and returns them. */
	List<Row> claim(Set<String> claimed) {
		Set<String> left = new HashSet<>(claimed);
		fresh = rows.stream().filter(r -> left.remove(r.purchase.externalId())).toList();
		return fresh;
	}

	Set<String> phones() {
		Set<String> phones = new LinkedHashSet<>();
		fresh.forEach(r -> phones.add(r.purchase.phone()));
		return phones;
	}

	void buyers(Map<String, MemberSummary> members) {
		fresh.forEach(r -> r.member = members.get(r.purchase.phone()));
	}

	Pairs firstPairs() {
		Map<List<Object>, UUID> first = new LinkedHashMap<>();
		for (Row row : matched()) {
			first.putIfAbsent(List.of(member(row).id(), row.category.key()), row.id);
		}
		List<UUID> members = new ArrayList<>(first.size());
		List<String> keys = new ArrayList<>(first.size());
		first.keySet().forEach(pair -> {
			members.add((UUID) pair.get(0));
			keys.add((String) pair.get(1));
		});
		return new Pairs(members, keys, List.copyOf(first.values()));
	}

	void newCategories(Set<UUID> firstPurchases) {
		matched().forEach(r -> r.newCategory = firstPurchases.contains(r.id));
	}

	Set<Instant> matchedTimes() {
		Set<Instant> times = new LinkedHashSet<>();
		matched().forEach(r -> times.add(r.occurredAt));
		return times;
	}

	void promotions(Map<Instant, BigDecimal> multipliers) {
		this.promotions = multipliers;
	}

	/**
	 * The bonuses of each matched purchase, summed per member and availability: points still within the return
	 * window become available at their own purchase's time (one earn each, as the pipeline posts), points already due
	 * are one earn per member.
	 */
	List<Earn> earns() {
		Map<List<Object>, Earn> earns = new LinkedHashMap<>();
		for (Row row : matched()) {
			MemberSummary member = member(row);
			row.earned = Earnings.bonuses(rules, member.status(), row.purchase.amount(), ZERO, row.newCategory,
					promotions.getOrDefault(row.occurredAt, BigDecimal.ONE));
			if (row.earned.signum() == 0) {
				continue;
			}
			Instant due = pendingUntil(row);
			boolean pending = due.isAfter(now);
			Earn earn = earns.computeIfAbsent(pending ? List.of(member.id(), due) : List.of(member.id()),
					k -> new Earn(member.id(), due));
			earn.rows.add(row);
			earn.amount = earn.amount.add(row.earned);
			earn.availableAt = earn.availableAt.isAfter(due) ? earn.availableAt : due;
			row.earn = earn;
		}
		return List.copyOf(earns.values());
	}

	Instant expiresAt() {
		return now.atZone(zone).plusMonths(rules.expiryMonths()).toInstant();
	}

	/** The batch's events-budget share and commission: the sums of each purchase's, rounded per purchase. */
	ClubShares.Shares shares() {
		BigDecimal budget = ZERO;
		BigDecimal commission = ZERO;
		for (Row row : fresh) {
			ClubShares.Shares of = shares(row);
			budget = budget.add(of.eventsBudget());
			commission = commission.add(of.commission());
		}
		return new ClubShares.Shares(budget, commission);
	}

	List<PurchaseRow> purchaseRows() {
		List<PurchaseRow> purchases = new ArrayList<>(fresh.size());
		for (Row row : fresh) {
			ClubShares.Shares charged = shares(row);
			MemberSummary member = row.member;
			UUID earnTx = row.earn == null ? null : row.earn.transactionId;
			purchases.add(new PurchaseRow(row.id, business.id(), member == null ? null : member.id(),
					member == null ? row.purchase.phone() : null, row.purchase.amount(), ZERO, row.category.key(),
					row.description, row.purchase.externalId(), row.occurredAt, row.earned, ZERO, earnTx, null,
					member != null ? PurchaseRow.RECORDED : PurchaseRow.UNMATCHED, false, null, channel, actor, now,
					member == null ? null : member.status(), member == null ? null : member.status(),
					earnTx == null ? null : pendingUntil(row), charged.eventsBudget(), charged.commission(), null));
		}
		return purchases;
	}

	List<LocalDate> occurredOn() {
		return fresh.stream().map(r -> r.occurredAt.atZone(zone).toLocalDate()).toList();
	}

	/** The members who bought in the batch. */
	Set<UUID> buyers() {
		Set<UUID> buyers = new LinkedHashSet<>();
		matched().forEach(r -> buyers.add(member(r).id()));
		return buyers;
	}

	BusinessSummary business() {
		return business;
	}

	String actor() {
		return actor;
	}

	private ClubShares.Shares shares(Row row) {
		return ClubShares.of(rules, row.purchase.amount(), false, row.occurredAt.atZone(zone).toLocalDate(),
				business.joinedAt());
	}

	private Instant pendingUntil(Row row) {
		return row.occurredAt.plus(Duration.ofDays(rules.returnWindowDays()));
	}

	private List<Row> matched() {
		return fresh.stream().filter(r -> r.member != null).toList();
	}

	private static MemberSummary member(Row row) {
		return Objects.requireNonNull(row.member, "a matched row has a member");
	}
}
