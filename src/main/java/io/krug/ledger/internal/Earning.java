package io.krug.ledger.internal;

import io.krug.ledger.EarnCommand;
import io.krug.ledger.LedgerAccount;
import io.krug.ledger.LedgerError;
import io.krug.ledger.PartyId;
import io.krug.ledger.PostCommand;
import io.krug.ledger.Posting;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.ledger.SourceType;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Credits: earns (one statement) and positive manual adjustments. */
@Component
class Earning {

	private final PostingStore postings;

	private final Replays replays;

	private final Programs programs;

	private final LedgerProperties properties;

	private final Clock clock;

	Earning(PostingStore postings, Replays replays, Programs programs, LedgerProperties properties, Clock clock) {
		this.postings = postings;
		this.replays = replays;
		this.programs = programs;
		this.properties = properties;
		this.clock = clock;
	}

	/** The earn, and the postings caused with it written in the same statement. */
	Posting earn(EarnCommand command, List<PostCommand> alongside) {
		if (command.reason().use() != Reason.Use.EARN) {
			throw LedgerError.INVALID_POSTING.exception(command.reason() + " is not an earning reason.");
		}
		BigDecimal amount = Amounts.positive(command.amount(), "amount");
		Instant now = clock.instant();
		if (!command.expiresAt().isAfter(now) || !command.expiresAt().isAfter(command.availableAt())) {
			throw LedgerError.INVALID_POSTING.exception("expires_at must be after now and after available_at.");
		}
		Header header = Header.of(command.reason(), command.memberId(), command.funder().value(),
				command.description(), command.actor(), command.source(), null, command.idempotencyKey(), now);
		List<Postings.Prepared> posts = alongside.stream().map(p -> Postings.prepare(p, now)).toList();
		return credit(header, command.funder(), amount, command.availableAt(), command.expiresAt(), posts);
	}

	/** A club-funded lot, available at once, expiring after the program's adjustment period. */
	Posting adjustUp(UUID member, BigDecimal amount, String note, String actor, @Nullable String key) {
		Instant now = clock.instant();
		PartyId club = PartyId.club(TenantContext.require());
		Instant expiresAt = now.atZone(programs.get(TenantContext.require()).timeZone())
			.plus(properties.adjustmentExpiry())
			.toInstant();
		Header header = Header.of(Reason.ADJUSTMENT, member, club.value(), note, actor,
				new Source(SourceType.ADJUSTMENT, null), null, key, now);
		return credit(header, club, amount, now, expiresAt, List.of());
	}

	private Posting credit(Header header, PartyId funder, BigDecimal amount, Instant availableAt, Instant expiresAt,
			List<Postings.Prepared> posts) {
		UUID member = Objects.requireNonNull(header.memberId());
		LotState state = availableAt.isAfter(header.at()) ? LotState.PENDING : LotState.AVAILABLE;
		Legs legs = new Legs().add(LedgerAccount.liability(funder), amount.negate())
			.add(new LedgerAccount(state.account(), member), amount);
		var lot = new PostingStore.NewLot(Ids.newId(), member, funder.value(), amount, state, availableAt, expiresAt);
		PostingStore.Earned earned = postings.earn(header, legs, lot, posts);
		for (Postings.Prepared post : posts) {
			if (!earned.posted().contains(post.header().id())) {
				replays.existing(post.header().idempotencyKey(), post.header().reason(), null);
			}
		}
		return earned.balance()
			.map(balance -> new Posting(header.id(), header.at(), false, balance))
			.orElseGet(() -> {
				StoredTransaction stored = replays.existing(header.idempotencyKey(), header.reason(), member);
				return new Posting(stored.id(), stored.createdAt(), true, stored.balance());
			});
	}
}
