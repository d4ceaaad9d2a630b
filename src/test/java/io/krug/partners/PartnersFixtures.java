package io.krug.partners;

import static org.awaitility.Awaitility.await;

import io.krug.identity.KrugPrincipal;
import io.krug.identity.Permission;
import io.krug.identity.Role;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Programs and callers for the partners tests. */
public final class PartnersFixtures {

	private final Programs programs;

	private final PartnersApi partners;

	public PartnersFixtures(Programs programs, PartnersApi partners) {
		this.programs = programs;
		this.partners = partners;
	}

	/** A fresh program, without waiting for its default categories. */
	public Program newProgram() {
		String slug = "partners-" + UUID.randomUUID().toString().substring(0, 8);
		return programs.create(slug, "Test " + slug, ZoneId.of("Europe/Moscow"), Currency.getInstance("RUB"), false);
	}

	/** A fresh program once its default categories are in place (they arrive asynchronously). */
	public Program newProgramWithCategories() {
		Program program = newProgram();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TenantContext.call(program.id(), partners::categories).size() == 9);
		return program;
	}

	public static KrugPrincipal admin(ProgramId program) {
		return staff(program, Role.PLATFORM_ADMIN, null);
	}

	public static KrugPrincipal owner(ProgramId program, UUID businessId) {
		return staff(program, Role.BUSINESS_OWNER, businessId);
	}

	public static KrugPrincipal manager(ProgramId program, UUID businessId) {
		return staff(program, Role.BUSINESS_MANAGER, businessId);
	}

	public static KrugPrincipal member(ProgramId program) {
		return new KrugPrincipal(KrugPrincipal.Kind.MEMBER, Ids.newId(), program, Role.CLIENT_ELITE, null,
				authorities(Role.CLIENT_ELITE));
	}

	private static KrugPrincipal staff(ProgramId program, Role role, @Nullable UUID businessId) {
		return new KrugPrincipal(KrugPrincipal.Kind.STAFF, Ids.newId(), program, role, businessId, authorities(role));
	}

	private static Set<String> authorities(Role role) {
		Set<String> authorities = new HashSet<>();
		role.permissions().stream().map(Permission::authority).forEach(authorities::add);
		authorities.add(role.authority());
		return authorities;
	}
}
