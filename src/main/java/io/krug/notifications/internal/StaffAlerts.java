package io.krug.notifications.internal;

import io.krug.identity.IdentityApi;
import io.krug.identity.IdentityApi.StaffContact;
import io.krug.integrations.IntegrationFailing;
import io.krug.partners.BusinessSummary;
import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells staff what needs their hands: an integration that keeps failing goes to the business's owners and the
 * program's platform admins, by e-mail only (staff sign in with their address; they have no notification
 * preferences, quiet hours or unsubscribe links, as these are operational alerts about their own business).
 * Messages are queued in the publishing transaction, category {@value #CATEGORY}, with the staff account in
 * {@code member_id}; the built-in templates are Russian and English, staff get the Russian ones.
 */
@Component
class StaffAlerts {

	static final String CATEGORY = "staff";

	private static final Logger log = LoggerFactory.getLogger(StaffAlerts.class);

	private static final String LOCALE = "ru";

	private final IdentityApi identity;

	private final PartnersApi partners;

	private final Templates templates;

	private final TemplateRenderer renderer;

	private final MessageStore store;

	private final Programs programs;

	private final Clock clock;

	StaffAlerts(IdentityApi identity, PartnersApi partners, Templates templates, TemplateRenderer renderer,
			MessageStore store, Programs programs, Clock clock) {
		this.identity = identity;
		this.partners = partners;
		this.templates = templates;
		this.renderer = renderer;
		this.store = store;
		this.programs = programs;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(IntegrationFailing e) {
		TenantContext.run(e.programId(), () -> {
			Program program = programs.get(e.programId());
			String business = partners.findBusiness(e.businessId()).map(BusinessSummary::name).orElse("");
			Map<String, Object> variables = Map.of("system", e.system(), "business_name", business,
					"consecutive_failures", e.consecutiveFailures(), "last_error", e.lastError(), "at",
					e.at().toString(), "program_name", program.name(), "time_zone", program.timeZone().getId());
			for (StaffContact staff : identity.staffToAlert(e.businessId())) {
				queue(program, staff, "integration_failing", "integration_failing:" + e.integrationId() + ":" + e.at()
						+ ":" + staff.id(), variables);
			}
		});
	}

	private void queue(Program program, StaffContact staff, String type, String key, Map<String, Object> variables) {
		Template t = templates.find(program.id().value(), type, Channel.EMAIL, LOCALE)
			.orElseThrow(() -> new IllegalStateException("No template for " + type + "; indicates a bug"));
		Instant now = clock.instant();
		try {
			NewMessage message = new NewMessage(staff.id(), type, CATEGORY, Priority.HIGH, Channel.EMAIL, key,
					t.locale(), staff.email(), t.subject() == null ? null : renderer.render(t.subject(), variables),
					renderer.render(t.text(), variables),
					t.html() == null ? null : renderer.render(t.html(), variables), now);
			store.insert(program.id().value(), message, now, null);
		}
		catch (TemplateRenderer.TemplateInvalid ex) {
			log.warn("Template {} for staff failed to render: {}", type, ex.getMessage());
		}
	}
}
