package io.krug.partners.internal;

import io.krug.partners.Category;
import io.krug.platform.tenancy.ProgramId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code partners.categories} table. */
@Repository
class CategoryRepository {

	private final JdbcClient jdbc;

	CategoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Category> all(ProgramId program) {
		return jdbc.sql("SELECT * FROM partners.categories WHERE program_id = :program ORDER BY sort_order, key")
			.param("program", program.value())
			.query(CategoryRepository::map)
			.list();
	}

	Optional<Category> find(ProgramId program, String key) {
		return jdbc.sql("SELECT * FROM partners.categories WHERE program_id = :program AND key = :key")
			.param("program", program.value())
			.param("key", key)
			.query(CategoryRepository::map)
			.optional();
	}

	/** Finds the category and keeps it from being deleted until the transaction ends. */
	Optional<Category> findForUse(ProgramId program, String key) {
		return jdbc.sql("SELECT * FROM partners.categories WHERE program_id = :program AND key = :key FOR KEY SHARE")
			.param("program", program.value())
			.param("key", key)
			.query(CategoryRepository::map)
			.optional();
	}

	/** Inserts the category unless the key is taken; returns whether it did. */
	boolean insert(ProgramId program, Category category, Instant now) {
		return jdbc.sql("""
				INSERT INTO partners.categories (program_id, key, name, medical, sort_order, created_at, updated_at)
				VALUES (:program, :key, :name, :medical, :sortOrder, :now, :now)
				ON CONFLICT DO NOTHING""")
			.param("program", program.value())
			.param("key", category.key())
			.param("name", category.name())
			.param("medical", category.medical())
			.param("sortOrder", category.sortOrder())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	void update(ProgramId program, Category category, Instant now) {
		jdbc.sql("""
				UPDATE partners.categories SET name = :name, medical = :medical, sort_order = :sortOrder,
				  updated_at = :now
				WHERE program_id = :program AND key = :key""")
			.param("program", program.value())
			.param("key", category.key())
			.param("name", category.name())
			.param("medical", category.medical())
			.param("sortOrder", category.sortOrder())
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean delete(ProgramId program, String key) {
		return jdbc.sql("DELETE FROM partners.categories WHERE program_id = :program AND key = :key")
			.param("program", program.value())
			.param("key", key)
			.update() == 1;
	}

	boolean any(ProgramId program) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM partners.categories WHERE program_id = :program)")
			.param("program", program.value())
			.query(Boolean.class)
			.single();
	}

	/** Programs that have any category: a system-scope lookup, for the start-up check only. */
	Set<UUID> programsWithCategories() {
		return jdbc.sql("SELECT DISTINCT program_id FROM partners.categories")
			.query((rs, row) -> rs.getObject(1, UUID.class))
			.stream()
			.collect(Collectors.toSet());
	}

	private static Category map(ResultSet rs, int row) throws SQLException {
		return new Category(rs.getString("key"), rs.getString("name"), rs.getBoolean("medical"),
				rs.getInt("sort_order"));
	}
}
