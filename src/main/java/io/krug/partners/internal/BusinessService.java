package io.krug.partners.internal;

import io.krug.identity.KrugPrincipal;
import io.krug.identity.Permission;
import io.krug.partners.BusinessDeactivated;
import io.krug.partners.BusinessJoined;
import io.krug.partners.BusinessReactivated;
import io.krug.partners.Category;
import io.krug.platform.Ids;
import io.krug.platform.Money;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The admin space's businesses of the current program, with the access rules of {@link BusinessAccess}: the caller
 * is passed in, so the rules hold whoever calls.
 */
@Service
@Validated
public class BusinessService {

	private final BusinessRepository businesses;

	private final CategoryRepository categories;

	private final Programs programs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BusinessService(BusinessRepository businesses, CategoryRepository categories, Programs programs,
			ApplicationEventPublisher events, Clock clock) {
		this.businesses = businesses;
		this.categories = categories;
		this.programs = programs;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Business create(KrugPrincipal caller, @Valid NewBusiness command) {
		requireAdmin(caller);
		return create(command);
	}

	/** Creates a business on the program's own behalf (demo data, imports); callers check authority first. */
	@Transactional
	public Business create(@Valid NewBusiness command) {
		ProgramId program = TenantContext.require();
		Instant now = Moments.now(clock);
		LocalDate joinedAt = command.joinedAt() != null ? command.joinedAt()
				: LocalDate.ofInstant(now, programs.get(program).timeZone());
		Business business = new Business(Ids.newId(), command.name().strip(),
				category(program, command.categoryKey()), Text.clean(command.description()),
				Text.clean(command.address()), command.hours(),
				(command.contacts() == null ? Contacts.NONE : command.contacts()).normalized(),
				Text.clean(command.logoUrl()), urls(command.galleryUrls()), services(command.services()), true,
				joinedAt, now, now);
		businesses.insert(program, business);
		events.publishEvent(new BusinessJoined(program, business.id(), business.name(), business.category().key(),
				joinedAt));
		return business;
	}

	@Transactional(readOnly = true)
	public Business get(KrugPrincipal caller, UUID id) {
		if (!BusinessAccess.of(caller, id).canView()) {
			throw notFound(id);
		}
		return businesses.find(TenantContext.require(), id).orElseThrow(() -> notFound(id));
	}

	/** All businesses for platform admins; business staff see only their own. */
	@Transactional(readOnly = true)
	public Page<Business> list(KrugPrincipal caller, BusinessFilter filter) {
		if (caller.has(Permission.MANAGE_BUSINESSES)) {
			return businesses.list(TenantContext.require(), filter);
		}
		if (!BusinessAccess.mayManageAny(caller)) {
			throw PartnersError.NO_BUSINESS_ACCESS.exception();
		}
		Business own = businesses.find(TenantContext.require(), caller.businessId()).orElse(null);
		boolean shown = own != null && matches(own, filter);
		return new Page<>(shown && filter.offset() == 0 ? List.of(own) : List.of(), shown ? 1 : 0);
	}

	@Transactional
	public Business update(KrugPrincipal caller, UUID id, @Valid BusinessChanges changes) {
		BusinessAccess access = BusinessAccess.of(caller, id);
		if (!access.canView()) {
			throw notFound(id);
		}
		if (!access.canEdit()) {
			throw PartnersError.BUSINESS_READ_ONLY.exception("Only the business's owner or an admin may edit it.");
		}
		if (changes.touchesAdminFields() && access != BusinessAccess.ADMIN) {
			throw PartnersError.FIELD_RESTRICTED
				.exception("Only a platform admin may change category_key, active or joined_at.");
		}
		ProgramId program = TenantContext.require();
		Business current = businesses.lock(program, id).orElseThrow(() -> notFound(id));
		Business changed = apply(program, current, changes);
		businesses.update(program, changed);
		publishActivityChange(program, current, changed);
		return changed;
	}

	/** Deactivates the business (it leaves the program); its data and history stay. */
	@Transactional
	public Business deactivate(KrugPrincipal caller, UUID id) {
		requireAdmin(caller);
		return update(caller, id, BusinessChanges.active(false));
	}

	private Business apply(ProgramId program, Business b, BusinessChanges c) {
		Category category = c.categoryKey() == null ? b.category() : category(program, c.categoryKey());
		return new Business(b.id(), c.name() == null ? b.name() : c.name().strip(), category,
				Text.merge(b.description(), c.description()), Text.merge(b.address(), c.address()),
				c.hours() == null ? b.hours() : c.hours(), b.contacts().merge(c.contacts()),
				Text.merge(b.logoUrl(), c.logoUrl()), c.galleryUrls() == null ? b.galleryUrls() : urls(c.galleryUrls()),
				c.services() == null ? b.services() : services(c.services()),
				c.active() == null ? b.active() : c.active(), c.joinedAt() == null ? b.joinedAt() : c.joinedAt(),
				b.createdAt(), Moments.now(clock));
	}

	private void publishActivityChange(ProgramId program, Business before, Business after) {
		if (before.active() && !after.active()) {
			events.publishEvent(new BusinessDeactivated(program, after.id(), after.updatedAt()));
		}
		else if (!before.active() && after.active()) {
			events.publishEvent(new BusinessReactivated(program, after.id(), after.updatedAt()));
		}
	}

	private Category category(ProgramId program, String key) {
		return categories.findForUse(program, key)
			.orElseThrow(() -> KrugException.field(PartnersError.UNKNOWN_CATEGORY, "category_key",
					"no category '" + key + "' in this program"));
	}

	private static boolean matches(Business b, BusinessFilter f) {
		return (f.categoryKey() == null || f.categoryKey().equals(b.category().key()))
				&& (f.active() == null || f.active() == b.active()) && (f.query() == null
						|| b.name().toLowerCase(Locale.ROOT).contains(f.query().strip().toLowerCase(Locale.ROOT)));
	}

	private static List<String> urls(@Nullable List<String> urls) {
		return urls == null ? List.of() : urls.stream().map(Text::clean).filter(u -> u != null).toList();
	}

	private static List<ServiceItem> services(@Nullable List<ServiceItem> services) {
		return services == null ? List.of()
				: services.stream()
					.map(s -> new ServiceItem(s.name().strip(), Money.round(s.price()), s.durationMinutes()))
					.toList();
	}

	private static void requireAdmin(KrugPrincipal caller) {
		if (!caller.has(Permission.MANAGE_BUSINESSES)) {
			throw PartnersError.NO_BUSINESS_ACCESS.exception("Only platform admins add and remove businesses.");
		}
	}

	static KrugException notFound(UUID id) {
		return PartnersError.BUSINESS_NOT_FOUND.exception("No business " + id + " in this program.");
	}
}
