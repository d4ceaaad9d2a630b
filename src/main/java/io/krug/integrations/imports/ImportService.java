package io.krug.integrations.imports;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.krug.identity.KrugPrincipal;
import io.krug.partners.PartnersApi;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.TenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts import files: hashes the file, and unless the business imported the same bytes before (then that import
 * is the answer: re-uploading imports nothing twice), stores it in chunks of 1 MiB and schedules its job after the
 * transaction commits.
 */
@Service
class ImportService {

	static final int CHUNK = 1024 * 1024;

	private final ImportStore store;

	private final PartnersApi partners;

	private final SchedulerClient scheduler;

	private final OneTimeTask<String> task;

	private final Clock clock;

	private final TransactionTemplate tx;

	ImportService(ImportStore store, PartnersApi partners, SchedulerClient scheduler, OneTimeTask<String> task,
			Clock clock, PlatformTransactionManager transactions) {
		this.store = store;
		this.partners = partners;
		this.scheduler = scheduler;
		this.task = task;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	/** An upload's outcome: the import, and whether this upload created it. */
	record Upload(ImportRecord record, boolean created) {
	}

	Upload upload(UUID businessId, InputStreamSource file, @Nullable String fileName, String format) {
		requireBusiness(businessId);
		Digest digest = digest(file);
		String sha = digest.sha256();
		long size = digest.size();
		if (size == 0) {
			throw ImportError.FILE_EMPTY.exception("The file has no bytes.");
		}
		ImportRecord record = new ImportRecord(Ids.newId(), businessId, sha, fileName, format, size, "queued", 0, 0, 0,
				0, null, KrugPrincipal.require().actor(), clock.instant().truncatedTo(ChronoUnit.MICROS), null, null);
		boolean created = Boolean.TRUE.equals(tx.execute(s -> {
			if (!store.insert(record)) {
				return false;
			}
			store(record.id(), file);
			return true;
		}));
		if (!created) {
			return new Upload(tx.execute(s -> store.findBySha(businessId, sha)).orElseThrow(), false);
		}
		scheduler.scheduleIfNotExists(task.instance(record.id().toString(), TenantContext.require().toString()),
				clock.instant());
		return new Upload(record, true);
	}

	ImportRecord get(UUID businessId, UUID id) {
		requireBusiness(businessId);
		return tx.execute(s -> store.find(id))
			.filter(i -> i.businessId().equals(businessId))
			.orElseThrow(() -> ImportError.IMPORT_NOT_FOUND.exception("No import " + id + "."));
	}

	void requireBusiness(UUID businessId) {
		KrugPrincipal caller = KrugPrincipal.require();
		boolean own = !caller.isStaff() || caller.isPlatformAdmin() || businessId.equals(caller.businessId());
		if (!own || partners.findBusiness(businessId).isEmpty()) {
			throw ImportError.BUSINESS_NOT_FOUND.exception("No business " + businessId + ".");
		}
	}

	private void store(UUID id, InputStreamSource file) {
		try (InputStream in = file.getInputStream()) {
			int seq = 0;
			for (byte[] chunk = in.readNBytes(CHUNK); chunk.length > 0; chunk = in.readNBytes(CHUNK)) {
				store.insertChunk(id, seq++, chunk);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The file's SHA-256 and length, in one pass. */
	private record Digest(String sha256, long size) {
	}

	private static Digest digest(InputStreamSource file) {
		try (DigestInputStream in = new DigestInputStream(file.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
			long size = in.transferTo(OutputStream.nullOutputStream());
			return new Digest(HexFormat.of().formatHex(in.getMessageDigest().digest()), size);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
