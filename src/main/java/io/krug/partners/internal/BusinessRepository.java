package io.krug.partners.internal;

import io.krug.partners.Category;
import io.krug.platform.tenancy.ProgramId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code partners.businesses} table. Every query names the program; row-level security backs that up. */
@Repository
class BusinessRepository {

	private static final String SELECT = """
			SELECT b.*, c.name AS category_name, c.medical AS category_medical, c.sort_order AS category_sort_order
			FROM partners.businesses b
			JOIN partners.categories c ON c.program_id = b.program_id AND c.key = b.category_key
			""";

	private final JdbcClient jdbc;

	private final JsonColumns json;

	BusinessRepository(JdbcClient jdbc, JsonColumns json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Business> find(ProgramId program, UUID id) {
		return jdbc.sql(SELECT + "WHERE b.program_id = :program AND b.id = :id")
			.param("program", program.value())
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/** Locks the row until the transaction ends, so concurrent partial updates do not overwrite each other. */
	Optional<Business> lock(ProgramId program, UUID id) {
		return jdbc.sql(SELECT + "WHERE b.program_id = :program AND b.id = :id FOR UPDATE OF b")
			.param("program", program.value())
			.param("id", id)
			.query(this::map)
			.optional();
	}

	Page<Business> list(ProgramId program, BusinessFilter filter) {
		Map<String, Object> params = new HashMap<>();
		params.put("program", program.value());
		List<String> where = new ArrayList<>(List.of("b.program_id = :program"));
		if (filter.categoryKey() != null) {
			where.add("b.category_key = :category");
			params.put("category", filter.categoryKey());
		}
		if (filter.active() != null) {
			where.add("b.active = :active");
			params.put("active", filter.active());
		}
		if (filter.query() != null && !filter.query().isBlank()) {
			where.add("b.name ILIKE :query ESCAPE '\\'");
			params.put("query", "%" + filter.query().strip().replaceAll("([\\\\%_])", "\\\\$1") + "%");
		}
		String condition = " WHERE " + String.join(" AND ", where);
		long total = jdbc.sql("SELECT count(*) FROM partners.businesses b" + condition)
			.params(params)
			.query(Long.class)
			.single();
		List<Business> items = jdbc.sql(SELECT + condition + " ORDER BY b.name, b.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", filter.limit())
			.param("offset", filter.offset())
			.query(this::map)
			.list();
		return new Page<>(items, total);
	}

	Map<UUID, String> names(ProgramId program, Collection<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("SELECT id, name FROM partners.businesses WHERE program_id = :program AND id IN (:ids)")
			.param("program", program.value())
			.param("ids", List.copyOf(ids))
			.query(rs -> {
				names.put(rs.getObject("id", UUID.class), rs.getString("name"));
			});
		return names;
	}

	void insert(ProgramId program, Business b) {
		jdbc.sql("""
				INSERT INTO partners.businesses (id, program_id, name, category_key, description, address, hours,
				  phone, email, website, booking_url, logo_url, gallery_urls, services, active, joined_at,
				  created_at, updated_at)
				VALUES (:id, :program, :name, :category, :description, :address, CAST(:hours AS jsonb),
				  :phone, :email, :website, :bookingUrl, :logoUrl, CAST(:gallery AS jsonb), CAST(:services AS jsonb),
				  :active, :joinedAt, :createdAt, :updatedAt)""")
			.params(columns(program, b))
			.update();
	}

	void update(ProgramId program, Business b) {
		jdbc.sql("""
				UPDATE partners.businesses SET name = :name, category_key = :category, description = :description,
				  address = :address, hours = CAST(:hours AS jsonb), phone = :phone, email = :email,
				  website = :website, booking_url = :bookingUrl, logo_url = :logoUrl,
				  gallery_urls = CAST(:gallery AS jsonb), services = CAST(:services AS jsonb), active = :active,
				  joined_at = :joinedAt, updated_at = :updatedAt
				WHERE program_id = :program AND id = :id""")
			.params(columns(program, b))
			.update();
	}

	boolean anyInCategory(ProgramId program, String categoryKey) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM partners.businesses WHERE program_id = :program AND category_key = :key)""")
			.param("program", program.value())
			.param("key", categoryKey)
			.query(Boolean.class)
			.single();
	}

	private Map<String, Object> columns(ProgramId program, Business b) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", b.id());
		p.put("program", program.value());
		p.put("name", b.name());
		p.put("category", b.category().key());
		p.put("description", b.description());
		p.put("address", b.address());
		p.put("hours", json.write(b.hours()));
		p.put("phone", b.contacts().phone());
		p.put("email", b.contacts().email());
		p.put("website", b.contacts().website());
		p.put("bookingUrl", b.contacts().bookingUrl());
		p.put("logoUrl", b.logoUrl());
		p.put("gallery", json.write(b.galleryUrls()));
		p.put("services", json.write(b.services()));
		p.put("active", b.active());
		p.put("joinedAt", b.joinedAt());
		p.put("createdAt", Timestamp.from(b.createdAt()));
		p.put("updatedAt", Timestamp.from(b.updatedAt()));
		return p;
	}

	private Business map(ResultSet rs, int row) throws SQLException {
		Category category = new Category(rs.getString("category_key"), rs.getString("category_name"),
				rs.getBoolean("category_medical"), rs.getInt("category_sort_order"));
		Contacts contacts = new Contacts(rs.getString("phone"), rs.getString("email"), rs.getString("website"),
				rs.getString("booking_url"));
		return new Business(rs.getObject("id", UUID.class), rs.getString("name"), category,
				rs.getString("description"), rs.getString("address"), json.hours(rs.getString("hours")), contacts,
				rs.getString("logo_url"), json.strings(rs.getString("gallery_urls")),
				json.services(rs.getString("services")), rs.getBoolean("active"),
				rs.getObject("joined_at", java.time.LocalDate.class), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}
}
