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
import java.util.UUID;
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

	private final BulkMessageStore bulk;

	private final Templates templates;

	private final TemplateRenderer renderer;

	private final PreferenceStore preferences;

	private final IdentityApi identity;

	private final Programs programs;

	private final Clock clock;

	Notifier(MessageStore store, BulkMessageStore bulk, Templates templates, TemplateRenderer renderer,
			PreferenceStore preferences, IdentityApi identity, Programs programs, Clock clock) {
		this.store = store;
		this.bulk = bulk;
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
		return queue(n, live(n.programId()), clock.instant());
	}

	/**
	 * Queues notifications of one program as {@link #notify} queues each, in order, but with set-based reads (members,
	 * preferences, templates, daily-cap counts, used dedupe keys) and one insert of all messages and their histories;
	 * returns how many messages were queued or suppressed.
	 */
	@Transactional
	public int notifyAll(UUID programId, List<Notification> batch) {
		Instant now = clock.instant();
		NotificationBatch facts = NotificationBatch.load(programId, batch, programs.get(new ProgramId(programId)),
				now, identity, preferences, templates, store, bulk);
		int queued = 0;
		for (Notification n : batch) {
			queued += queue(n, facts, now);
		}
		facts.insert(now);
		return queued;
	}

	private int queue(Notification n, NotificationFacts facts, Instant now) {
		Optional<MemberSummary> member = facts.member(n.memberId());
		if (member.isEmpty() || member.get().phone() == null) {
			return 0;
		}
		Program program = programs.get(new ProgramId(n.programId()));
		Preferences prefs = facts.preferences(n.memberId()).orElse(PreferenceStore.DEFAULTS);
		Map<String, Object> variables = variables(n, member.get(), program);
		ZoneId zone = zone(prefs, program);
		boolean consented = !MARKETING.equals(n.category()) || facts.marketingConsent(n.memberId());
		int queued = 0;
		for (Channel channel : route(n.priority(), prefs)) {
			Optional<Template> template = n.inline() != null ? Optional.of(n.inline())
					: facts.template(n.type(), channel, prefs.locale());
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
				Instant due = suppressed == null ? schedule(n, prefs, channel, zone, now, facts) : now;
				if (due == null) {
					suppressed = "daily_cap";
					due = now;
				}
				boolean held = suppressed == null && n.priority() == Priority.LOW && channel == Channel.EMAIL
						&& "daily".equals(prefs.digest());
				if (held) {
					due = Digests.nextDigestTime(now, zone);
				}
				queued += queue(n, channel, template.get(), variables, recipient, suppressed, due, now, held, facts)
						? 1 : 0;
			}
		}
		return queued;
	}

	private NotificationFacts live(UUID programId) {
		return new NotificationFacts.Live(programId, identity, preferences, templates, store);
	}

	/** The member's time zone, else the program's. */
	static ZoneId zone(Preferences prefs, Program program) {
		return prefs.timeZone() == null ? program.timeZone() : ZoneId.of(prefs.timeZone());
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
		return schedule(n, prefs, channel, zone, now, live(n.programId()));
	}

	private @Nullable Instant schedule(Notification n, Preferences prefs, Channel channel, ZoneId zone, Instant now,
			NotificationFacts facts) {
		if (!capped(n.priority(), channel)) {
			return n.priority() == Priority.CRITICAL || !channel.intrusive() ? now : afterQuietHours(prefs, zone, now);
		}
		Instant[] day = capDay(prefs, zone, now);
		if (facts.countIntrusive(n.memberId(), day[0], day[1]) < prefs.dailyCap()) {
			return afterQuietHours(prefs, zone, now);
		}
		return n.priority() == Priority.LOW ? null : afterQuietHours(prefs, zone, day[1]);
	}

	/** Whether a message of this priority on this channel counts against, and is held by, the daily cap. */
	private static boolean capped(Priority priority, Channel channel) {
		return (priority == Priority.NORMAL || priority == Priority.LOW) && channel.intrusive();
	}

	/**
	 * The day, {@code [start, next day's start)} in the member's time zone, whose cap a capped message sent at
	 * {@code now} falls under: that of the first moment after the quiet hours.
	 */
	static Instant[] capDay(Preferences prefs, ZoneId zone, Instant now) {
		LocalDate day = afterQuietHours(prefs, zone, now).atZone(zone).toLocalDate();
		return new Instant[] { day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant() };
	}

	private static Instant afterQuietHours(Preferences prefs, ZoneId zone, Instant at) {
		return QuietHoursRule.nextAllowed(at, zone, LocalTime.parse(prefs.quietHours().start()),
				LocalTime.parse(prefs.quietHours().end()));
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
			@Nullable String recipient, @Nullable String suppressed, Instant due, Instant now, boolean held,
			NotificationFacts facts) {
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
		return facts.queue(message, now, initial, reason);
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
