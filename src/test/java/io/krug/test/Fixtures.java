package io.krug.test;

import io.krug.identity.Role;
import io.krug.identity.internal.StaffAccounts;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Named test data: programs, staff and members created through the real API or services. */
public final class Fixtures {

	public static final String STAFF_PASSWORD = "correct-horse-battery";

	private final Http http;

	private final Programs programs;

	private final StaffAccounts staff;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	Fixtures(Http http, Programs programs, StaffAccounts staff, JdbcClient jdbc, TransactionTemplate tx) {
		this.http = http;
		this.programs = programs;
		this.staff = staff;
		this.jdbc = jdbc;
		this.tx = tx;
	}

	/** A fresh program, so a test sees only its own data. */
	public Program program() {
		String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
		return programs.create(slug, "Test " + slug, ZoneId.of("Europe/Moscow"), Currency.getInstance("RUB"), false);
	}

	/** A random valid Russian mobile number in E.164. */
	public static String phone() {
		return "+7999" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
	}

	public String staff(Program program, Role role, UUID businessId) {
		String email = role.key() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@krug.test";
		TenantContext.run(program.id(),
				() -> staff.create(new StaffAccounts.NewStaff(email, "Test " + role.key(), role, businessId,
						STAFF_PASSWORD)));
		return email;
	}

	/** Logs a new staff member of the role in and returns their access token. */
	public String staffToken(Program program, Role role, UUID businessId) {
		String email = staff(program, role, businessId);
		return staffLogin(program, email).text("access_token");
	}

	public String adminToken(Program program) {
		return staffToken(program, Role.PLATFORM_ADMIN, null);
	}

	public Http.Response staffLogin(Program program, String email) {
		return http.post("/api/v1/staff/login")
			.program(program.slug())
			.json(java.util.Map.of("email", email, "password", STAFF_PASSWORD))
			.send();
	}

	/** Requests a login code and reads it from the SMS message log, as an operator would read the log. */
	public String loginCode(Program program, String phone) {
		Http.Response sent = http.post("/api/v1/auth/login/send-code")
			.program(program.slug())
			.json(java.util.Map.of("phone", phone))
			.send();
		if (sent.status() != 200) {
			throw new IllegalStateException("send-code failed: " + sent);
		}
		return lastCode(program, phone);
	}

	public String lastCode(Program program, String phone) {
		String text = TenantContext.call(program.id(), () -> tx.execute(s -> jdbc.sql("""
				SELECT text FROM platform.sms_messages WHERE program_id = :p AND phone = :phone
				ORDER BY created_at DESC, id DESC LIMIT 1""")
			.param("p", program.id().value())
			.param("phone", phone)
			.query(String.class)
			.single()));
		var matcher = java.util.regex.Pattern.compile("(\\d{6})").matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("No code in " + text);
		}
		return matcher.group(1);
	}

	/** Registers a member through the API and returns the registration response (user_id, tokens). */
	public JsonNode member(Program program) {
		return member(program, phone());
	}

	public JsonNode member(Program program, String phone) {
		return member(program, phone, java.util.Map.of());
	}

	/** Registers a member with extra registration fields (referral_code, device_fingerprint, first_name, …). */
	public JsonNode member(Program program, String phone, java.util.Map<String, ?> extra) {
		Http.Response registered = register(program, phone, extra);
		if (registered.status() != 201) {
			throw new IllegalStateException("register failed: " + registered);
		}
		return registered.json();
	}

	/** Sends the registration with a fresh SMS code and returns the response, whatever it is. */
	public Http.Response register(Program program, String phone, java.util.Map<String, ?> extra) {
		String code = loginCode(program, phone);
		var body = new java.util.HashMap<String, Object>(java.util.Map.of("phone", phone, "code", code, "first_name",
				"Анна", "last_name", "Смирнова", "consent_personal_data", true));
		body.putAll(extra);
		return http.post("/api/v1/auth/register").program(program.slug()).json(body).send();
	}

	public String memberToken(Program program) {
		return member(program).path("access_token").asString();
	}
}
