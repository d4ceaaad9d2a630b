package io.krug.events.internal;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The events module's errors; {@link #code()} is public API. */
public enum EventsError implements ErrorCode {

	EVENT_NOT_FOUND(HttpStatus.NOT_FOUND, "Event not found"),
	NOT_REGISTERED(HttpStatus.NOT_FOUND, "No registration for this event"),
	TICKET_NOT_FOUND(HttpStatus.NOT_FOUND, "Ticket not found"),
	PROPOSAL_NOT_FOUND(HttpStatus.NOT_FOUND, "Proposal not found"),
	BUSINESS_NOT_FOUND(HttpStatus.UNPROCESSABLE_CONTENT, "Business not found"),
	MEMBER_NOT_FOUND(HttpStatus.NOT_FOUND, "Member not found"),
	STATUS_TOO_LOW(HttpStatus.FORBIDDEN, "Your status is below the one this needs"),
	NOT_YOUR_BUSINESS(HttpStatus.FORBIDDEN, "Only for events at your own business"),
	MEMBERS_ONLY(HttpStatus.FORBIDDEN, "Only members can do this"),
	NOT_AN_ATTENDEE(HttpStatus.FORBIDDEN, "Only members who attended may review"),
	ALREADY_REGISTERED(HttpStatus.CONFLICT, "Already registered"),
	EVENT_CANCELLED(HttpStatus.CONFLICT, "Event cancelled"),
	REGISTRATION_CLOSED(HttpStatus.CONFLICT, "The event has started"),
	NOT_CONFIRMED(HttpStatus.CONFLICT, "The registration has no seat yet"),
	ALREADY_CHECKED_IN(HttpStatus.CONFLICT, "Already checked in"),
	CHECK_IN_CLOSED(HttpStatus.CONFLICT, "Check-in is not open"),
	EVENT_NOT_OVER(HttpStatus.CONFLICT, "The event is not over yet"),
	ALREADY_REVIEWED(HttpStatus.CONFLICT, "Already reviewed"),
	EVENT_HAS_REGISTRATIONS(HttpStatus.CONFLICT, "The event has registrations"),
	VOTING_CLOSED(HttpStatus.CONFLICT, "Voting is closed"),
	PROPOSAL_NOT_APPROVED(HttpStatus.CONFLICT, "The proposal is not approved"),
	PLUS_ONE_NOT_ALLOWED(HttpStatus.UNPROCESSABLE_CONTENT, "This event takes no plus-ones"),
	INVALID_EVENT(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid event"),
	CAPACITY_BELOW_SEATS_TAKEN(HttpStatus.UNPROCESSABLE_CONTENT, "Capacity below the seats already taken"),
	BUDGET_LEVEL_EXCEEDED(HttpStatus.UNPROCESSABLE_CONTENT, "Beyond the level's share of the month's budget"),
	BUDGET_INSUFFICIENT(HttpStatus.UNPROCESSABLE_CONTENT, "The events budget does not cover this");

	private final HttpStatus status;

	private final String title;

	EventsError(HttpStatus status, String title) {
		this.status = status;
		this.title = title;
	}

	@Override
	public HttpStatus status() {
		return status;
	}

	@Override
	public String title() {
		return title;
	}
}
