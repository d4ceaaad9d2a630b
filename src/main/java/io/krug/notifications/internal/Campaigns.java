package io.krug.notifications.internal;

import io.krug.notifications.NotificationsError;
import io.krug.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drip campaigns: a sequence of steps, each sent a delay after the member's enrolment. Enrolling members (in bulk)
 * turns every step into a one-off {@link Schedules schedule} for the newly enrolled members; a member is enrolled in a
 * campaign at most once.
 */
@Service
public class Campaigns {

	private final JdbcClient jdbc;

	private final Schedules schedules;

	private final TemplateAdmin templates;

	private final JsonMapper json;

	private final Clock clock;

	Campaigns(JdbcClient jdbc, Schedules schedules, TemplateAdmin templates, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.schedules = schedules;
		this.templates = templates;
		this.json = json;
		this.clock = clock;
	}

	/** One step: sent {@code delay} after enrolment. */
	public record Step(Duration delay, @Nullable String subject, String text, @Nullable String html) {
	}

	/** A campaign. */
	public record Campaign(UUID id, String name, String category, String priority, List<Step> steps,
			Instant createdAt) {
	}

	@Transactional
	public Campaign create(UUID programId, String name, String category, Priority priority, List<Step> steps) {
		steps.forEach(s -> templates.validate(new Template("campaign", "any", "ru", s.subject(), s.text(), s.html())));
		UUID id = Ids.newId();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO notifications.campaigns (id, program_id, name, category, priority, steps, created_at)
				VALUES (:id, :p, :name, :category, :priority, CAST(:steps AS jsonb), :now)""")
			.param("id", id).param("p", programId).param("name", name).param("category", category)
			.param("priority", priority.key()).param("steps", json.writeValueAsString(steps))
			.param("now", Timestamp.from(now))
			.update();
		return new Campaign(id, name, category, priority.key(), steps, now);
	}

	/** Enrols members; returns how many were newly enrolled (members already in the campaign are skipped). */
	@Transactional
	public int enrol(UUID programId, UUID campaignId, List<UUID> members, String actor) {
		Campaign campaign = find(programId, campaignId);
		Instant now = clock.instant();
		List<UUID> fresh = members.stream().distinct().filter(member -> jdbc.sql("""
				INSERT INTO notifications.campaign_enrolments (program_id, campaign_id, member_id, enrolled_at)
				VALUES (:p, :c, :m, :now) ON CONFLICT DO NOTHING""")
			.param("p", programId).param("c", campaignId).param("m", member).param("now", Timestamp.from(now))
			.update() == 1).toList();
		if (fresh.isEmpty()) {
			return 0;
		}
		Priority priority = Priority.valueOf(campaign.priority().toUpperCase(java.util.Locale.ROOT));
		for (Step step : campaign.steps()) {
			schedules.create(programId, new Schedules.NewSchedule(fresh, campaign.category(), priority, step.subject(),
					step.text(), step.html(), now.plus(step.delay()), "once", null), actor);
		}
		return fresh.size();
	}

	private Campaign find(UUID programId, UUID id) {
		return jdbc.sql("SELECT * FROM notifications.campaigns WHERE program_id = :p AND id = :id")
			.param("p", programId).param("id", id)
			.query((rs, n) -> new Campaign(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("category"), rs.getString("priority"),
					json.readValue(rs.getString("steps"), new TypeReference<List<Step>>() {
					}), rs.getTimestamp("created_at").toInstant()))
			.optional()
			.orElseThrow(() -> NotificationsError.NOTIFICATION_NOT_FOUND.exception("No campaign " + id));
	}
}
