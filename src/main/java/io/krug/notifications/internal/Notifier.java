package io.krug.notifications.internal;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberSummary;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a {@link Notification} into one stored message per channel (low-priority e-mail of members who chose the daily
 * digest is held for it, see {@link Digests}), rendered from the member's locale's templates,
 * in the caller's transaction: the messages commit or roll back with the event that caused them. Marketing messages
 * to a member without marketing consent on identity's consent record are stored as suppressed
 * ({@code no_marketing_consent}); push goes to the member's most recently registered device only.
 */
@Service
public class Notifier {

	private static final Logger log = LoggerFactory.getLogger(Notifier.class);

	/** The category whose messages need the member's marketing consent on identity's record. */
	static final String MARKETING = "marketing";

	private final MessageStore store;

	private final Templates templates;

	private final TemplateRenderer renderer;

	private final PreferenceStore preferences;

	private final IdentityApi identity;

	private final Programs programs;

	private final Clock clock;

	Notifier(MessageStore store, Templates templates, TemplateRenderer renderer, PreferenceStore preferences,
			IdentityApi identity, Programs programs, Clock clock) {
		this.store = store;
		this.templates = templates;
		this.renderer = renderer;
		this.preferences = preferences;
		this.identity = identity;
		this.programs = programs;
		this.clock = clock;
	}

	/** Queues the notification on every channel; returns how many messages were queued or suppressed. */
	@Transactional
	public int notify(Notification n) {
		Optional<MemberSummary> member = identity.findMember(n.memberId());
		if (member.isEmpty() || member.get().phone() == null) {
			return 0;
		}
		Program program = programs.get(new ProgramId(n.programId()));
		Preferences prefs = preferences.find(n.programId(), n.memberId()).orElse(PreferenceStore.DEFAULTS);
		Map<String, Object> variables = variables(n, member.get(), program);
		Instant now = clock.instant();
		ZoneId zone = prefs.timeZone() == null ? program.timeZone() : ZoneId.of(prefs.timeZone());
		boolean consented = !MARKETING.equals(n.category()) || identity.hasMarketingConsent(n.memberId());
		int queued = 0;
		for (Channel channel : route(n.priority(), prefs)) {
			Optional<Template> template = n.inline() != null ? Optional.of(n.inline())
					: templates.find(n.programId(), n.type(), channel, prefs.locale());
			if (template.isPresent()) {
				String recipient = switch (channel) {
					case EMAIL -> prefs.contacts().email();
					case SMS -> member.get().phone();
					case TELEGRAM -> prefs.contacts().telegramChatId();
					// the member's most recently registered device
					case PUSH -> prefs.contacts().pushTokens().isEmpty() ? null
							: prefs.contacts().pushTokens().getLast();
					case IN_APP -> null;
				};
				String suppressed = consented ? suppression(n, prefs, channel, recipient) : "no_marketing_consent";
				Instant due = suppressed == null ? schedule(n, prefs, channel, zone, now) : now;
				if (due == null) {
					suppressed = "daily_cap";
					due = now;
				}
				boolean held = suppressed == null && n.priority() == Priority.LOW && channel == Channel.EMAIL
						&& "daily".equals(prefs.digest());
				if (held) {
					due = Digests.nextDigestTime(now, zone);
				}
				queued += queue(n, channel, template.get(), variables, recipient, suppressed, due, now, held) ? 1 : 0;
			}
		}
		return queued;
	}

	/**
	 * As {@link #notify}, but renders nothing when the dedupe key was used already: for scans that meet the same
	 * cause run after run.
	 */
	@Transactional
	public int notifyOnce(Notification n) {
		return store.queuedAlready(n.programId(), n.dedupeKey()) ? 0 : notify(n);
	}

	/**
	 * Which channels a priority uses: critical all of them; high in-app and the preferred one (push when the
	 * member has a device, else e-mail when they have an address, else Telegram when they gave a chat id, else SMS);
	 * normal in-app, e-mail and push (with a device), by category preferences; low
	 * e-mail only.
	 */
	static List<Channel> route(Priority priority, Preferences prefs) {
		return switch (priority) {
			case CRITICAL -> critical(prefs);
			case HIGH -> List.of(Channel.IN_APP, preferred(prefs));
			case NORMAL -> prefs.contacts().pushTokens().isEmpty() ? List.of(Channel.IN_APP, Channel.EMAIL)
					: List.of(Channel.IN_APP, Channel.EMAIL, Channel.PUSH);
			case LOW -> List.of(Channel.EMAIL);
		};
	}

