package io.krug.identity.internal;

import io.krug.identity.Role;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the default program's platform admin from {@code KRUG_ADMIN_EMAIL} and
 * {@code KRUG_ADMIN_PASSWORD}; without a password, generates one and prints it to the log once.
 */
@Component
@Order(10)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final Programs programs;

	private final StaffAccounts staff;

	private final String email;

	private final String password;

	AdminBootstrap(Programs programs, StaffAccounts staff, @Value("${krug.admin.email:admin@krug.local}") String email,
			@Value("${krug.admin.password:}") String password) {
		this.programs = programs;
		this.staff = staff;
		this.email = email;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		Program program = programs.findDefault().orElseThrow();
		TenantContext.run(program.id(), () -> {
			if (staff.count() > 0) {
				return;
			}
			try {
				var created = staff.create(new StaffAccounts.NewStaff(email, "Platform admin", Role.PLATFORM_ADMIN,
						null, password.isBlank() ? null : password));
				if (created.generatedPassword() != null) {
					// Logged once, deliberately unmasked (the log format exempts this logger): the operator needs it.
					log.warn("Created platform admin {} with generated password {} (shown once; set "
							+ "KRUG_ADMIN_PASSWORD to choose it)", email, created.generatedPassword());
				}
				else {
					log.info("Created platform admin {} with the password from KRUG_ADMIN_PASSWORD", email);
				}
			}
			catch (KrugException raced) {
				log.info("The platform admin was created by another instance");
			}
		});
	}
}
