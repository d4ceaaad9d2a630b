package io.krug.notifications.internal;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something to tell a member: a template type, its variables, and a key unique per causing event so that a
 * redelivered event queues nothing twice. An {@code inline} template (scheduled messages) is used for every channel
 * instead of the type's templates.
 */
public record Notification(UUID programId, UUID memberId, String type, String category, Priority priority,
		String dedupeKey, Map<String, Object> variables, @Nullable Template inline) {

	/** A notification rendered from the templates of its type. */
	public Notification(UUID programId, UUID memberId, String type, String category, Priority priority,
			String dedupeKey, Map<String, Object> variables) {
		this(programId, memberId, type, category, priority, dedupeKey, variables, null);
	}
}
