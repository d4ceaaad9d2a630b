package io.krug.loyalty.rules;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reads and changes the current program's loyalty rules; a program without its own uses the seed's defaults. */
@Service
public class LoyaltyRulesService {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	/**
	 * Rules by program for a few seconds ({@code krug.loyalty.rules-cache-ttl}, 10 s): every purchase reads them.
	 * A change applies at once on the replica that made it, within the TTL on the others.
	 */
	private final Cache<ProgramId, LoyaltyRules> cache;

	LoyaltyRulesService(JdbcClient jdbc, JsonMapper json, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${krug.loyalty.rules-cache-ttl:10s}") java.time.Duration ttl) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.cache = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(ttl).build();
	}

	@Transactional(readOnly = true)
	public LoyaltyRules current() {
		ProgramId program = TenantContext.require();
		return cache.get(program, p -> jdbc.sql("SELECT rules::text FROM loyalty.program_rules WHERE program_id = :p")
			.param("p", p.value())
			.query(String.class)
			.optional()
			.map(text -> json.readValue(text, LoyaltyRules.class))
			.orElseGet(LoyaltyRules::defaults));
	}

	@Transactional
	public LoyaltyRules update(LoyaltyRules rules, String actor) {
		ProgramId program = TenantContext.require();
		jdbc.sql("""
				INSERT INTO loyalty.program_rules (program_id, rules, updated_at, updated_by)
				VALUES (:p, CAST(:rules AS jsonb), :now, :by)
				ON CONFLICT (program_id) DO UPDATE SET rules = EXCLUDED.rules, updated_at = EXCLUDED.updated_at,
				  updated_by = EXCLUDED.updated_by""")
			.param("p", program.value())
			.param("rules", json.writeValueAsString(rules))
			.param("now", Timestamp.from(clock.instant()))
			.param("by", actor)
			.update();
		cache.invalidate(program);
		return rules;
	}
}
