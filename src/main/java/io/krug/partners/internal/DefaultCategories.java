package io.krug.partners.internal;

import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.ProgramCreated;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Gives every program seed 003's categories: a new one when it is created, and at start-up any program that has
 * none yet (programs created before this module existed, or whose event was lost with an old database).
 */
@Component
@Order(10)
class DefaultCategories implements ApplicationRunner {

	static final String LISTENER_ID = "partners.default-categories";

	private static final Logger log = LoggerFactory.getLogger(DefaultCategories.class);

	private final CategoryService categories;

	private final Programs programs;

	DefaultCategories(CategoryService categories, Programs programs) {
		this.categories = categories;
		this.programs = programs;
	}

	/**
	 * Runs after the program's transaction committed, at least once. No transaction of its own
	 * ({@code NOT_SUPPORTED}): the work's transaction must start after the program is bound, so that row-level
	 * security lets it write the program's rows.
	 */
	@ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
	void on(ProgramCreated event) {
		int created = TenantContext.call(event.programId(), categories::ensureDefaults);
		log.info("Program {} got {} default categories", event.slug(), created);
	}

	@Override
	public void run(ApplicationArguments args) {
		Set<UUID> seeded = TenantContext.callAsSystem(categories::programsWithCategories);
		for (Program program : programs.all()) {
			if (!seeded.contains(program.id().value())) {
				int created = TenantContext.call(program.id(), categories::ensureDefaults);
				log.info("Program {} got {} default categories at start-up", program.slug(), created);
			}
		}
	}
}
