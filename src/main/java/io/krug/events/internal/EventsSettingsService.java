package io.krug.events.internal;

import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes the current program's {@link EventsSettings}. */
@Service
public class EventsSettingsService {

	private final JdbcClient jdbc;

	private final Clock clock;

	EventsSettingsService(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public EventsSettings current() {
		return jdbc.sql("SELECT * FROM events.settings WHERE program_id = :p")
			.param("p", TenantContext.require().value())
			.query((rs, n) -> new EventsSettings(
					new EventsSettings.VoteWeights(rs.getBigDecimal("weight_insider"), rs.getBigDecimal("weight_vip"),
							rs.getBigDecimal("weight_elite"), rs.getBigDecimal("weight_inner_circle")),
					new EventsSettings.BudgetShares(rs.getBigDecimal("share_open"), rs.getBigDecimal("share_vip"),
							rs.getBigDecimal("share_elite"), rs.getBigDecimal("share_reserve"))))
			.optional()
			.orElseGet(EventsSettings::defaults);
	}

	@Transactional
	public EventsSettings update(EventsSettings settings, String actor) {
		if (settings.budgetShares().sum().compareTo(BigDecimal.ONE) != 0) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "budget_shares",
					"must add up to 1, not " + settings.budgetShares().sum().toPlainString());
		}
		EventsSettings.VoteWeights w = settings.voteWeights();
		EventsSettings.BudgetShares s = settings.budgetShares();
		jdbc.sql("""
				INSERT INTO events.settings (program_id, weight_insider, weight_vip, weight_elite, weight_inner_circle,
				  share_open, share_vip, share_elite, share_reserve, updated_at, updated_by)
				VALUES (:p, :wi, :wv, :we, :wc, :so, :sv, :se, :sr, :at, :by)
				ON CONFLICT (program_id) DO UPDATE SET weight_insider = EXCLUDED.weight_insider,
				  weight_vip = EXCLUDED.weight_vip, weight_elite = EXCLUDED.weight_elite,
				  weight_inner_circle = EXCLUDED.weight_inner_circle, share_open = EXCLUDED.share_open,
				  share_vip = EXCLUDED.share_vip, share_elite = EXCLUDED.share_elite,
				  share_reserve = EXCLUDED.share_reserve, updated_at = EXCLUDED.updated_at,
				  updated_by = EXCLUDED.updated_by""")
			.param("p", TenantContext.require().value())
			.param("wi", w.insider())
			.param("wv", w.vip())
			.param("we", w.elite())
			.param("wc", w.innerCircle())
			.param("so", s.open())
			.param("sv", s.vip())
			.param("se", s.elite())
			.param("sr", s.reserve())
			.param("at", Timestamp.from(clock.instant()))
			.param("by", actor)
			.update();
		return current();
	}
}
