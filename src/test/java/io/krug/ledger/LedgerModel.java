package io.krug.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deliberately naive in-memory model of the ledger's rules for the property test: lots in lists, FIFO by expiry,
 * proportional restores by the largest remainder. It knows nothing of entries, SQL or locks.
 */
final class LedgerModel {

	static final BigDecimal ZERO = new BigDecimal("0.00");

	final List<Lot> lots = new ArrayList<>();

	final Map<UUID, Spend> spends = new HashMap<>();

	static final class Lot {

		final UUID member;

		final PartyId funder;

		final BigDecimal amount;

		final Instant availableAt;

		final Instant expiresAt;

		BigDecimal remaining;

		BigDecimal reversed = ZERO;

		boolean pending;

		Lot(UUID member, PartyId funder, BigDecimal amount, Instant availableAt, Instant expiresAt, Instant now) {
			this.member = member;
			this.funder = funder;
			this.amount = amount;
			this.remaining = amount;
			this.availableAt = availableAt;
			this.expiresAt = expiresAt;
			this.pending = availableAt.isAfter(now);
		}
	}

	/** What a spend took from each lot, less what restores gave back. */
	record Spend(UUID member, Map<Lot, BigDecimal> taken) {
	}

	record Breakdown(BigDecimal fromLot, BigDecimal fromBalance, BigDecimal loss) {
	}

	Lot earn(UUID member, PartyId funder, BigDecimal amount, Instant availableAt, Instant expiresAt, Instant now) {
		Lot lot = new Lot(member, funder, amount, availableAt, expiresAt, now);
		lots.add(lot);
		return lot;
	}

	BigDecimal available(UUID member) {
		return sum(lots.stream().filter(l -> l.member.equals(member) && !l.pending).map(l -> l.remaining).toList());
	}

	BigDecimal pending(UUID member) {
		return sum(lots.stream().filter(l -> l.member.equals(member) && l.pending).map(l -> l.remaining).toList());
	}

	/** What is left of a funder's lots: what it still owes. */
	BigDecimal held(PartyId funder) {
		return sum(lots.stream().filter(l -> l.funder.equals(funder)).map(l -> l.remaining).toList());
	}

	/** Takes FIFO; null when the available points do not cover the amount. */
	Map<Lot, BigDecimal> take(UUID member, BigDecimal amount, Lot excluded) {
		Map<Lot, BigDecimal> taken = new LinkedHashMap<>();
		BigDecimal left = amount;
		for (Lot lot : spendable(member)) {
			if (lot == excluded || left.signum() == 0) {
				continue;
			}
			BigDecimal part = lot.remaining.min(left);
			lot.remaining = lot.remaining.subtract(part);
			taken.put(lot, part);
			left = left.subtract(part);
		}
		return taken;
	}

	boolean spend(UUID spendTx, UUID member, BigDecimal amount) {
		if (amount.compareTo(available(member)) > 0) {
			return false;
		}
		spends.put(spendTx, new Spend(member, take(member, amount, null)));
		return true;
	}

	boolean debit(UUID member, BigDecimal amount) {
		if (amount.compareTo(available(member)) > 0) {
			return false;
		}
		take(member, amount, null);
		return true;
	}

	/** Null when the reversals of the lot would exceed it. */
	Breakdown reverse(Lot lot, BigDecimal amount) {
		if (lot.reversed.add(amount).compareTo(lot.amount) > 0) {
			return null;
		}
		lot.reversed = lot.reversed.add(amount);
		BigDecimal fromLot = amount.min(lot.remaining);
		lot.remaining = lot.remaining.subtract(fromLot);
		BigDecimal shortfall = amount.subtract(fromLot);
		BigDecimal fromBalance = sum(take(lot.member, shortfall, lot).values().stream().toList());
		return new Breakdown(fromLot, fromBalance, shortfall.subtract(fromBalance));
	}

	BigDecimal restorable(UUID spendTx) {
		return sum(spends.get(spendTx).taken().values().stream().toList());
	}

	/** Gives back in proportion to what is left per lot, by the largest remainder in cents, ties to the earlier lot. */
	boolean restore(UUID spendTx, BigDecimal amount) {
		Spend spend = spends.get(spendTx);
		BigDecimal total = restorable(spendTx);
		if (amount.compareTo(total) > 0) {
			return false;
		}
		List<Lot> order = spend.taken()
			.keySet()
			.stream()
			.filter(l -> spend.taken().get(l).signum() > 0)
			.sorted(Comparator.comparing(l -> l.expiresAt))
			.toList();
		long wanted = cents(amount);
		long all = cents(total);
		long[] shares = new long[order.size()];
		long[] remainders = new long[order.size()];
		long left = wanted;
		for (int i = 0; i < order.size(); i++) {
			long weighted = wanted * cents(spend.taken().get(order.get(i)));
			shares[i] = weighted / all;
			remainders[i] = weighted % all;
			left -= shares[i];
		}
		while (left-- > 0) {
			int best = 0;
			for (int i = 1; i < order.size(); i++) {
				if (remainders[i] > remainders[best]) {
					best = i;
				}
			}
			shares[best]++;
			remainders[best] = -1;
		}
		for (int i = 0; i < order.size(); i++) {
			BigDecimal share = BigDecimal.valueOf(shares[i], 2);
			Lot lot = order.get(i);
			lot.remaining = lot.remaining.add(share);
			spend.taken().put(lot, spend.taken().get(lot).subtract(share));
		}
		return true;
	}

	void release(Instant now) {
		lots.stream().filter(l -> l.pending && !l.availableAt.isAfter(now)).forEach(l -> l.pending = false);
	}

	void expire(Instant now) {
		lots.stream().filter(l -> !l.expiresAt.isAfter(now)).forEach(l -> l.remaining = ZERO);
	}

	private List<Lot> spendable(UUID member) {
		return lots.stream()
			.filter(l -> l.member.equals(member) && !l.pending && l.remaining.signum() > 0)
			.sorted(Comparator.comparing(l -> l.expiresAt))
			.toList();
	}

	private static long cents(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
	}

	private static BigDecimal sum(List<BigDecimal> amounts) {
		return amounts.stream().reduce(ZERO, BigDecimal::add);
	}
}
