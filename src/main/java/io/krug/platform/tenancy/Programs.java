package io.krug.platform.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.krug.platform.Ids;
import io.krug.platform.web.PlatformError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programs (tenants) of this Krug installation. */
@Service
public class Programs {

	public static final String DEFAULT_SLUG = "default";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	/** Programs by id: read on nearly every request, and never changed once created. */
	private final Cache<ProgramId, Program> byId = Caffeine.newBuilder().maximumSize(10_000).build();

	Programs(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public Optional<Program> findBySlug(String slug) {
		return jdbc.sql("SELECT * FROM platform.programs WHERE slug = :slug")
			.param("slug", slug)
			.query(Programs::map)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Program> findById(ProgramId id) {
		Program cached = byId.getIfPresent(id);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Program> found = jdbc.sql("SELECT * FROM platform.programs WHERE id = :id")
			.param("id", id.value())
			.query(Programs::map)
			.optional();
		found.ifPresent(program -> byId.put(id, program));
		return found;
	}

	public Program get(ProgramId id) {
		return findById(id).orElseThrow(() -> PlatformError.PROGRAM_NOT_FOUND.exception("No program " + id));
	}

	@Transactional(readOnly = true)
	public Optional<Program> findDefault() {
		return jdbc.sql("SELECT * FROM platform.programs WHERE is_default").query(Programs::map).optional();
	}

	@Transactional(readOnly = true)
	public List<Program> all() {
		return jdbc.sql("SELECT * FROM platform.programs ORDER BY created_at, id").query(Programs::map).list();
	}

	/** Resolves the {@code X-Krug-Program} header's slug, or the default program when it is absent. */
	public Program resolve(String slugOrNull) {
		Optional<Program> program = slugOrNull == null || slugOrNull.isBlank() ? findDefault()
				: findBySlug(slugOrNull.trim());
		return program.orElseThrow(() -> PlatformError.PROGRAM_NOT_FOUND
			.exception("No program '" + (slugOrNull == null ? DEFAULT_SLUG : slugOrNull) + "' exists."));
	}

	/** Creates a program; creating the default program twice (two replicas starting at once) yields the first. */
	@Transactional
	public Program create(String slug, String name, ZoneId timeZone, Currency currency, boolean isDefault) {
		UUID id = Ids.newId();
		int inserted = jdbc.sql("""
				INSERT INTO platform.programs (id, slug, name, time_zone, currency, is_default, created_at)
				VALUES (:id, :slug, :name, :tz, :currency, :isDefault, :now)
				ON CONFLICT DO NOTHING""")
			.param("id", id)
			.param("slug", slug)
			.param("name", name)
			.param("tz", timeZone.getId())
			.param("currency", currency.getCurrencyCode())
			.param("isDefault", isDefault)
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.update();
		if (inserted == 0) {
			throw PlatformError.CONFLICT.exception("A program with slug '" + slug + "' already exists.");
		}
		events.publishEvent(new ProgramCreated(new ProgramId(id), slug, isDefault));
		return get(new ProgramId(id));
	}

	private static Program map(ResultSet rs, int row) throws SQLException {
		return new Program(new ProgramId(rs.getObject("id", UUID.class)), rs.getString("slug"), rs.getString("name"),
				ZoneId.of(rs.getString("time_zone")), Currency.getInstance(rs.getString("currency")),
				rs.getBoolean("is_default"), rs.getTimestamp("created_at").toInstant());
	}
}
