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
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
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

	@Override
	@Transactional
	public StatusChange afterPurchase(UUID memberId, String category, BigDecimal amount, Instant occurredAt) {
		ProgramId program = TenantContext.require();
		Instant now = now();
		RollingWindow window = window(program, now);
		StatusRepository.Locked locked = statuses.addPurchase(program, memberId, category, amount, occurredAt, window,
				now);
		SpendFigures figures = locked.figures();
		if (figures == null) {
			return recompute(program, memberId, locked, window, StatusReason.PURCHASE, null, now);
		}
		MemberSpend after = figures.spend();
		MemberSpend before = figures.spendWithout(category, amount);
		Supplier<Set<String>> categories = programCategories();
		badges.awardForPurchase(memberId, before.spentEver(), before.categoriesEver(), after.spentEver(),
				after.categoriesEver(), categories, now);
		return decide(program, memberId, locked, after, categories, StatusReason.PURCHASE, null, now);
	}

	private StatusChange recompute(UUID memberId, StatusReason reason, @Nullable String actor) {
		ProgramId program = TenantContext.require();
		Instant now = now();
		return recompute(program, memberId, statuses.lockWithCutoff(program, memberId, now), window(program, now),
				reason, actor, now);
	}

	/** From the member's purchases, storing the figures found for later purchases to add to. */
	private StatusChange recompute(ProgramId program, UUID memberId, StatusRepository.Locked locked,
			RollingWindow window, StatusReason reason, @Nullable String actor, Instant now) {
		StatusRepository.Computed computed = statuses.figures(program, memberId, window);
		SpendFigures keep = computed.storable() ? computed.figures() : null;
		if (!Objects.equals(keep, locked.figures())) {
			statuses.storeFigures(program, memberId, keep);
		}
		MemberSpend spend = computed.figures().spend();
		Supplier<Set<String>> categories = programCategories();
		badges.awardForPurchases(memberId, spend.spentEver(), spend.categoriesEver(), categories.get(), now);
		return decide(program, memberId, locked, spend, categories, reason, actor, now);
	}

	private StatusChange decide(ProgramId program, UUID memberId, StatusRepository.Locked locked, MemberSpend spend,
			Supplier<Set<String>> categories, StatusReason reason, @Nullable String actor, Instant now) {
		StatusRepository.Stored stored = locked.stored();
		MemberStatus next = StatusPolicy.decide(rules.current().tiers(), spend, locked.eliteMinSpend(),
				stored.invited(), categories);
		if (next != stored.status()) {
			statuses.changeStatus(program, memberId, next, now);
			statuses.appendHistory(program, memberId, stored.status(), next, reason, actor, now);
			identity.setMemberStatus(memberId, next);
			events.publishEvent(new TierChanged(program, memberId, stored.status(), next, now));
		}
		return new StatusChange(stored.status(), next);
	}

	/** The program's category keys, read once and only if asked for. */
	private Supplier<Set<String>> programCategories() {
		return new Supplier<>() {

			private @Nullable Set<String> read;

			@Override
			public Set<String> get() {
				if (read == null) {
					read = partners.categories().stream().map(Category::key).collect(Collectors.toUnmodifiableSet());
				}
				return read;
			}
		};
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
