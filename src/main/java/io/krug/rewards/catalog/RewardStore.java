package io.krug.rewards.catalog;

import io.krug.platform.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Catalog items, their stock, and redemptions. */
@Repository
class RewardStore {

	private final JdbcClient jdbc;

	RewardStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<RewardItem> list(boolean activeOnly) {
		return jdbc.sql("SELECT * FROM rewards.catalog_items WHERE program_id = :p" + (activeOnly ? " AND active" : "")
				+ " ORDER BY price, id")
			.param("p", program())
			.query(RewardStore::item)
			.list();
	}

	Optional<RewardItem> find(UUID id) {
		return jdbc.sql("SELECT * FROM rewards.catalog_items WHERE id = :id")
			.param("id", id)
			.query(RewardStore::item)
			.optional();
	}

	void insert(RewardItem item) {
		jdbc.sql("""
				INSERT INTO rewards.catalog_items (id, program_id, name, description, price, stock, business_id, active,
				  created_at, updated_at)
				VALUES (:id, :p, :name, :description, :price, :stock, :business, :active, :at, :at)""")
			.param("id", item.id())
			.param("p", program())
			.param("name", item.name())
			.param("description", item.description(), Types.VARCHAR)
			.param("price", item.price())
			.param("stock", item.stock(), Types.INTEGER)
			.param("business", item.businessId(), Types.OTHER)
			.param("active", item.active())
			.param("at", Timestamp.from(item.createdAt()))
			.update();
	}

	boolean update(RewardItem item, Instant at) {
		return jdbc.sql("""
				UPDATE rewards.catalog_items SET name = :name, description = :description, price = :price,
				  stock = :stock, business_id = :business, active = :active, updated_at = :at
				WHERE id = :id""")
			.param("id", item.id())
			.param("name", item.name())
			.param("description", item.description(), Types.VARCHAR)
			.param("price", item.price())
			.param("stock", item.stock(), Types.INTEGER)
			.param("business", item.businessId(), Types.OTHER)
			.param("active", item.active())
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM rewards.catalog_items WHERE id = :id").param("id", id).update() == 1;
	}

	boolean redeemed(UUID id) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM rewards.redemptions WHERE item_id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Takes one from an active item's stock (or none for an unlimited item); false when none is left. The row lock
	 * it takes serializes redemptions of the item until the transaction ends, so stock never oversells.
	 */
	boolean takeOne(UUID id) {
		return jdbc.sql("""
				UPDATE rewards.catalog_items SET stock = stock - 1
				WHERE id = :id AND active AND (stock IS NULL OR stock > 0)""")
			.param("id", id)
			.update() == 1;
	}

	void insertRedemption(Redemption r) {
		jdbc.sql("""
				INSERT INTO rewards.redemptions (id, program_id, item_id, member_id, price, business_id, code,
				  ledger_transaction_id, redeemed_at)
				VALUES (:id, :p, :item, :member, :price, :business, :code, :tx, :at)""")
			.param("id", r.id())
			.param("p", program())
			.param("item", r.itemId())
			.param("member", r.memberId())
			.param("price", r.price())
			.param("business", r.businessId(), Types.OTHER)
			.param("code", r.code())
			.param("tx", r.ledgerTransactionId())
			.param("at", Timestamp.from(r.redeemedAt()))
			.update();
	}

	List<Redemption> redemptionsOf(UUID member, int limit, int offset) {
		return jdbc.sql("""
				SELECT r.*, i.name AS item_name FROM rewards.redemptions r
				JOIN rewards.catalog_items i ON i.id = r.item_id
				WHERE r.program_id = :p AND r.member_id = :member
				ORDER BY r.redeemed_at DESC, r.id DESC LIMIT :limit OFFSET :offset""")
			.param("p", program())
			.param("member", member)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new Redemption(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class),
					rs.getString("item_name"), rs.getObject("member_id", UUID.class), rs.getBigDecimal("price"),
					rs.getObject("business_id", UUID.class), rs.getString("code"),
					rs.getObject("ledger_transaction_id", UUID.class),
					rs.getObject("redeemed_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	long countRedemptionsOf(UUID member) {
		return jdbc.sql("SELECT count(*) FROM rewards.redemptions WHERE program_id = :p AND member_id = :member")
			.param("p", program())
			.param("member", member)
			.query(Long.class)
			.single();
	}

	private static RewardItem item(ResultSet rs, int row) throws SQLException {
		return new RewardItem(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				rs.getBigDecimal("price"), rs.getObject("stock", Integer.class),
				rs.getObject("business_id", UUID.class), rs.getBoolean("active"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static UUID program() {
		return TenantContext.require().value();
	}
}
