package io.krug.rewards.tokens;

import io.krug.platform.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bundles and their purchases. */
@Repository
class BundleStore {

	private final JdbcClient jdbc;

	BundleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Bundle> list(boolean activeOnly) {
		return jdbc.sql("SELECT * FROM rewards.bundles WHERE program_id = :p"
				+ (activeOnly ? " AND active" : "") + " ORDER BY total_price, id")
			.param("p", program())
			.query(BundleStore::bundle)
			.list();
	}

	Optional<Bundle> find(UUID id) {
		return jdbc.sql("SELECT * FROM rewards.bundles WHERE id = :id")
			.param("id", id)
			.query(BundleStore::bundle)
			.optional();
	}

	void insert(Bundle bundle) {
		jdbc.sql("""
				INSERT INTO rewards.bundles (id, program_id, name, description, token_count, duration_hours, scope,
				  base_price, discount_percent, total_price, active, created_at, updated_at)
				VALUES (:id, :p, :name, :description, :count, :hours, :scope, :base, :discount, :total, :active, :at,
				  :at)""")
			.params(params(bundle))
			.param("p", program())
			.update();
	}

	boolean update(Bundle bundle, Instant at) {
		return jdbc.sql("""
				UPDATE rewards.bundles SET name = :name, description = :description, token_count = :count,
				  duration_hours = :hours, scope = :scope, base_price = :base, discount_percent = :discount,
				  total_price = :total, active = :active, updated_at = :now
				WHERE id = :id""")
			.params(params(bundle))
			.param("now", Timestamp.from(at))
			.update() == 1;
	}

	/** Deletes a bundle never bought; false when it does not exist. */
	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM rewards.bundles WHERE id = :id").param("id", id).update() == 1;
	}

	boolean purchased(UUID id) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM rewards.bundle_purchases WHERE bundle_id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	void insertPurchase(UUID id, UUID member, Bundle bundle, UUID ledgerTransactionId, Instant at) {
		jdbc.sql("""
				INSERT INTO rewards.bundle_purchases (id, program_id, member_id, bundle_id, price, token_count,
				  ledger_transaction_id, purchased_at)
				VALUES (:id, :p, :member, :bundle, :price, :count, :tx, :at)""")
			.param("id", id)
			.param("p", program())
			.param("member", member)
			.param("bundle", bundle.id())
			.param("price", bundle.totalPrice())
			.param("count", bundle.tokenCount())
			.param("tx", ledgerTransactionId)
			.param("at", Timestamp.from(at))
			.update();
	}

	private static Map<String, Object> params(Bundle b) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", b.id());
		params.put("name", b.name());
		params.put("description", b.description());
		params.put("count", b.tokenCount());
		params.put("hours", b.durationHours());
		params.put("scope", b.scope());
		params.put("base", b.basePrice());
		params.put("discount", b.discountPercent());
		params.put("total", b.totalPrice());
		params.put("active", b.active());
		params.put("at", Timestamp.from(b.createdAt()));
		return params;
	}

	private static Bundle bundle(ResultSet rs, int row) throws SQLException {
		return new Bundle(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				rs.getInt("token_count"), rs.getInt("duration_hours"), rs.getString("scope"),
				rs.getBigDecimal("base_price"), rs.getBigDecimal("discount_percent"), rs.getBoolean("active"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static UUID program() {
		return TenantContext.require().value();
	}
}
