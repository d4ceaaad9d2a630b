package io.krug.referrals.internal;

import io.krug.platform.Ids;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import io.krug.platform.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referral campaigns of the current program. The campaign in force at a moment is the latest started one that has
 * not ended and was not deleted. Deleting keeps the campaign for its referrals' rewards and analytics.
 */
@Service
public class ReferralCampaigns {

	private static final String COLUMNS = """
			id, name, starts_at, ends_at, max_uses_per_code, monthly_limit, hold_days, referrer_registration_bonus,
			friend_registration_bonus, referrer_first_purchase_bonus, friend_first_purchase_bonus, purchase_percent,
			purchase_percent_days, quota_units, quota_name, created_at, updated_at
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	ReferralCampaigns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A page of the program's campaigns, latest start first. */
	public record Page(List<ReferralCampaign> items, long total) {
	}

	@Transactional
	public ReferralCampaign create(ReferralCampaign.Draft draft) {
		validate(draft);
		UUID id = Ids.newId();
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO referrals.campaigns (program_id, " + COLUMNS + """
				) VALUES (:program, :id, :name, :startsAt, :endsAt, :maxUses, :monthlyLimit, :holdDays, :rr, :fr, :rf,
				  :ff, :percent, :percentDays, :quotaUnits, :quotaName, :now, :now)""")
			.paramSource(params(id, draft, now))
			.update();
		return find(id).orElseThrow();
	}

	@Transactional
	public ReferralCampaign update(UUID id, ReferralCampaign.Draft draft) {
		validate(draft);
		int updated = jdbc.sql("""
				UPDATE referrals.campaigns SET name = :name, starts_at = :startsAt, ends_at = :endsAt,
				  max_uses_per_code = :maxUses, monthly_limit = :monthlyLimit, hold_days = :holdDays,
				  referrer_registration_bonus = :rr, friend_registration_bonus = :fr,
				  referrer_first_purchase_bonus = :rf, friend_first_purchase_bonus = :ff, purchase_percent = :percent,
				  purchase_percent_days = :percentDays, quota_units = :quotaUnits, quota_name = :quotaName,
				  updated_at = :now
				WHERE program_id = :program AND id = :id AND deleted_at IS NULL""")
			.paramSource(params(id, draft, clock.instant()))
			.update();
		if (updated == 0) {
			throw notFound(id);
		}
		return find(id).orElseThrow();
	}

	@Transactional
	public void delete(UUID id) {
		int deleted = jdbc.sql("""
				UPDATE referrals.campaigns SET deleted_at = :now
				WHERE program_id = :program AND id = :id AND deleted_at IS NULL""")
			.param("now", Timestamp.from(clock.instant()))
			.param("program", program())
			.param("id", id)
			.update();
		if (deleted == 0) {
			throw notFound(id);
		}
	}

	@Transactional(readOnly = true)
	public ReferralCampaign get(UUID id) {
		return find(id).orElseThrow(() -> notFound(id));
	}

	@Transactional(readOnly = true)
	public Page list(int limit, int offset) {
		List<ReferralCampaign> items = jdbc.sql("SELECT " + COLUMNS + """
				 FROM referrals.campaigns WHERE program_id = :program AND deleted_at IS NULL
				ORDER BY starts_at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("program", program())
			.param("limit", limit)
			.param("offset", offset)
			.query(ReferralCampaigns::map)
			.list();
		long total = jdbc.sql("SELECT count(*) FROM referrals.campaigns WHERE program_id = :program "
				+ "AND deleted_at IS NULL")
			.param("program", program())
			.query(Long.class)
			.single();
		return new Page(items, total);
	}

	/** The campaign in force at {@code at}, if any. */
	Optional<ReferralCampaign> inForce(Instant at) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM referrals.campaigns WHERE program_id = :program AND deleted_at IS NULL
				  AND starts_at <= :at AND (ends_at IS NULL OR ends_at > :at)
				ORDER BY starts_at DESC, id DESC LIMIT 1""")
			.param("program", program())
			.param("at", Timestamp.from(at))
			.query(ReferralCampaigns::map)
			.optional();
	}

	/** A campaign, deleted or not: rewards of its referrals still follow it. */
	Optional<ReferralCampaign> anyById(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM referrals.campaigns WHERE program_id = :program AND id = :id")
			.param("program", program())
			.param("id", id)
			.query(ReferralCampaigns::map)
			.optional();
	}

	private Optional<ReferralCampaign> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM referrals.campaigns WHERE program_id = :program AND id = :id AND deleted_at IS NULL""")
			.param("program", program())
			.param("id", id)
			.query(ReferralCampaigns::map)
			.optional();
	}

	private static void validate(ReferralCampaign.Draft draft) {
		if (draft.endsAt() != null && !draft.endsAt().isAfter(draft.startsAt())) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "ends_at", "must be after starts_at");
		}
		ReferralCampaign.RewardTerms r = draft.rewards();
		if (r.quotaUnits() > 0 && (r.quotaName() == null || r.quotaName().isBlank())) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "rewards.quota_name",
					"names the quota the units are of (e.g. letters) when quota_units is set");
		}
	}

	private org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(UUID id, ReferralCampaign.Draft d,
			Instant now) {
		ReferralCampaign.RewardTerms r = d.rewards();
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("program", program())
			.addValue("id", id)
			.addValue("now", Timestamp.from(now))
			.addValue("name", d.name())
			.addValue("startsAt", Timestamp.from(d.startsAt()))
			.addValue("endsAt", d.endsAt() == null ? null : Timestamp.from(d.endsAt()), java.sql.Types.TIMESTAMP)
			.addValue("maxUses", d.maxUsesPerCode(), java.sql.Types.INTEGER)
			.addValue("monthlyLimit", d.monthlyLimit())
			.addValue("holdDays", d.holdDays())
			.addValue("rr", r.referrerOnRegistration())
			.addValue("fr", r.friendOnRegistration())
			.addValue("rf", r.referrerOnFirstPurchase())
			.addValue("ff", r.friendOnFirstPurchase())
			.addValue("percent", r.purchasePercent())
			.addValue("percentDays", r.purchasePercentDays(), java.sql.Types.INTEGER)
			.addValue("quotaUnits", r.quotaUnits())
			.addValue("quotaName", r.quotaUnits() > 0 ? r.quotaName() : null, java.sql.Types.VARCHAR);
	}

	private static ReferralCampaign map(ResultSet rs, int row) throws SQLException {
		var rewards = new ReferralCampaign.RewardTerms(rs.getBigDecimal("referrer_registration_bonus"),
				rs.getBigDecimal("friend_registration_bonus"), rs.getBigDecimal("referrer_first_purchase_bonus"),
				rs.getBigDecimal("friend_first_purchase_bonus"), rs.getBigDecimal("purchase_percent"),
				rs.getObject("purchase_percent_days", Integer.class), rs.getInt("quota_units"),
				rs.getString("quota_name"));
		return new ReferralCampaign(rs.getObject("id", UUID.class), rs.getString("name"), instant(rs, "starts_at"),
				instant(rs, "ends_at"), rs.getObject("max_uses_per_code", Integer.class), rs.getInt("monthly_limit"),
				rs.getInt("hold_days"), rewards, instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static KrugException notFound(UUID id) {
		return ReferralsError.CAMPAIGN_NOT_FOUND.exception("No referral campaign " + id + ".");
	}

	private static UUID program() {
		return TenantContext.require().value();
	}
}
