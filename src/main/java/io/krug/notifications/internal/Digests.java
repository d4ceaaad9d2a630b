package io.krug.notifications.internal;

import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily digests: low-priority e-mails of members who chose {@code digest: daily} are held until 18:00 in the member's
 * time zone, then folded into one {@code digest} e-mail listing them (the held ones are recorded as suppressed,
 * {@code digested:<digest id>}). One digest per member and local day.
 */
@Service
public class Digests {

	static final LocalTime DIGEST_TIME = LocalTime.of(18, 0);

	private final MessageStore store;

	private final PreferenceStore preferences;

	private final Templates templates;

	private final TemplateRenderer renderer;

	private final Programs programs;

	private final TransactionTemplate tx;

	Digests(MessageStore store, PreferenceStore preferences, Templates templates, TemplateRenderer renderer,
			Programs programs, PlatformTransactionManager tm) {
		this.store = store;
		this.preferences = preferences;
		this.templates = templates;
		this.renderer = renderer;
		this.programs = programs;
		this.tx = new TransactionTemplate(tm);
	}

	/** The next 18:00 in the zone strictly after {@code now}. */
	static Instant nextDigestTime(Instant now, ZoneId zone) {
		ZonedDateTime local = now.atZone(zone);
		ZonedDateTime today = local.toLocalDate().atTime(DIGEST_TIME).atZone(zone);
		return (local.isBefore(today) ? today : today.plusDays(1)).toInstant();
	}

	/** Builds every digest that is due; returns how many were queued. Runs in the caller's tenant scope. */
	public int run(Instant now) {
		int queued = 0;
		for (UUID[] due : tx.execute(s -> store.dueDigests(now))) {
			queued += TenantContext.call(new ProgramId(due[0]), () -> tx.execute(s -> digest(due[0], due[1], now)));
		}
		return queued;
	}

	private int digest(UUID programId, UUID memberId, Instant now) {
		List<Message> held = store.lockHeld(programId, memberId, now);
		if (held.isEmpty()) {
			return 0;
		}
		Program program = programs.get(new ProgramId(programId));
		Preferences prefs = preferences.find(programId, memberId).orElse(PreferenceStore.DEFAULTS);
		ZoneId zone = prefs.timeZone() == null ? program.timeZone() : ZoneId.of(prefs.timeZone());
		Optional<Template> template = templates.find(programId, "digest", Channel.EMAIL, prefs.locale());
		if (template.isEmpty()) {
			throw new IllegalStateException("The built-in digest template is missing; indicates a bug");
		}
		List<Map<String, String>> items = held.stream()
			.map(m -> Map.of("subject", m.subject() == null ? "" : m.subject(), "text", m.bodyText()))
			.toList();
		Map<String, Object> variables = Map.of("items", items, "count", items.size(), "program_name", program.name());
		Template t = template.get();
		LocalDate day = now.atZone(zone).toLocalDate();
		NewMessage digest = new NewMessage(memberId, "digest", "digest", Priority.LOW, Channel.EMAIL,
				"digest:" + memberId + ":" + day, t.locale(), prefs.contacts().email(),
				t.subject() == null ? null : renderer.render(t.subject(), variables), renderer.render(t.text(), variables),
				t.html() == null ? null : renderer.render(t.html(), variables), now);
		String reason = prefs.contacts().email() == null ? "no_email_address" : null;
		UUID digestId = store.insert(programId, digest, now, reason).orElse(null);
		if (digestId == null) {
			return 0;
		}
		held.forEach(m -> store.digested(m, digestId, now));
		return 1;
	}
}