	private static List<Channel> critical(Preferences prefs) {
		List<Channel> channels = new java.util.ArrayList<>(List.of(Channel.IN_APP, Channel.EMAIL, Channel.SMS));
		if (prefs.contacts().telegramChatId() != null) {
			channels.add(Channel.TELEGRAM);
		}
		if (!prefs.contacts().pushTokens().isEmpty()) {
			channels.add(Channel.PUSH);
		}
		return channels;
	}

	private static Channel preferred(Preferences prefs) {
		if (!prefs.contacts().pushTokens().isEmpty() && prefs.channels().push()) {
			return Channel.PUSH;
		}
		if (prefs.contacts().email() != null && prefs.channels().email()) {
			return Channel.EMAIL;
		}
		return prefs.contacts().telegramChatId() != null ? Channel.TELEGRAM : Channel.SMS;
	}

	/**
	 * When to send: critical and in-app messages at once; others after the member's quiet hours. Past the daily
	 * cap (messages that reach the member at once, per day of their time zone) low-priority messages are dropped
	 * (null) and normal ones wait for the next day; high and critical ones are not capped.
	 */
	@Nullable Instant schedule(Notification n, Preferences prefs, Channel channel, ZoneId zone, Instant now) {
		if (n.priority() == Priority.CRITICAL || !channel.intrusive()) {
			return now;
		}
		LocalTime start = LocalTime.parse(prefs.quietHours().start());
		LocalTime end = LocalTime.parse(prefs.quietHours().end());
		Instant due = QuietHoursRule.nextAllowed(now, zone, start, end);
		if (n.priority() == Priority.HIGH) {
			return due;
		}
		LocalDate day = due.atZone(zone).toLocalDate();
		Instant dayStart = day.atStartOfDay(zone).toInstant();
		Instant nextDay = day.plusDays(1).atStartOfDay(zone).toInstant();
		if (store.countIntrusive(n.programId(), n.memberId(), dayStart, nextDay) < prefs.dailyCap()) {
			return due;
		}
		return n.priority() == Priority.LOW ? null : QuietHoursRule.nextAllowed(nextDay, zone, start, end);
	}

	/** Why the member does not want (or cannot get) this message on this channel, or null. */
	static @Nullable String suppression(Notification n, Preferences prefs, Channel channel,
			@Nullable String recipient) {
		if (!prefs.allowsCategory(n.category())) {
			return "category_disabled";
		}
		if (!prefs.channels().allows(channel) && !Preferences.ESSENTIAL.contains(n.category())
				&& n.priority() != Priority.CRITICAL) {
			return "channel_disabled";
		}
		if (recipient == null && channel != Channel.IN_APP) {
			return switch (channel) {
				case EMAIL -> "no_email_address";
				case TELEGRAM -> "no_telegram_chat";
				case PUSH -> "no_push_device";
				default -> "no_phone";
			};
		}
		return null;
	}

	private boolean queue(Notification n, Channel channel, Template template, Map<String, Object> variables,
			@Nullable String recipient, @Nullable String suppressed, Instant due, Instant now, boolean held) {
		String reason = suppressed;
		String subject = null;
		String text = "";
		String html = null;
		try {
			subject = template.subject() == null ? null : renderer.render(template.subject(), variables);
			text = renderer.render(template.text(), variables);
			html = template.html() == null ? null : renderer.render(template.html(), variables);
		}
		catch (TemplateRenderer.TemplateInvalid ex) {
			log.warn("Template {}/{}/{} failed to render: {}", template.type(), template.channel(),
					template.locale(), ex.getMessage());
			reason = "template_error";
		}
		NewMessage message = new NewMessage(n.memberId(), n.type(), n.category(), n.priority(), channel,
				n.dedupeKey(), template.locale(), recipient, subject, text, html, due);
		MessageStatus initial = reason != null ? MessageStatus.SUPPRESSED
				: held ? MessageStatus.HELD : MessageStatus.QUEUED;
		return store.insert(n.programId(), message, now, initial, reason).isPresent();
	}

	private static Map<String, Object> variables(Notification n, MemberSummary member, Program program) {
		Map<String, Object> variables = new HashMap<>(n.variables());
		if (member.firstName() != null) {
			variables.put("first_name", member.firstName());
		}
		variables.put("program_name", program.name());
		variables.put("time_zone", program.timeZone().getId());
		variables.put("currency", program.currency().getCurrencyCode());
		return variables;
	}
}
