package io.krug.events.internal;

import io.krug.events.EventRegistrationConfirmed;
import io.krug.events.MemberCheckedIn;
import io.krug.events.PromotedFromWaitlist;
import io.krug.events.ProposalApproved;
import io.krug.platform.tenancy.ProgramId;
import io.krug.webhooks.WebhookEventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The club events' entries in the webhook catalog. */
@Configuration(proxyBeanMethods = false)
class EventWebhooks {

	private static final ProgramId PROGRAM = ProgramId.of("01a20606-dd14-777d-99d6-aa366c22e967");

	private static final UUID EVENT = UUID.fromString("01a20623-2ba7-749d-9c6c-5926035615a7");

	private static final UUID REGISTRATION = UUID.fromString("01a20623-3c11-7a52-8f0e-1b2c3d4e5f60");

	private static final UUID MEMBER = UUID.fromString("01a20606-be43-7485-b59f-70cda3690a70");

	private static final Instant AT = Instant.parse("2026-11-23T16:00:00Z");

	@Bean
	WebhookEventType<EventRegistrationConfirmed> eventRegistrationConfirmedWebhook() {
		return WebhookEventType.of("event.registration.confirmed", EventRegistrationConfirmed.class,
				"A member's seat at a club event is confirmed (on registering).",
				new EventRegistrationConfirmed(PROGRAM, EVENT, REGISTRATION, MEMBER, false, AT))
			.aboutMember(EventRegistrationConfirmed::memberId);
	}

	@Bean
	WebhookEventType<PromotedFromWaitlist> promotedFromWaitlistWebhook() {
		return WebhookEventType.of("event.registration.promoted", PromotedFromWaitlist.class,
				"A waitlisted member got a seat because someone cancelled.",
				new PromotedFromWaitlist(PROGRAM, EVENT, REGISTRATION, MEMBER, false, AT))
			.aboutMember(PromotedFromWaitlist::memberId);
	}

	@Bean
	WebhookEventType<MemberCheckedIn> memberCheckedInWebhook() {
		return WebhookEventType.of("event.checked_in", MemberCheckedIn.class,
				"A member was checked in at a club event.",
				new MemberCheckedIn(PROGRAM, EVENT, REGISTRATION, MEMBER, 4, AT))
			.aboutMember(MemberCheckedIn::memberId);
	}

	@Bean
	WebhookEventType<ProposalApproved> proposalApprovedWebhook() {
		return WebhookEventType.of("event.proposal.approved", ProposalApproved.class,
				"A member's event proposal was among the month's top three and was approved.",
				new ProposalApproved(PROGRAM, UUID.fromString("01a20630-0000-7000-8000-000000000001"), MEMBER,
						new BigDecimal("17.00"), AT))
			.aboutMember(ProposalApproved::memberId);
	}
}
