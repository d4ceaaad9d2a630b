package io.krug.events.internal;

import io.krug.identity.MemberProfileContributor;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Adds {@code events_attended} (events the member was checked in at) to {@code GET /api/v1/users/me}. */
@Component
class AttendanceFigures implements MemberProfileContributor {

	private final RegistrationRepository registrations;

	AttendanceFigures(RegistrationRepository registrations) {
		this.registrations = registrations;
	}

	/** Its own read-only transaction: row-level security shows tenant rows only inside one. */
	@Override
	@Transactional(readOnly = true)
	public Map<String, Object> contribute(UUID memberId) {
		return Map.of("events_attended", registrations.attended(memberId));
	}
}
