package io.krug.ledger.internal;

import io.krug.ledger.PartyId;
import io.krug.ledger.Payable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns settlement legs into payables between parties. Within one transaction, parties whose settlement went down
 * pay those whose settlement went up, matched in order (exact: no proportions, no rounding); what the legs leave
 * unbalanced is against the club (a commission or a budget share goes to it, a budget payout comes from it). Flows
 * in both directions between two parties are netted.
 */
final class Netting {

	private final UUID club;

	private final Map<List<UUID>, BigDecimal> flows = new LinkedHashMap<>();

	Netting(UUID club) {
		this.club = club;
	}

	/** Adds one transaction's settlement, per party (one net amount per party). */
	void add(Map<UUID, BigDecimal> settlement) {
		List<Side> payers = new ArrayList<>();
		List<Side> payees = new ArrayList<>();
		BigDecimal net = Amounts.ZERO;
		for (var entry : settlement.entrySet()) {
			BigDecimal amount = entry.getValue();
			net = net.add(amount);
			if (amount.signum() < 0) {
				payers.add(new Side(entry.getKey(), amount.negate()));
			}
			else if (amount.signum() > 0) {
				payees.add(new Side(entry.getKey(), amount));
			}
		}
		if (net.signum() < 0) {
			payees.add(new Side(club, net.negate()));
		}
		else if (net.signum() > 0) {
			payers.add(new Side(club, net));
		}
		match(payers, payees);
	}

	private void match(List<Side> payers, List<Side> payees) {
		int i = 0;
		int j = 0;
		while (i < payers.size() && j < payees.size()) {
			BigDecimal amount = payers.get(i).left.min(payees.get(j).left);
			flow(payers.get(i).party, payees.get(j).party, amount);
			payers.get(i).left = payers.get(i).left.subtract(amount);
			payees.get(j).left = payees.get(j).left.subtract(amount);
			if (payers.get(i).left.signum() == 0) {
				i++;
			}
			if (payees.get(j).left.signum() == 0) {
				j++;
			}
		}
	}

	private void flow(UUID payer, UUID payee, BigDecimal amount) {
		if (!payer.equals(payee)) {
			flows.merge(List.of(payer, payee), amount, BigDecimal::add);
		}
	}

	/** Net payables, one per pair of parties with a non-zero net, by payer then payee. */
	List<Payable> payables() {
		Map<List<UUID>, BigDecimal> net = new LinkedHashMap<>();
		flows.forEach((pair, amount) -> {
			boolean ordered = pair.get(0).compareTo(pair.get(1)) < 0;
			List<UUID> key = ordered ? pair : List.of(pair.get(1), pair.get(0));
			net.merge(key, ordered ? amount : amount.negate(), BigDecimal::add);
		});
		List<Payable> payables = new ArrayList<>();
		net.forEach((pair, amount) -> {
			if (amount.signum() > 0) {
				payables.add(new Payable(new PartyId(pair.get(0)), new PartyId(pair.get(1)), amount));
			}
			else if (amount.signum() < 0) {
				payables.add(new Payable(new PartyId(pair.get(1)), new PartyId(pair.get(0)), amount.negate()));
			}
		});
		payables.sort(Comparator.comparing((Payable p) -> p.payer().value()).thenComparing(p -> p.payee().value()));
		return payables;
	}

	private static final class Side {

		private final UUID party;

		private BigDecimal left;

		Side(UUID party, BigDecimal left) {
			this.party = party;
			this.left = left;
		}
	}
}
