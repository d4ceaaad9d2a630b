package io.krug.notifications.internal;

import io.krug.events.EventRegistrationConfirmed;
import io.krug.events.EventsApi;
import io.krug.events.PromotedFromWaitlist;
import io.krug.events.ProposalApproved;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues the club events' messages ({@code events} category) in the publishing transaction, as {@link Triggers}
 * does: a confirmed registration (normal), a seat freed up for a waitlisted member (high: the member has to plan at
 * short notice) and an approved proposal (normal). Reminders before an event are {@link EventReminders}'.
 */
@Component
class EventTriggers {

	static final String CATEGORY = "events";

	private final Notifier notifier;

	private final EventsApi events;

	EventTriggers(Notifier notifier, EventsApi events) {
		this.notifier = notifier;
		this.events = events;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(EventRegistrationConfirmed e) {
		seat(e.programId(), e.memberId(), e.eventId(), "event_registration_confirmed", Priority.NORMAL,
				"event_registration_confirmed:" + e.registrationId(), e.plusOne());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(PromotedFromWaitlist e) {
		seat(e.programId(), e.memberId(), e.eventId(), "event_promoted_from_waitlist", Priority.HIGH,
				"event_promoted_from_waitlist:" + e.registrationId(), e.plusOne());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ProposalApproved e) {
		TenantContext.run(e.programId(), () -> events.proposalTitle(e.proposalId())
			.ifPresent(title -> notifier.notify(new Notification(e.programId().value(), e.memberId(),
					"event_proposal_approved", CATEGORY, Priority.NORMAL, "event_proposal_approved:" + e.proposalId(),
					Map.of("proposal_title", title)))));
	}

	private void seat(ProgramId program, UUID member, UUID eventId, String type, Priority priority, String key,
			boolean plusOne) {
		TenantContext.run(program, () -> events.findEvent(eventId).ifPresent(event -> {
			Map<String, Object> variables = variables(event);
			variables.put("plus_one", plusOne);
			notifier.notify(new Notification(program.value(), member, type, CATEGORY, priority, key, variables));
		}));
	}

	/** What every event template may use: title, start (ISO instant), address (empty when unknown), organizer. */
	static Map<String, Object> variables(EventsApi.EventBrief event) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("event_title", event.title());
		variables.put("starts_at", event.startsAt().toString());
		variables.put("address", event.address() == null ? "" : event.address());
		variables.put("organizer", event.organizerName());
		return variables;
	}
}
