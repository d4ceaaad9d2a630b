package io.krug.notifications.internal;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberSummary;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Notifier} reads to decide a notification's messages, and where it puts them: read when asked and each
 * message inserted at once ({@link Live}), or read for a whole batch beforehand and inserted together
 * ({@link NotificationBatch}). The rules are the notifier's either way.
 */
interface NotificationFacts {

	Optional<MemberSummary> member(UUID memberId);

	Optional<Preferences> preferences(UUID memberId);

	Optional<Template> template(String type, Channel channel, String locale);

	boolean marketingConsent(UUID memberId);

	/** As {@link MessageStore#countIntrusive}, counting the messages queued before this one. */
	long countIntrusive(UUID memberId, Instant from, Instant to);

	/** Queues the message unless its dedupe key was used on its channel; returns whether it was queued. */
	boolean queue(NewMessage message, Instant now, MessageStatus initial, @Nullable String reason);

	/** One program's facts, each read when asked; each message inserted at once. */
	record Live(UUID programId, IdentityApi identity, PreferenceStore preferenceStore, Templates templates,
			MessageStore store) implements NotificationFacts {

		@Override
		public Optional<MemberSummary> member(UUID memberId) {
			return identity.findMember(memberId);
		}

		@Override
		public Optional<Preferences> preferences(UUID memberId) {
			return preferenceStore.find(programId, memberId);
		}

		@Override
		public Optional<Template> template(String type, Channel channel, String locale) {
			return templates.find(programId, type, channel, locale);
		}

		@Override
		public boolean marketingConsent(UUID memberId) {
			return identity.hasMarketingConsent(memberId);
		}

		@Override
		public long countIntrusive(UUID memberId, Instant from, Instant to) {
			return store.countIntrusive(programId, memberId, from, to);
		}

		@Override
		public boolean queue(NewMessage message, Instant now, MessageStatus initial, @Nullable String reason) {
			return store.insert(programId, message, now, initial, reason).isPresent();
		}

	}

}
