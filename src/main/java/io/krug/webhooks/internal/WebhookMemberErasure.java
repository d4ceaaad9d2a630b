package io.krug.webhooks.internal;

import io.krug.identity.MemberErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A member who deleted their account loses their own endpoints (with their messages and attempts), in the erasing
 * transaction. The program's endpoints still receive {@code member.erased}.
 */
@Component
class WebhookMemberErasure {

	private final EndpointRepository endpoints;

	WebhookMemberErasure(EndpointRepository endpoints) {
		this.endpoints = endpoints;
	}

	@EventListener
	void on(MemberErased event) {
		endpoints.delete(event.programId(), endpoints.ownedBy(event.programId(), event.memberId()));
	}
}
