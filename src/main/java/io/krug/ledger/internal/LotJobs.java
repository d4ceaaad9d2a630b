package io.krug.ledger.internal;

import io.krug.ledger.BonusesExpired;
import io.krug.ledger.LedgerAccount;
import io.krug.ledger.LotRun;
import io.krug.ledger.PartyId;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.ledger.SourceType;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases and expires lots of the current program in batches of members, one database transaction per batch: lock
 * the members' balance rows (in id order), lock their due lots, post one transaction per lot, all in one statement.
 * A lot no longer due once locked (a concurrent run took it) is skipped, so running twice does nothing twice.
 */
@Component
class LotJobs {

	static final String ACTOR = "system";

	private final LotStore lots;

	private final PostingStore postings;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final int batchSize;

	LotJobs(LotStore lots, PostingStore postings, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events, LedgerProperties properties) {
		this.lots = lots;
		this.postings = postings;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.batchSize = properties.jobBatchSize();
	}

	LotRun release(Instant now) {
		return run(LotStore.LotJob.RELEASE, now);
	}

	LotRun expire(Instant now) {
		return run(LotStore.LotJob.EXPIRE, now);
	}

	private LotRun run(LotStore.LotJob job, Instant now) {
		LotRun total = new LotRun(0, 0, Amounts.ZERO);
		while (true) {
			Batch batch = transactions.execute(status -> batch(job, now));
			if (batch == null || batch.candidates() == 0) {
				return total;
			}
			total = new LotRun(total.lots() + batch.run().lots(), total.members() + batch.run().members(),
					total.amount().add(batch.run().amount()));
			if (batch.run().lots() == 0) {
				return total;
			}
		}
	}

	private Batch batch(LotStore.LotJob job, Instant now) {
		List<UUID> members = lots.membersDue(job, now, batchSize);
		if (members.isEmpty()) {
			return new Batch(0, new LotRun(0, 0, Amounts.ZERO));
		}
		lots.lockBalances(members);
		List<Lot> due = lots.lockDue(job, members, now);
		WriteSet set = new WriteSet(now);
		Map<UUID, BigDecimal> moved = new LinkedHashMap<>();
		for (Lot lot : due) {
			if (job == LotStore.LotJob.RELEASE) {
				set.release(lot.id());
			}
			if (lot.remaining().signum() > 0) {
				post(job, lot, set, now);
				moved.merge(lot.memberId(), lot.remaining(), BigDecimal::add);
			}
		}
		if (!due.isEmpty()) {
			postings.write(set);
		}
		if (job == LotStore.LotJob.EXPIRE) {
			moved.forEach((member, amount) -> events
				.publishEvent(new BonusesExpired(TenantContext.require(), member, amount, now)));
		}
		return new Batch(members.size(),
				new LotRun(due.size(), moved.size(), moved.values().stream().reduce(Amounts.ZERO, BigDecimal::add)));
	}

	private static void post(LotStore.LotJob job, Lot lot, WriteSet set, Instant now) {
		boolean release = job == LotStore.LotJob.RELEASE;
		Header header = Header.of(release ? Reason.RELEASE : Reason.EXPIRY, lot.memberId(), lot.funderId(), null,
				ACTOR, new Source(release ? SourceType.RELEASE : SourceType.EXPIRY, lot.id()), null, null, now);
		Legs legs = new Legs().add(new LedgerAccount(lot.state().account(), lot.memberId()),
				lot.remaining().negate());
		if (release) {
			legs.add(LedgerAccount.memberAvailable(lot.memberId()), lot.remaining());
		}
		else {
			legs.add(LedgerAccount.liability(new PartyId(lot.funderId())), lot.remaining());
			set.moves(header.id(), List.of(new LotMove(lot.id(), lot.funderId(), lot.remaining())));
		}
		set.transaction(header, legs);
	}

	private record Batch(int candidates, LotRun run) {
	}
}
