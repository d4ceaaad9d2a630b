package io.krug.rewards.currency;

import io.krug.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current program's currency settings; the defaults until an admin saves some. */
@Repository
class CurrencySettingsStore {

	private final JdbcClient jdbc;

	CurrencySettingsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	CurrencySettings current() {
		List<CurrencySettings.TokenPrice> prices = jdbc
			.sql("SELECT duration_hours, price FROM rewards.token_prices WHERE program_id = :p ORDER BY duration_hours")
			.param("p", program())
			.query((rs, n) -> new CurrencySettings.TokenPrice(rs.getInt("duration_hours"), rs.getBigDecimal("price")))
			.list();
		return jdbc
			.sql("SELECT name, code, low_balance_threshold FROM rewards.currency_settings WHERE program_id = :p")
			.param("p", program())
			.query((rs, n) -> new CurrencySettings(rs.getString("name"), rs.getString("code"),
					rs.getBigDecimal("low_balance_threshold"), prices))
			.optional()
			.orElse(CurrencySettings.DEFAULTS);
	}

	void save(CurrencySettings settings, String actor, Instant at) {
		jdbc.sql("""
				INSERT INTO rewards.currency_settings (program_id, name, code, low_balance_threshold, updated_at,
				  updated_by)
				VALUES (:p, :name, :code, :threshold, :at, :by)
				ON CONFLICT (program_id) DO UPDATE SET name = EXCLUDED.name, code = EXCLUDED.code,
				  low_balance_threshold = EXCLUDED.low_balance_threshold, updated_at = EXCLUDED.updated_at,
				  updated_by = EXCLUDED.updated_by""")
			.param("p", program())
			.param("name", settings.name())
			.param("code", settings.code())
			.param("threshold", settings.lowBalanceThreshold())
			.param("at", Timestamp.from(at))
			.param("by", actor)
			.update();
		jdbc.sql("DELETE FROM rewards.token_prices WHERE program_id = :p").param("p", program()).update();
		for (CurrencySettings.TokenPrice price : settings.tokenPrices()) {
			jdbc.sql("INSERT INTO rewards.token_prices (program_id, duration_hours, price) VALUES (:p, :h, :price)")
				.param("p", program())
				.param("h", price.durationHours())
				.param("price", price.price())
				.update();
		}
	}

	private static UUID program() {
		return TenantContext.require().value();
	}
}
