package io.krug.notifications.internal;

import io.krug.notifications.NotificationsError;
import io.krug.platform.web.KrugException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins' templates: created and published as new versions only once every part renders with sample data; a
 * template that does not is rejected (422 {@code template_invalid}) with the part, line and column of the error.
 */
@Service
public class TemplateAdmin {

	/** Sample variables for previews and validation; the triggers give these names. */
	static final Map<String, Object> SAMPLE = Map.ofEntries(Map.entry("first_name", "Анна"),
			Map.entry("program_name", "Свой круг"), Map.entry("time_zone", "Europe/Moscow"),
			Map.entry("currency", "RUB"),
			Map.entry("amount", "150"), Map.entry("available_at", "2026-12-07T09:00:00Z"),
			Map.entry("from_status", "insider"), Map.entry("to_status", "vip"), Map.entry("badge", "collector"),
			Map.entry("expires_on", "2026-12-23"), Map.entry("days_left", 30), Map.entry("threshold_days", 30),
			Map.entry("event_title", "Дегустация сыров"), Map.entry("starts_at", "2026-11-30T16:00:00Z"),
			Map.entry("address", "Москва, Садовая, 1"), Map.entry("organizer", "Салон Миндаль"),
			Map.entry("plus_one", false), Map.entry("proposal_title", "Мастер-класс по пасте"),
			Map.entry("coupon_title", "Скидка 10% на стрижку"), Map.entry("valid_until", "2026-12-01T21:00:00Z"),
			Map.entry("scope", "premium"), Map.entry("expires_at", "2026-11-24T09:00:00Z"), Map.entry("balance", "7"),
			Map.entry("threshold", "10"), Map.entry("bonus", "500"), Map.entry("role", "referrer"),
			Map.entry("system", "yclients"), Map.entry("business_name", "Салон Миндаль"),
			Map.entry("consecutive_failures", 5), Map.entry("last_error", "HTTP 503"),
			Map.entry("at", "2026-11-23T09:00:00Z"));

	private final TemplateStore store;

	private final TemplateRenderer renderer;

	private final Clock clock;

	TemplateAdmin(TemplateStore store, TemplateRenderer renderer, Clock clock) {
		this.store = store;
		this.renderer = renderer;
		this.clock = clock;
	}

	/** A template with its versions, newest first. */
	public record Details(TemplateStore.Stored template, List<TemplateStore.Version> versions) {
	}

	/** A page of templates. */
	public record Page(List<TemplateStore.Stored> templates, long total) {
	}

	/** What a template renders to. */
	public record Preview(@Nullable String subject, String text, @Nullable String html) {
	}

	@Transactional
	public Details create(UUID programId, Template t, String actor) {
		validate(t);
		UUID id = store.create(programId, t, actor, clock.instant())
			.orElseThrow(() -> NotificationsError.TEMPLATE_EXISTS.exception("A " + t.type() + " template for "
					+ t.channel() + " in " + t.locale() + " exists; publish a new version of it instead"));
		return get(programId, id);
	}

	@Transactional
	public Details publish(UUID programId, UUID id, Template parts, String actor) {
		TemplateStore.Stored current = require(programId, id);
		Template t = new Template(current.type(), current.channel(), current.locale(), parts.subject(), parts.text(),
				parts.html());
		validate(t);
		store.publish(programId, id, t, actor, clock.instant());
		return get(programId, id);
	}

	@Transactional(readOnly = true)
	public Details get(UUID programId, UUID id) {
		return new Details(require(programId, id), store.versions(programId, id));
	}

	@Transactional(readOnly = true)
	public Page list(UUID programId, int limit, int offset) {
		return new Page(store.list(programId, limit, offset), store.count(programId));
	}

	@Transactional
	public void delete(UUID programId, UUID id) {
		if (!store.delete(programId, id)) {
			throw NotificationsError.TEMPLATE_NOT_FOUND.exception("No template " + id);
		}
	}

	/** Renders the current version with the sample data, overridden by {@code variables}. */
	@Transactional(readOnly = true)
	public Preview preview(UUID programId, UUID id, Map<String, Object> variables) {
		Map<String, Object> data = new HashMap<>(SAMPLE);
		data.putAll(variables);
		Template t = require(programId, id).template();
		return render(t, data);
	}

	private TemplateStore.Stored require(UUID programId, UUID id) {
		return store.find(programId, id)
			.orElseThrow(() -> NotificationsError.TEMPLATE_NOT_FOUND.exception("No template " + id));
	}

	void validate(Template t) {
		render(t, SAMPLE);
	}

	private Preview render(Template t, Map<String, Object> data) {
		return new Preview(part("subject", t.subject(), data), part("text", t.text(), data),
				part("html", t.html(), data));
	}

	private @Nullable String part(String name, @Nullable String template, Map<String, Object> data) {
		if (template == null) {
			return null;
		}
		try {
			return renderer.render(template, data);
		}
		catch (TemplateRenderer.TemplateInvalid ex) {
			String message = "line " + ex.line() + ", column " + ex.column() + ": " + ex.getMessage();
			throw new KrugException(NotificationsError.TEMPLATE_INVALID, "The " + name + " is invalid: " + message,
					List.of(new KrugException.FieldError(name, message)),
					Map.of("part", name, "line", ex.line(), "column", ex.column()), null);
		}
	}
}
