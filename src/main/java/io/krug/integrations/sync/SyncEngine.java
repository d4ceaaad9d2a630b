package io.krug.integrations.sync;

import io.krug.identity.IdentityApi;
import io.krug.integrations.IntegrationFailing;
import io.krug.integrations.connector.ConnectionSettings;
import io.krug.integrations.connector.Connector;
import io.krug.integrations.connector.ConnectorException;
import io.krug.integrations.connector.ExternalSale;
import io.krug.integrations.connector.FetchPage;
import io.krug.integrations.connector.FetchRequest;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Syncs integrations (seed 003 "3.2 Процесс синхронизации"). A run first claims its integration (a conditional
 * update, so one run at a time per integration whichever replica or thread asks), then reads the window
 * {@code [sync_from − overlap, now)} page by page and records each sale in its own transaction, idempotently by its
 * external id. Only when every page was read does {@code sync_from} move to the window's end; a run that fails
 * keeps it, so the next run reads the same window again and finds what it recorded as duplicates. Failures back off
 * exponentially ({@code min(retry-base · 2^(n−1), retry-max)}, or the system's {@code Retry-After} when longer);
 * the {@code failing-after}-th failure in a row marks the integration failing and publishes
 * {@link IntegrationFailing}, once until a run succeeds.
 */
@Service
class SyncEngine {

	private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

	private final IntegrationStore store;

	private final IntegrationService integrations;

	private final Connectors connectors;

	private final SaleRecorder recorder;

	private final IdentityApi identity;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final Settings settings;

	/** The engine's tunables ({@code krug.integrations.*}). */
	record Settings(Duration overlap, Duration retryBase, Duration retryMax, int failingAfter, Duration claimLease,
			int pageSize, int maxPages) {
	}

	SyncEngine(IntegrationStore store, IntegrationService integrations, Connectors connectors, SaleRecorder recorder,
			IdentityApi identity, ApplicationEventPublisher events, JsonMapper json, Clock clock,
			PlatformTransactionManager transactions,
			@Value("${krug.integrations.overlap:10m}") Duration overlap,
			@Value("${krug.integrations.retry-base:1m}") Duration retryBase,
			@Value("${krug.integrations.retry-max:6h}") Duration retryMax,
			@Value("${krug.integrations.failing-after:5}") int failingAfter,
			@Value("${krug.integrations.claim-lease:30m}") Duration claimLease,
			@Value("${krug.integrations.page-size:100}") int pageSize,
			@Value("${krug.integrations.max-pages:1000}") int maxPages) {
		this.store = store;
		this.integrations = integrations;
		this.connectors = connectors;
		this.recorder = recorder;
		this.identity = identity;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
		this.settings = new Settings(overlap, retryBase, retryMax, failingAfter, claimLease, pageSize, maxPages);
	}

	/** Syncs every due integration of the current program that no other run holds; returns how many it synced. */
	int runDue() {
		Instant now = now();
		int synced = 0;
		for (UUID id : Objects.requireNonNull(tx.execute(s -> store.due(now)))) {
			if (claim(id, now, true)) {
				sync(id);
				synced++;
			}
		}
		return synced;
	}

	/**
	 * Syncs the integration now, whether due or not.
	 *
	 * @throws io.krug.platform.web.KrugException 409 {@code sync_in_progress} while another run holds it
	 */
	SyncSummary syncNow(UUID id) {
		integrations.get(id);
		if (!claim(id, now(), false)) {
			throw IntegrationError.SYNC_IN_PROGRESS.exception("Integration " + id + " is syncing right now.");
		}
		return sync(id);
	}

	private boolean claim(UUID id, Instant now, boolean dueOnly) {
		return Boolean.TRUE.equals(tx.execute(s -> store.claim(id, now, now.plus(settings.claimLease()), dueOnly)));
	}

	private SyncSummary sync(UUID id) {
		Integration integration = tx.execute(s -> store.find(id))
			.orElseThrow(() -> new IllegalStateException("Claimed integration " + id + " is gone; indicates a bug"));
		Instant to = now();
		SyncRun run = new SyncRun(integration.syncFrom().minus(settings.overlap()), to);
		try {
			read(integration, run);
			tx.executeWithoutResult(s -> store.succeeded(id, to, now(),
					now().plusSeconds(integration.intervalSeconds()), write(run)));
		}
		catch (ConnectorException ex) {
			failed(integration, run, ex.kind().name().toLowerCase(Locale.ROOT) + ": " + ex.getMessage(),
					ex.retryAfter());
		}
		catch (RuntimeException ex) {
			log.error("Sync of integration {} failed", id, ex);
			failed(integration, run, "internal: " + ex.getClass().getSimpleName(), null);
		}
		return run.view();
	}

	private void read(Integration integration, SyncRun run) {
		Connector connector = connectors.get(integration.system());
		ConnectionSettings connection = integrations.settings(integration);
		PhoneMatcher phones = new PhoneMatcher(identity, connection);
		String cursor = null;
		do {
			if (run.view().pages() >= settings.maxPages()) {
				throw new ConnectorException(ConnectorException.Kind.MALFORMED,
						"More than " + settings.maxPages() + " pages in one window");
			}
			FetchPage page = connector.fetch(connection,
					new FetchRequest(run.view().from(), run.view().to(), cursor, settings.pageSize()));
			run.page();
			for (ExternalSale sale : page.sales()) {
				run.count(sale.externalId(), recorder.record(integration, sale, phones));
			}
			cursor = page.nextCursor();
		}
		while (cursor != null);
	}

	private void failed(Integration integration, SyncRun run, String error, @Nullable Duration retryAfter) {
		run.fail(error);
		Instant now = now();
		int attempt = integration.consecutiveFailures() + 1;
		Duration backoff = backoff(attempt, retryAfter);
		tx.executeWithoutResult(s -> {
			IntegrationStore.Failure failure = store.failed(integration.id(), error, now, now.plus(backoff),
					settings.failingAfter(), write(run));
			if (failure.becameFailing()) {
				events.publishEvent(new IntegrationFailing(TenantContext.require(), integration.id(),
						integration.businessId(), integration.system(), failure.consecutive(), error, now));
			}
		});
		log.warn("Sync of integration {} ({}) failed {} time(s) in a row: {}", integration.id(), integration.system(),
				attempt, error);
	}

	/** {@code min(base · 2^(attempt−1), max)}, or the system's {@code Retry-After} when that is longer. */
	Duration backoff(int attempt, @Nullable Duration retryAfter) {
		Duration max = settings.retryMax();
		Duration backoff = attempt > 30 ? max : settings.retryBase().multipliedBy(1L << (attempt - 1));
		backoff = backoff.compareTo(max) > 0 ? max : backoff;
		return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
	}

	/** Records the sales a webhook reported, as a sync run would; the run is not stored. */
	SyncSummary receive(Integration integration, List<ExternalSale> sales, ConnectionSettings connection) {
		Instant now = now();
		SyncRun run = new SyncRun(now, now);
		PhoneMatcher phones = new PhoneMatcher(identity, connection);
		for (ExternalSale sale : sales) {
			run.count(sale.externalId(), recorder.record(integration, sale, phones));
		}
		return run.view();
	}

	private String write(SyncRun run) {
		return json.writeValueAsString(run.view());
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
