package io.krug.ledger.internal;

import io.krug.ledger.AccountKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything one statement writes for one or more ledger transactions: headers, legs, lot movements, released lots.
 * Member balance changes are not given: they are derived from the member legs, so a balance row can only move by
 * exactly what its member's entries move (less what a conditional debit has already applied).
 */
final class WriteSet {

	private final Instant at;

	private final List<Header> headers = new ArrayList<>();

	private final List<TxLeg> legs = new ArrayList<>();

	private final List<TxMove> moves = new ArrayList<>();

	private final Set<UUID> movedLots = new HashSet<>();

	private final List<UUID> released = new ArrayList<>();

	private final Map<UUID, BigDecimal[]> deltas = new LinkedHashMap<>();

	WriteSet(Instant at) {
		this.at = at;
	}

	/** A transaction whose header this statement inserts too. */
	WriteSet transaction(Header header, Legs legs) {
		headers.add(header);
		return legs(header.id(), legs);
	}

	/** The legs of a transaction whose header is already written. */
	WriteSet legs(UUID transactionId, Legs transactionLegs) {
		for (Legs.Leg leg : transactionLegs.balanced()) {
			legs.add(new TxLeg(transactionId, leg));
			if (leg.account().kind().isMember()) {
				int slot = leg.account().kind() == AccountKind.MEMBER_AVAILABLE ? 0 : 1;
				delta(leg.account().owner())[slot] = delta(leg.account().owner())[slot].add(leg.amount());
			}
		}
		return this;
	}

	WriteSet moves(UUID transactionId, List<LotMove> lotMoves) {
		for (LotMove move : lotMoves) {
			if (!movedLots.add(move.lotId())) {
				throw new IllegalStateException("Lot " + move.lotId() + " moved twice in one statement; indicates a bug");
			}
			moves.add(new TxMove(transactionId, move));
		}
		return this;
	}

	WriteSet release(UUID lotId) {
		released.add(lotId);
		return this;
	}

	/** What a conditional debit already did to a member's balance row in this transaction. */
	WriteSet alreadyApplied(UUID member, BigDecimal available, BigDecimal pending) {
		BigDecimal[] delta = delta(member);
		delta[0] = delta[0].subtract(available);
		delta[1] = delta[1].subtract(pending);
		return this;
	}

	private BigDecimal[] delta(UUID member) {
		return deltas.computeIfAbsent(member, m -> new BigDecimal[] { Amounts.ZERO, Amounts.ZERO });
	}

	Instant at() {
		return at;
	}

	List<Header> headers() {
		return headers;
	}

	List<TxLeg> legs() {
		return legs;
	}

	List<TxMove> moves() {
		return moves;
	}

	List<UUID> released() {
		return released;
	}

	/** Per member: [available, pending] changes still to apply; members with no change left out. */
	Map<UUID, BigDecimal[]> balanceChanges() {
		Map<UUID, BigDecimal[]> changes = new LinkedHashMap<>();
		deltas.forEach((member, delta) -> {
			if (delta[0].signum() != 0 || delta[1].signum() != 0) {
				changes.put(member, delta);
			}
		});
		return changes;
	}

	record TxLeg(UUID transactionId, Legs.Leg leg) {
	}

	record TxMove(UUID transactionId, LotMove move) {
	}
}
