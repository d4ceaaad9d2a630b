package io.krug.loyalty.status;

import io.krug.identity.IdentityApi;
import io.krug.identity.IdentityError;
import io.krug.identity.MemberStatus;
import io.krug.identity.MemberSummary;
import io.krug.loyalty.TierChanged;
import io.krug.loyalty.badges.BadgeService;
import io.krug.loyalty.rules.LoyaltyRulesService;
import io.krug.partners.Category;
import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link MemberStatuses}: decides ({@link StatusPolicy}), stores and announces members' statuses, and keeps
 * inner-circle invitations.
 */
@Service
class MemberStatusService implements MemberStatuses {

	private final StatusRepository statuses;

	private final TopSpenders topSpenders;

	private final LoyaltyRulesService rules;

	private final PartnersApi partners;

	private final IdentityApi identity;

	private final BadgeService badges;

	private final Programs programs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MemberStatusService(StatusRepository statuses, TopSpenders topSpenders, LoyaltyRulesService rules,
			PartnersApi partners, IdentityApi identity, BadgeService badges, Programs programs,
			ApplicationEventPublisher events, Clock clock) {
		this.statuses = statuses;
		this.topSpenders = topSpenders;
		this.rules = rules;
		this.partners = partners;
		this.identity = identity;
		this.badges = badges;
		this.programs = programs;
		this.events = events;
		this.clock = clock;
	}

	/** A member's inner-circle standing after an invitation or its revocation. */
	record InnerCircle(UUID memberId, MemberStatus status, boolean invited, @Nullable String invitedBy,
			@Nullable Instant invitedAt) {
	}

	@Override
	@Transactional(readOnly = true)
	public MemberStatus current(UUID memberId) {
		return statuses.find(TenantContext.require(), memberId)
			.map(StatusRepository.Stored::status)
			.orElse(MemberStatus.INSIDER);
	}

	@Override
	@Transactional
	public StatusChange recompute(UUID memberId, StatusReason reason) {
		return recompute(memberId, reason, null);
	}

	/** Invites the member to the inner circle (a business owner or an admin); inviting twice changes nothing. */
	@Transactional
	public InnerCircle invite(UUID memberId, String actor) {
		MemberSummary member = identity.findMember(memberId)
			.filter(MemberSummary::active)
			.orElseThrow(() -> IdentityError.MEMBER_NOT_FOUND.exception("No member " + memberId));
		ProgramId program = TenantContext.require();
		Instant now = now();
		if (!statuses.lock(program, member.id(), now).invited()) {
			statuses.setInvitation(program, member.id(), actor, now, now);
		}
		recompute(member.id(), StatusReason.INVITATION, actor);
		return innerCircle(program, member.id());
	}

	/** Revokes the member's invitation (an admin); they keep inner_circle only if their purchases earn it. */
	@Transactional
	public InnerCircle revoke(UUID memberId, String actor) {
		identity.findMember(memberId)
			.orElseThrow(() -> IdentityError.MEMBER_NOT_FOUND.exception("No member " + memberId));
		ProgramId program = TenantContext.require();
		Instant now = now();
		if (statuses.lock(program, memberId, now).invited()) {
			statuses.setInvitation(program, memberId, null, null, now);
		}
		recompute(memberId, StatusReason.REVOCATION, actor);
		return innerCircle(program, memberId);
	}

	private StatusChange recompute(UUID memberId, StatusReason reason, @Nullable String actor) {
		ProgramId program = TenantContext.require();
		Instant now = now();
		StatusRepository.Locked locked = statuses.lockWithCutoff(program, memberId, now);
		StatusRepository.Stored stored = locked.stored();
		MemberSpend spend = statuses.spend(program, memberId, window(program, now));
		Set<String> categories = partners.categories().stream().map(Category::key).collect(Collectors.toSet());
		BigDecimal cutoff = locked.eliteMinSpend();
		MemberStatus next = StatusPolicy.decide(rules.current().tiers(), spend, cutoff, stored.invited(), categories);
		badges.awardForPurchases(memberId, spend.spentEver(), spend.categoriesEver(), categories, now);
		if (next != stored.status()) {
			statuses.changeStatus(program, memberId, next, now);
			statuses.appendHistory(program, memberId, stored.status(), next, reason, actor, now);
			identity.setMemberStatus(memberId, next);
			events.publishEvent(new TierChanged(program, memberId, stored.status(), next, now));
		}
		return new StatusChange(stored.status(), next);
	}

	/** Now, at the database's precision, so that events carry the moment the history stores. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	RollingWindow window(ProgramId program, Instant now) {
		return RollingWindow.endingAt(now, programs.get(program).timeZone());
	}

	private InnerCircle innerCircle(ProgramId program, UUID memberId) {
		StatusRepository.Stored stored = statuses.find(program, memberId).orElseThrow();
		return new InnerCircle(memberId, stored.status(), stored.invited(), stored.invitedBy(), stored.invitedAt());
	}
}
