package io.krug.notifications.internal;

import io.krug.notifications.NotificationsError;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Messages in the dead-letter state ({@code failed}) and sending them again. */
@Service
public class DeadLetters {

	private final MessageStore store;

	private final Clock clock;

	DeadLetters(MessageStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** A dead letter as admins see it (no message body: it may hold personal data). */
	public record DeadLetter(UUID id, UUID memberId, String type, String channel, String priority, int attempts,
			@Nullable String lastError, Instant createdAt, List<MessageStore.StatusChange> history) {
	}

	/** A page of dead letters, newest first. */
	public record Page(List<DeadLetter> deadLetters, long total) {
	}

	@Transactional(readOnly = true)
	public Page list(UUID programId, int limit, int offset) {
		List<DeadLetter> letters = store.deadLetters(programId, limit, offset)
			.stream()
			.map(m -> new DeadLetter(m.id(), m.memberId(), m.type(), m.channel().key(), m.priority(), m.attempts(),
					m.lastError(), m.createdAt(), store.history(programId, m.id())))
			.toList();
		return new Page(letters, store.countDeadLetters(programId));
	}

	/** Puts a dead letter back in the queue, due now. */
	@Transactional
	public void retry(UUID programId, UUID id, String actor) {
		if (store.find(programId, id).isEmpty()) {
			throw NotificationsError.NOTIFICATION_NOT_FOUND.exception("No message " + id);
		}
		if (!store.requeue(programId, id, actor, clock.instant())) {
			throw NotificationsError.NOT_A_DEAD_LETTER.exception("Message " + id + " is not a dead letter");
		}
	}
}
