package io.krug.webhooks.internal;

import io.krug.identity.KrugPrincipal;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What an endpoint's owner does after the fact: read the delivery log, send a message again, re-queue everything
 * given up since a moment (after fixing the receiver), and replay logged events of a period as new messages (to a new
 * endpoint, or to one that lost data).
 */
@Service
public class WebhookOperations {

	/** The most events one replay may queue. */
	public static final int MAX_REPLAY = 100_000;

	private static final int REPLAY_PAGE = 1_000;

	private final EndpointService endpoints;

	private final MessageStore messages;

	private final AttemptStore attempts;

	private final WebhookCatalog catalog;

	private final DeliverySignal signal;

	private final Clock clock;

	WebhookOperations(EndpointService endpoints, MessageStore messages, AttemptStore attempts, WebhookCatalog catalog,
			DeliverySignal signal, Clock clock) {
		this.endpoints = endpoints;
		this.messages = messages;
		this.attempts = attempts;
		this.catalog = catalog;
		this.signal = signal;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public WebhookPage<Attempt> attempts(KrugPrincipal caller, UUID endpointId, int limit, int offset) {
		Endpoint endpoint = endpoints.accessible(caller, endpointId, false);
		return attempts.page(TenantContext.require(), endpoint.id(), limit, offset);
	}

	@Transactional(readOnly = true)
	public WebhookPage<Message> messages(KrugPrincipal caller, UUID endpointId, @Nullable String status, int limit,
			int offset) {
		Endpoint endpoint = endpoints.accessible(caller, endpointId, false);
		return messages.page(TenantContext.require(), endpoint.id(), status, limit, offset);
	}

	/** Queues the message again, due now; it keeps its id, so the receiver sees the same {@code webhook-id}. */
	@Transactional
	public Message resend(KrugPrincipal caller, UUID endpointId, UUID messageId) {
		ProgramId program = TenantContext.require();
		Endpoint endpoint = endpoints.accessible(caller, endpointId, false);
		if (messages.requeue(program, endpoint.id(), messageId, clock.instant()) == 0) {
			throw WebhookError.MESSAGE_NOT_FOUND.exception("No message " + messageId + " of this endpoint.");
		}
		nudgeAfterCommit();
		return messages.find(program, endpoint.id(), messageId).orElseThrow();
	}

	/** Queues again every message given up on since {@code since}; returns how many. */
	@Transactional
	public int recover(KrugPrincipal caller, UUID endpointId, Instant since) {
		Endpoint endpoint = endpoints.accessible(caller, endpointId, false);
		int count = messages.requeueFailedSince(TenantContext.require(), endpoint.id(), since, clock.instant());
		if (count > 0) {
			nudgeAfterCommit();
		}
		return count;
	}

	/**
	 * Queues the logged events of [from, to) the endpoint subscribes to (narrowed by {@code eventTypes} when given)
	 * as new messages, oldest first; returns how many.
	 *
	 * @throws KrugException 422 {@code invalid_range}, {@code unknown_event_type}, {@code replay_too_large}
	 */
	@Transactional
	public int replay(KrugPrincipal caller, UUID endpointId, Instant from, Instant to,
			@Nullable List<String> eventTypes) {
		if (!from.isBefore(to)) {
			throw KrugException.field(WebhookError.INVALID_RANGE, "to", "must be after from");
		}
		ProgramId program = TenantContext.require();
		Endpoint endpoint = endpoints.accessible(caller, endpointId, false);
		@Nullable UUID member = endpoint.ownerMemberId();
		Set<String> types = catalog.expand(endpoint.eventTypes(), member != null);
		if (eventTypes != null) {
			types.retainAll(catalog.expand(catalog.validate("event_types", eventTypes, member != null), false));
		}
		if (types.isEmpty()) {
			return 0;
		}
		List<String> typeList = List.copyOf(types);
		long count = messages.countEvents(program, from, to, typeList, member);
		if (count > MAX_REPLAY) {
			throw WebhookError.REPLAY_TOO_LARGE.exception(
					count + " events in the period; replay at most " + MAX_REPLAY + " at once (a shorter period).");
		}
		int queued = copy(program, endpoint, from, to, typeList);
		if (queued > 0) {
			nudgeAfterCommit();
		}
		return queued;
	}

	private int copy(ProgramId program, Endpoint endpoint, Instant from, Instant to, List<String> types) {
		Instant now = clock.instant();
		int queued = 0;
		UUID after = null;
		while (true) {
			List<MessageStore.LoggedEvent> page = messages.events(program, from, to, types, endpoint.ownerMemberId(),
					after, REPLAY_PAGE);
			if (page.isEmpty()) {
				return queued;
			}
			List<MessageStore.NewMessage> batch = new ArrayList<>(page.size());
			for (MessageStore.LoggedEvent event : page) {
				batch.add(new MessageStore.NewMessage(Ids.newId(), endpoint.id(), event.id(), event.type(),
						endpoint.ordered() ? WebhookOutbox.orderKey(event.memberId()) : null));
			}
			messages.insert(program, batch, now);
			queued += batch.size();
			after = page.getLast().id();
		}
	}

	private void nudgeAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				signal.nudge();
			}
		});
	}
}
