package io.krug.integrations.imports;

import io.krug.identity.IdentityApi;
import io.krug.loyalty.purchases.Customer;
import io.krug.loyalty.purchases.ExternalPurchase;
import io.krug.loyalty.purchases.ExternalPurchases;
import io.krug.loyalty.purchases.ImportedPurchase;
import io.krug.loyalty.purchases.PurchaseImports;
import io.krug.loyalty.purchases.RecordPurchase;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an import: streams the stored file (detecting its encoding and separator), checks each row, and records the
 * rows in batches of {@code krug.imports.batch-size} (20,000) set-based ({@link PurchaseImports}, ADR 0014): one
 * transaction and a handful of statements per batch, whose external ids recorded before are duplicates. Up to
 * {@code krug.imports.parallelism} (2) batches are recorded at once, each by its own thread and transaction, while
 * this thread reads the next; on two cores one batch keeps one PostgreSQL backend busy and the other core idle. The buyers'
 * statuses are recomputed once each when {@code krug.imports.status-every} (10,000) of them have bought since the
 * last recomputation, and at the end. If the batch fails (a row the pipeline rejects), it is rolled back and
 * recorded in halves, each set-based again, down to sets of {@value #ONE_BY_ONE} rows recorded one transaction each
 * through the purchase pipeline, so the failing row is rejected with its reason and the others are recorded. Progress
 * and rejections are written after each batch. Memory stays constant: one chunk of the file, {@code parallelism} + 1
 * batches of rows and at most {@code status-every} + {@code parallelism} batches' member ids.
 */
@Component
class ImportRunner {

	static final String CHANNEL = "import";

	/** Members whose statuses are recomputed in one transaction. */
	private static final int STATUS_CHUNK = 500;

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	/** A failing set of at most this many rows is recorded row by row; a larger one is halved. */
	static final int ONE_BY_ONE = 64;

	private final ImportStore store;

	private final PurchaseImports imports;

	private final ExternalPurchases purchases;

	private final IdentityApi identity;

	private final Programs programs;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final int batchSize;

	private final int statusEvery;

	private final int parallelism;

	ImportRunner(ImportStore store, PurchaseImports imports, ExternalPurchases purchases, IdentityApi identity,
			Programs programs, JsonMapper json, Clock clock, PlatformTransactionManager transactions,
			@Value("${krug.imports.batch-size:20000}") int batchSize,
			@Value("${krug.imports.status-every:10000}") int statusEvery,
			@Value("${krug.imports.parallelism:2}") int parallelism) {
		this.store = store;
		this.imports = imports;
		this.purchases = purchases;
		this.identity = identity;
		this.programs = programs;
		this.json = json;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
		this.batchSize = batchSize;
		this.statusEvery = statusEvery;
		if (parallelism < 1) {
			throw new IllegalArgumentException("krug.imports.parallelism must be at least 1, not " + parallelism);
		}
		this.parallelism = parallelism;
	}

	/** Runs the import of the current program; a finished import is left alone. */
	void run(UUID importId) {
		ImportRecord job = tx.execute(s -> store.find(importId).orElse(null));
		if (job == null || !Boolean.TRUE.equals(tx.execute(s -> store.start(importId, clock.instant())))) {
			return;
		}
		Progress progress = new Progress();
		RowParser parser = new RowParser(identity, programs.get(TenantContext.require()).timeZone());
		try (RowSource rows = open(job); Batches batches = new Batches(job, progress)) {
			String failure = null;
			try {
				List<ImportRow> batch = new ArrayList<>(batchSize);
				for (RowSource.Raw raw = rows.next(); raw != null; raw = rows.next()) {
					progress.read++;
					switch (parser.parse(raw.line(), raw.values(), raw.text())) {
						case RowParser.Ok ok -> batch.add(ok.row());
						case RowParser.Rejected rejected -> progress.reject(rejected);
					}
					if (batch.size() == batchSize) {
						batches.submit(batch);
						batch = new ArrayList<>(batchSize);
					}
				}
				batches.submit(batch);
			}
			catch (RowSource.FileRejected ex) {
				// the rows before the fault are recorded, and the import fails with the fault's reason
				failure = ex.getMessage();
			}
			batches.finish();
			recomputeStatuses(progress);
			String outcome = failure == null ? "completed" : "failed";
			String reason = failure;
			tx.executeWithoutResult(s -> store.finish(importId, outcome, reason, clock.instant()));
		}
		catch (RowSource.FileRejected ex) {
			// rejected on opening: nothing was read
			tx.executeWithoutResult(s -> store.finish(importId, "failed", ex.getMessage(), clock.instant()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The batches of one run, recorded by {@code krug.imports.parallelism} threads while this one reads on: at most
	 * that many are in flight, and each is accounted for (progress, rejections, status recomputation) in the order it
	 * was read. Two batches in flight share nothing but the rows they lock in the same order (external ids, member
	 * categories, balance rows at the end of their transactions): the second waits for the first where they meet.
	 */
	private final class Batches implements AutoCloseable {

		private final ImportRecord job;

		private final Progress progress;

		private final ExecutorService recorders;

		private final Deque<Future<Tally>> inFlight = new ArrayDeque<>();

		Batches(ImportRecord job, Progress progress) {
			this.job = job;
			this.progress = progress;
			this.recorders = Executors.newFixedThreadPool(parallelism,
					Thread.ofPlatform().name("krug-import-", 0).daemon().factory());
		}

		/** Hands the rows to a recorder, once fewer than {@code parallelism} batches are in flight. */
		void submit(List<ImportRow> batch) {
			if (batch.isEmpty()) {
				return;
			}
			Set<String> taken = new HashSet<>();
			List<ImportRow> distinct = new ArrayList<>(batch.size());
			for (ImportRow row : batch) {
				if (!taken.add(row.externalId())) {
					progress.duplicate++;
				}
				else {
					distinct.add(row);
				}
			}
			while (inFlight.size() >= parallelism) {
				account(result(inFlight.removeFirst()));
			}
			ProgramId program = TenantContext.require();
			inFlight.addLast(recorders.submit(() -> TenantContext.call(program, () -> {
				Tally tally = new Tally();
				recordAll(job, distinct, tally);
				return tally;
			})));
		}

		/** Waits for every batch in flight, accounts for each, and writes the rejections read since. */
		void finish() {
			drain();
			account(new Tally());
		}

		private void drain() {
			while (!inFlight.isEmpty()) {
				account(result(inFlight.removeFirst()));
			}
		}

		private void account(Tally tally) {
			progress.imported += tally.imported;
			progress.duplicate += tally.duplicate;
			tally.rejected.forEach(progress::reject);
			progress.buyers.addAll(tally.buyers);
			List<RowParser.Rejected> rejections = List.copyOf(progress.pending);
			progress.pending.clear();
			tx.executeWithoutResult(s -> {
				rejections.forEach(r -> store.reject(job.id(), r.line(), r.reason(), r.raw()));
				store.progress(job.id(), progress.read, progress.imported, progress.duplicate, progress.rejected);
			});
			if (progress.buyers.size() >= statusEvery) {
				// the statuses are recomputed with no batch in flight, as they would be one batch at a time
				drain();
				recomputeStatuses(progress);
			}
		}

		private static Tally result(Future<Tally> batch) {
			try {
				return batch.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while recording an import batch", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(ex.getCause());
			}
		}

		/** Stops the recorders; a batch still in flight (the run failed) is rolled back by its interruption or ends. */
		@Override
		public void close() {
			recorders.shutdownNow();
		}
	}

	private RowSource open(ImportRecord job) throws IOException {
		BufferedInputStream in = new BufferedInputStream(
				new ChunkInputStream(seq -> tx.execute(s -> store.chunk(job.id(), seq).orElse(null))),
				TextDetection.SAMPLE + 3);
		Charset charset = TextDetection.charset(in);
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), TextDetection.SAMPLE);
		return "jsonl".equals(job.format()) ? RowSource.jsonLines(reader, json) : RowSource.csv(reader);
	}

	/**
	 * The batch set-based in one transaction; when that fails, each half the same way, down to sets of
	 * {@value #ONE_BY_ONE} rows, which are recorded through the pipeline one row at a time.
	 */
	private void recordAll(ImportRecord job, List<ImportRow> rows, Tally tally) {
		try {
			PurchaseImports.Outcome outcome = record(job, rows);
			tally.imported += outcome.imported();
			tally.duplicate += outcome.duplicate();
			tally.buyers.addAll(outcome.buyers());
		}
		catch (KrugException | DataAccessException ex) {
			if (rows.size() > ONE_BY_ONE) {
				// a row the pipeline rejects (an unknown category, a date out of range) fails its whole batch: halve
				// it and record each half set-based again, so the bad row ends in a small set recorded row by row
				// and a large batch does not fall back to the pipeline's ~250 rows/s as a whole
				log.info("Import {}: a batch of {} rows failed ({}); recording it in halves", job.id(), rows.size(),
						ex.getMessage());
				int half = rows.size() / 2;
				recordAll(job, rows.subList(0, half), tally);
				recordAll(job, rows.subList(half, rows.size()), tally);
				return;
			}
			log.info("Import {}: a set of {} rows failed ({}); recording them one by one", job.id(), rows.size(),
					ex.getMessage());
			rows.forEach(row -> recordOne(job, row, tally));
		}
	}

	/**
	 * The rows set-based; a batch that lost a deadlock to a concurrent batch (a referral reward locks a member's
	 * balance row out of order, rarely) is tried once more as a whole before it is halved.
	 */
	private PurchaseImports.Outcome record(ImportRecord job, List<ImportRow> rows) {
		List<ImportedPurchase> purchases = rows.stream().map(ImportRunner::purchase).toList();
		try {
			return imports.record(job.id(), job.businessId(), purchases, CHANNEL, job.actor());
		}
		catch (PessimisticLockingFailureException ex) {
			log.info("Import {}: a batch of {} rows lost a lock to another ({}); trying it again", job.id(),
					rows.size(), ex.getMessage());
			return imports.record(job.id(), job.businessId(), purchases, CHANNEL, job.actor());
		}
	}

	/** The statuses of the buyers since the last recomputation, in transactions of a bounded size. */
	private void recomputeStatuses(Progress progress) {
		List<UUID> buyers = List.copyOf(progress.buyers);
		for (int from = 0; from < buyers.size(); from += STATUS_CHUNK) {
			imports.recomputeStatuses(buyers.subList(from, Math.min(buyers.size(), from + STATUS_CHUNK)));
		}
		progress.buyers.clear();
	}

	private static ImportedPurchase purchase(ImportRow row) {
		return new ImportedPurchase(row.occurredAt().truncatedTo(ChronoUnit.MICROS), row.phone(), row.amount(),
				row.category(), row.description(), row.externalId());
	}

	private void recordOne(ImportRecord job, ImportRow row, Tally tally) {
		try {
			ExternalPurchase purchase = purchases.record(command(job, row));
			if (purchase.created()) {
				tally.imported++;
			}
			else {
				tally.duplicate++;
			}
		}
		catch (DuplicateKeyException ex) {
			tally.duplicate++;
		}
		catch (KrugException ex) {
			tally.rejected.add(new RowParser.Rejected(row.line(), ex.error().code() + ": " + ex.getMessage(), row.raw()));
		}
	}

	private RecordPurchase command(ImportRecord job, ImportRow row) {
		return new RecordPurchase(job.businessId(), new Customer.ByPhone(row.phone()), row.amount(), row.category(),
				row.description(), row.externalId(), row.occurredAt().truncatedTo(ChronoUnit.MICROS), null, false, null,
				CHANNEL, job.actor());
	}

	/** What one batch did: filled by its recorder thread, read by the run's thread once the batch is done. */
	private static final class Tally {

		long imported;

		long duplicate;

		final List<RowParser.Rejected> rejected = new ArrayList<>();

		final Set<UUID> buyers = new HashSet<>();
	}

	/** Counters of one run, and the rejections not yet written; used by the run's thread only. */
	private static final class Progress {

		long read;

		long imported;

		long duplicate;

		long rejected;

		final List<RowParser.Rejected> pending = new ArrayList<>();

		/** Members who bought in batches since the last status recomputation. */
		final Set<UUID> buyers = new LinkedHashSet<>();

		void reject(RowParser.Rejected rejection) {
			rejected++;
			pending.add(rejection);
		}
	}
}
