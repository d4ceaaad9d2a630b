package io.krug.integrations.imports;

import io.krug.platform.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Imports, their stored files in chunks, and their rejected rows. */
@Repository
class ImportStore {

	private static final String COLUMNS = """
			id, business_id, file_sha256, file_name, format, size_bytes, status, rows_read, imported, duplicate,
			rejected, error, created_by, created_at, started_at, finished_at""";

	private final JdbcClient jdbc;

	ImportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the import; false when the business imported the same file before. */
	boolean insert(ImportRecord i) {
		return jdbc.sql("""
				INSERT INTO integrations.imports (id, program_id, business_id, file_sha256, file_name, format, size_bytes,
				  status, created_by, created_at)
				VALUES (:id, :program, :business, :sha, :name, :format, :size, 'queued', :by, :at)
				ON CONFLICT (program_id, business_id, file_sha256) DO NOTHING""")
			.param("id", i.id())
			.param("program", program())
			.param("business", i.businessId())
			.param("sha", i.fileSha256())
			.param("name", i.fileName())
			.param("format", i.format())
			.param("size", i.sizeBytes())
			.param("by", i.createdBy())
			.param("at", ts(i.createdAt()))
			.update() == 1;
	}

	Optional<ImportRecord> findBySha(UUID business, String sha) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM integrations.imports"
				+ " WHERE program_id = :program AND business_id = :business AND file_sha256 = :sha")
			.param("program", program())
			.param("business", business)
			.param("sha", sha)
			.query(ImportStore::row)
			.optional();
	}

	Optional<ImportRecord> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM integrations.imports WHERE program_id = :program AND id = :id")
			.param("program", program())
			.param("id", id)
			.query(ImportStore::row)
			.optional();
	}

	void insertChunk(UUID importId, int seq, byte[] bytes) {
		jdbc.sql("INSERT INTO integrations.import_chunks (program_id, import_id, seq, bytes) VALUES "
				+ "(:program, :id, :seq, :bytes)")
			.param("program", program())
			.param("id", importId)
			.param("seq", seq)
			.param("bytes", bytes)
			.update();
	}

	Optional<byte[]> chunk(UUID importId, int seq) {
		return jdbc.sql("SELECT bytes FROM integrations.import_chunks WHERE program_id = :program AND import_id = :id "
				+ "AND seq = :seq")
			.param("program", program())
			.param("id", importId)
			.param("seq", seq)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/** Marks the import running; false when it is no longer queued or running (a finished job's retry). */
	boolean start(UUID id, Instant at) {
		return jdbc.sql("""
				UPDATE integrations.imports SET status = 'running', started_at = coalesce(started_at, :at),
				  rows_read = 0, imported = 0, duplicate = 0, rejected = 0
				WHERE program_id = :program AND id = :id AND status IN ('queued', 'running')""")
			.param("program", program())
			.param("id", id)
			.param("at", ts(at))
			.update() == 1;
	}

	void progress(UUID id, long read, long imported, long duplicate, long rejected) {
		jdbc.sql("""
				UPDATE integrations.imports SET rows_read = :read, imported = :imported, duplicate = :duplicate,
				  rejected = :rejected
				WHERE program_id = :program AND id = :id""")
			.param("program", program())
			.param("id", id)
			.param("read", read)
			.param("imported", imported)
			.param("duplicate", duplicate)
			.param("rejected", rejected)
			.update();
	}

	void finish(UUID id, String status, @Nullable String error, Instant at) {
		jdbc.sql("""
				UPDATE integrations.imports SET status = :status, error = :error, finished_at = :at
				WHERE program_id = :program AND id = :id""")
			.param("program", program())
			.param("id", id)
			.param("status", status)
			.param("error", error)
			.param("at", ts(at))
			.update();
	}

	/** Records a rejected row; a job run again records the same line once. */
	void reject(UUID importId, long line, String reason, String raw) {
		jdbc.sql("""
				INSERT INTO integrations.import_rejections (program_id, import_id, line, reason, raw)
				VALUES (:program, :id, :line, :reason, :raw) ON CONFLICT DO NOTHING""")
			.param("program", program())
			.param("id", importId)
			.param("line", line)
			.param("reason", reason)
			.param("raw", raw)
			.update();
	}

	record Rejection(long line, String reason, String raw) {
	}

	/** Rejected rows after {@code afterLine}, in line order. */
	List<Rejection> rejections(UUID importId, long afterLine, int limit) {
		return jdbc.sql("""
				SELECT line, reason, raw FROM integrations.import_rejections
				WHERE program_id = :program AND import_id = :id AND line > :after ORDER BY line LIMIT :limit""")
			.param("program", program())
			.param("id", importId)
			.param("after", afterLine)
			.param("limit", limit)
			.query((rs, n) -> new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private static UUID program() {
		return TenantContext.require().value();
	}

	private static OffsetDateTime ts(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static ImportRecord row(ResultSet rs, int n) throws SQLException {
		return new ImportRecord(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
				rs.getString("file_sha256"), rs.getString("file_name"), rs.getString("format"),
				rs.getLong("size_bytes"), rs.getString("status"), rs.getLong("rows_read"), rs.getLong("imported"),
				rs.getLong("duplicate"), rs.getLong("rejected"), rs.getString("error"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), instant(rs, "started_at"),
				instant(rs, "finished_at"));
	}
}
