package io.krug.notifications.internal;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberSummary;
import io.krug.platform.tenancy.Program;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The facts of a batch of one program's notifications, read with one query each before any is decided (members,
 * preferences, the program's templates of the batch's types, the dedupe keys used already, and each capped member's
 * count for the day the cap applies to), and the messages decided, inserted together by {@link #insert}. Messages
 * decided earlier in the batch count as if inserted: against the daily cap and for the dedupe keys, as they would
 * when each notification is queued in turn.
 */
final class NotificationBatch implements NotificationFacts {

	private final UUID programId;

	private final Map<UUID, MemberSummary> members;

	private final Map<UUID, Preferences> preferences;

	private final Templates.Snapshot templates;

	private final Set<String> usedKeys;

	private final Map<BulkMessageStore.Day, Long> intrusive;

	private final IdentityApi identity;

	private final MessageStore store;

	private final BulkMessageStore bulk;

	private final List<BulkMessageStore.Queued> queued = new ArrayList<>();

	private NotificationBatch(UUID programId, Map<UUID, MemberSummary> members, Map<UUID, Preferences> preferences,
			Templates.Snapshot templates, Set<String> usedKeys, Map<BulkMessageStore.Day, Long> intrusive,
			IdentityApi identity, MessageStore store, BulkMessageStore bulk) {
		this.programId = programId;
		this.members = members;
		this.preferences = preferences;
		this.templates = templates;
		this.usedKeys = usedKeys;
		this.intrusive = intrusive;
		this.identity = identity;
		this.store = store;
		this.bulk = bulk;
	}

	static NotificationBatch load(UUID programId, List<Notification> batch, Program program, Instant now,
			IdentityApi identity, PreferenceStore preferenceStore, Templates templates, MessageStore store,
			BulkMessageStore bulk) {
		Set<UUID> memberIds = new LinkedHashSet<>();
		Set<String> types = new LinkedHashSet<>();
		Set<String> keys = new LinkedHashSet<>();
		for (Notification n : batch) {
			memberIds.add(n.memberId());
			keys.add(n.dedupeKey());
			if (n.inline() == null) {
				types.add(n.type());
			}
		}
		Map<UUID, MemberSummary> members = identity.findMembers(memberIds);
		Map<UUID, Preferences> preferences = preferenceStore.findAll(programId, memberIds);
		Set<BulkMessageStore.Day> days = new LinkedHashSet<>();
		for (Notification n : batch) {
			MemberSummary member = members.get(n.memberId());
			if (member != null && member.phone() != null
					&& (n.priority() == Priority.NORMAL || n.priority() == Priority.LOW)) {
				Preferences prefs = preferences.getOrDefault(n.memberId(), PreferenceStore.DEFAULTS);
				Instant[] day = Notifier.capDay(prefs, Notifier.zone(prefs, program), now);
				days.add(new BulkMessageStore.Day(n.memberId(), day[0], day[1]));
			}
		}
		return new NotificationBatch(programId, members, preferences, templates.snapshot(programId, types),
				new HashSet<>(bulk.usedDedupeKeys(programId, keys)), bulk.countIntrusive(programId, days), identity,
				store, bulk);
	}

	@Override
	public Optional<MemberSummary> member(UUID memberId) {
		return Optional.ofNullable(members.get(memberId));
	}

	@Override
	public Optional<Preferences> preferences(UUID memberId) {
		return Optional.ofNullable(preferences.get(memberId));
	}

	@Override
	public Optional<Template> template(String type, Channel channel, String locale) {
		return templates.find(type, channel, locale);
	}

	@Override
	public boolean marketingConsent(UUID memberId) {
		// only marketing notifications ask, and none of them is deferred today
		return identity.hasMarketingConsent(memberId);
	}

	@Override
	public long countIntrusive(UUID memberId, Instant from, Instant to) {
		BulkMessageStore.Day day = new BulkMessageStore.Day(memberId, from, to);
		long stored = intrusive.computeIfAbsent(day, d -> store.countIntrusive(programId, memberId, from, to));
		return stored + queued.stream()
			.filter(q -> q.message().memberId().equals(memberId) && q.message().channel().intrusive()
					&& q.status() != MessageStatus.SUPPRESSED && !q.message().notBefore().isBefore(from)
					&& q.message().notBefore().isBefore(to))
			.count();
	}

	@Override
	public boolean queue(NewMessage message, Instant now, MessageStatus initial, @Nullable String reason) {
		if (!usedKeys.add(BulkMessageStore.dedupe(message.dedupeKey(), message.channel()))) {
			return false;
		}
		queued.add(new BulkMessageStore.Queued(message, initial, reason));
		return true;
	}

	/** Inserts the batch's messages and their first history rows; returns how many were inserted. */
	int insert(Instant now) {
		return bulk.insertAll(programId, queued, now);
	}
}
