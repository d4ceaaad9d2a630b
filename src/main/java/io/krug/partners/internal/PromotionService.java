package io.krug.partners.internal;

import io.krug.identity.KrugPrincipal;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Promotions of the current program's businesses. Their owners (with {@code create_promotions}) and platform admins
 * run them; the business's managers may look. When several run at once, the highest multiplier wins.
 */
@Service
@Validated
public class PromotionService {

	private final PromotionRepository promotions;

	private final BusinessRepository businesses;

	private final Clock clock;

	PromotionService(PromotionRepository promotions, BusinessRepository businesses, Clock clock) {
		this.promotions = promotions;
		this.businesses = businesses;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page<Promotion> list(KrugPrincipal caller, UUID businessId, int limit, int offset) {
		ProgramId program = requireBusiness(caller, businessId, false);
		return promotions.list(program, businessId, limit, offset);
	}

	@Transactional
	public Promotion create(KrugPrincipal caller, UUID businessId, @Valid NewPromotion command) {
		ProgramId program = requireBusiness(caller, businessId, true);
		Instant now = Moments.now(clock);
		Instant from = command.validFrom() == null ? now : Moments.stored(command.validFrom());
		Instant until = Moments.stored(command.validUntil());
		checkPeriod(from, until);
		Promotion promotion = new Promotion(Ids.newId(), businessId, command.title().strip(),
				Text.clean(command.description()), scaled(command.bonusMultiplier()), from, until, true, now,
				now);
		promotions.insert(program, promotion);
		return promotion;
	}

	@Transactional
	public Promotion update(KrugPrincipal caller, UUID businessId, UUID id, @Valid PromotionChanges changes) {
		ProgramId program = requireBusiness(caller, businessId, true);
		Promotion p = promotions.lock(program, businessId, id).orElseThrow(() -> notFound(id));
		Instant from = changes.validFrom() == null ? p.validFrom() : Moments.stored(changes.validFrom());
		Instant until = changes.validUntil() == null ? p.validUntil() : Moments.stored(changes.validUntil());
		if (changes.validFrom() != null || changes.validUntil() != null) {
			checkPeriod(from, until);
		}
		Promotion changed = new Promotion(p.id(), businessId,
				changes.title() == null ? p.title() : changes.title().strip(),
				Text.merge(p.description(), changes.description()),
				changes.bonusMultiplier() == null ? p.bonusMultiplier() : scaled(changes.bonusMultiplier()), from, until,
				changes.active() == null ? p.active() : changes.active(), p.createdAt(), Moments.now(clock));
		promotions.update(program, changed);
		return changed;
	}

	/**
	 * Ends the promotion now: its end moves to the present (to its start, if it has not started), so it stops
	 * counting from now on while purchases made while it ran keep their multiplier. Ending an ended one changes
	 * nothing.
	 */
	@Transactional
	public Promotion end(KrugPrincipal caller, UUID businessId, UUID id) {
		ProgramId program = requireBusiness(caller, businessId, true);
		Promotion p = promotions.lock(program, businessId, id).orElseThrow(() -> notFound(id));
		Instant now = Moments.now(clock);
		if (p.validUntil() != null && !p.validUntil().isAfter(now)) {
			return p;
		}
		Instant until = now.isBefore(p.validFrom()) ? p.validFrom() : now;
		Promotion ended = new Promotion(p.id(), businessId, p.title(), p.description(), p.bonusMultiplier(),
				p.validFrom(), until, p.active(), p.createdAt(), now);
		promotions.update(program, ended);
		return ended;
	}

	private ProgramId requireBusiness(KrugPrincipal caller, UUID businessId, boolean write) {
		BusinessAccess access = BusinessAccess.of(caller, businessId);
		if (!access.canView()) {
			throw BusinessService.notFound(businessId);
		}
		if (write && !access.canRunPromotions(caller)) {
			throw PartnersError.BUSINESS_READ_ONLY
				.exception("Only the business's owner or an admin may run its promotions.");
		}
		ProgramId program = TenantContext.require();
		if (businesses.find(program, businessId).isEmpty()) {
			throw BusinessService.notFound(businessId);
		}
		return program;
	}

	private static void checkPeriod(Instant from, @Nullable Instant until) {
		if (until != null && !until.isAfter(from)) {
			throw KrugException.field(PartnersError.INVALID_PROMOTION_PERIOD, "valid_until",
					"must be later than valid_from");
		}
	}

	/** Multipliers are stored with two decimals; validation has already refused more. */
	private static BigDecimal scaled(BigDecimal multiplier) {
		return multiplier.setScale(2, RoundingMode.UNNECESSARY);
	}

	private static KrugException notFound(UUID id) {
		return PartnersError.PROMOTION_NOT_FOUND.exception("No promotion " + id + " for this business.");
	}
}
