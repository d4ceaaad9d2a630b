package io.krug.identity.internal;

import io.krug.identity.IdentityError;
import io.krug.identity.Role;
import io.krug.identity.TokenPair;
import io.krug.platform.Ids;
import io.krug.platform.crypto.SecretBox;
import io.krug.platform.crypto.ServiceSecrets;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff accounts: business managers, business owners and platform admins, who log in with e-mail and password
 * (Argon2id) and, once enrolled or when the program requires it, a TOTP code.
 */
@Service
public class StaffAccounts {

	static final int MAX_FAILED_LOGINS = 10;

	static final Duration LOCKOUT = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Sessions sessions;

	private final SecretBox secretBox;

	private final ProgramSecurity settings;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final PasswordEncoder passwords = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	// Compared against when the e-mail is unknown, so both cases cost the same time.
	private final String dummyHash = passwords.encode("not-a-password");

	StaffAccounts(JdbcClient jdbc, Sessions sessions, SecretBox secretBox, ProgramSecurity settings, Clock clock,
			TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.secretBox = secretBox;
		this.settings = settings;
		this.clock = clock;
		this.tx = tx;
	}

	/** The outcome of a staff login. */
	public record StaffLogin(TokenPair tokens, Role role, @Nullable UUID businessId, boolean totpEnrollmentRequired) {
	}

	public record NewStaff(String email, String name, Role role, @Nullable UUID businessId,
			@Nullable String password) {
	}

	/** A created staff account; the password is shown once when Krug generated it. */
	public record CreatedStaff(StaffRecord staff, @Nullable String generatedPassword) {
	}

	public StaffLogin login(String email, String password, @Nullable String totpCode) {
		ProgramId program = TenantContext.require();
		Instant now = clock.instant();
		Optional<StaffRecord> found = find(program, email);
		if (found.isEmpty()) {
			passwords.matches(password, dummyHash);
			throw IdentityError.INVALID_CREDENTIALS.exception();
		}
		StaffRecord staff = found.get();
		if (staff.lockedUntil() != null && staff.lockedUntil().isAfter(now)) {
			throw new KrugException(IdentityError.ACCOUNT_LOCKED, "Too many failed logins; try again later.",
					List.of(), java.util.Map.of(), Duration.between(now, staff.lockedUntil()));
		}
		if (!staff.active() || !passwords.matches(password, staff.passwordHash())) {
			recordFailure(staff, now);
			throw IdentityError.INVALID_CREDENTIALS.exception();
		}
		if (staff.totpEnabled()) {
			if (totpCode == null || totpCode.isBlank()) {
				throw IdentityError.TOTP_REQUIRED.exception("Enter the code from your authenticator app (totp_code).");
			}
			OptionalLong step = Totp.matchingStep(secretBox.decrypt(staff.totpSecret()), totpCode.trim(), now);
			// A code is good once: a step at or before the last accepted one is a replay.
			if (step.isEmpty() || staff.totpLastStep() != null && step.getAsLong() <= staff.totpLastStep()) {
				recordFailure(staff, now);
				throw IdentityError.INVALID_TOTP.exception();
			}
			update("UPDATE identity.staff SET totp_last_step = :v WHERE id = :id", staff.id(), step.getAsLong());
		}
		boolean enrollmentRequired = !staff.totpEnabled() && settings.get(program).staffTotpRequired();
		TokenPair tokens = tx.execute(status -> {
			jdbc.sql("""
					UPDATE identity.staff SET failed_logins = 0, locked_until = NULL, last_login_at = :now WHERE id = :id""")
				.param("id", staff.id())
				.param("now", Timestamp.from(now))
				.update();
			return sessions.start("staff", staff.id());
		});
		return new StaffLogin(tokens, staff.role(), staff.businessId(), enrollmentRequired);
	}

	public CreatedStaff create(NewStaff request) {
		ProgramId program = TenantContext.require();
		if (request.role() == null || !request.role().isStaff()) {
			throw KrugException.field(io.krug.platform.web.PlatformError.VALIDATION_FAILED, "role",
					"must be one of [business_manager, business_owner, platform_admin]");
		}
		if (request.role() != Role.PLATFORM_ADMIN && request.businessId() == null) {
			throw KrugException.field(IdentityError.BUSINESS_REQUIRED, "business_id",
					"Business managers and owners belong to a business.");
		}
		String generated = request.password() == null || request.password().isBlank()
				? ServiceSecrets.randomToken(12) : null;
		String password = generated != null ? generated : request.password();
		UUID id = Ids.newId();
		String hash = passwords.encode(password);
		return tx.execute(status -> {
			int inserted = jdbc.sql("""
					INSERT INTO identity.staff (id, program_id, email, name, role, business_id, password_hash, created_at)
					VALUES (:id, :p, :email, :name, :role, :business, :hash, :now) ON CONFLICT DO NOTHING""")
				.param("id", id)
				.param("p", program.value())
				.param("email", request.email().trim())
				.param("name", request.name().trim())
				.param("role", request.role().key())
				.param("business", request.role() == Role.PLATFORM_ADMIN ? null : request.businessId())
				.param("hash", hash)
				.param("now", Timestamp.from(clock.instant()))
				.update();
			if (inserted == 0) {
				throw KrugException.field(IdentityError.STAFF_EMAIL_TAKEN, "email",
						"A staff member with this e-mail exists in this program.");
			}
			return new CreatedStaff(get(program, id), generated);
		});
	}

	public List<StaffRecord> list(int limit, int offset) {
		ProgramId program = TenantContext.require();
		return tx.execute(status -> jdbc
			.sql("SELECT * FROM identity.staff WHERE program_id = :p ORDER BY created_at, id LIMIT :l OFFSET :o")
			.param("p", program.value())
			.param("l", limit)
			.param("o", offset)
			.query(StaffRecord::map)
			.list());
	}

	public long count() {
		ProgramId program = TenantContext.require();
		return tx.execute(status -> jdbc.sql("SELECT count(*) FROM identity.staff WHERE program_id = :p")
			.param("p", program.value())
			.query(Long.class)
			.single());
	}

	public void deactivate(UUID staffId) {
		ProgramId program = TenantContext.require();
		tx.executeWithoutResult(status -> {
			get(program, staffId);
			update("UPDATE identity.staff SET is_active = false WHERE id = :id", staffId, null);
			sessions.revokeAll(staffId, "staff_deactivated");
		});
	}

	/** Starts TOTP enrolment: a new secret to scan, not active until confirmed with a code. */
	public String[] beginTotp(UUID staffId) {
		ProgramId program = TenantContext.require();
		StaffRecord staff = tx.execute(status -> get(program, staffId));
		if (staff.totpEnabled()) {
			throw IdentityError.TOTP_NOT_PENDING.exception("Two-factor authentication is already enabled.");
		}
		String secret = Totp.newSecret();
		tx.executeWithoutResult(status -> jdbc
			.sql("UPDATE identity.staff SET totp_secret = :s WHERE id = :id AND NOT totp_enabled")
			.param("s", secretBox.encrypt(secret))
			.param("id", staffId)
			.update());
		return new String[] { secret, Totp.otpauthUri("Krug", staff.email(), secret) };
	}

	public void confirmTotp(UUID staffId, String code) {
		ProgramId program = TenantContext.require();
		Instant now = clock.instant();
		tx.executeWithoutResult(status -> {
			StaffRecord staff = get(program, staffId);
			if (staff.totpEnabled() || staff.totpSecret() == null) {
				throw IdentityError.TOTP_NOT_PENDING.exception("Start enrolment first: POST /api/v1/staff/me/totp.");
			}
			OptionalLong step = Totp.matchingStep(secretBox.decrypt(staff.totpSecret()), code, now);
			if (step.isEmpty()) {
				throw IdentityError.INVALID_TOTP.exception();
			}
			update("UPDATE identity.staff SET totp_enabled = true, totp_last_step = :v WHERE id = :id", staffId,
					step.getAsLong());
		});
	}

	public Optional<StaffRecord> find(ProgramId program, String email) {
		return tx.execute(status -> jdbc
			.sql("SELECT * FROM identity.staff WHERE program_id = :p AND lower(email) = lower(:email)")
			.param("p", program.value())
			.param("email", email == null ? "" : email.trim().toLowerCase(Locale.ROOT))
			.query(StaffRecord::map)
			.optional());
	}

	/** Active owners of the business and active platform admins of the program. */
	List<StaffRecord> toAlert(ProgramId program, UUID businessId) {
		return tx.execute(status -> jdbc.sql("""
				SELECT * FROM identity.staff
				WHERE program_id = :p AND is_active
				  AND (role = 'platform_admin' OR (role = 'business_owner' AND business_id = :b))
				ORDER BY created_at, id""")
			.param("p", program.value())
			.param("b", businessId)
			.query(StaffRecord::map)
			.list());
	}

	public StaffRecord byId(UUID id) {
		ProgramId program = TenantContext.require();
		return tx.execute(status -> get(program, id));
	}

	StaffRecord get(ProgramId program, UUID id) {
		return jdbc.sql("SELECT * FROM identity.staff WHERE program_id = :p AND id = :id")
			.param("p", program.value())
			.param("id", id)
			.query(StaffRecord::map)
			.optional()
			.orElseThrow(IdentityError.STAFF_NOT_FOUND::exception);
	}

	private void recordFailure(StaffRecord staff, Instant now) {
		tx.executeWithoutResult(status -> jdbc.sql("""
				UPDATE identity.staff SET failed_logins = failed_logins + 1,
				  locked_until = CASE WHEN failed_logins + 1 >= :max THEN CAST(:until AS timestamptz) ELSE locked_until END
				WHERE id = :id""")
			.param("id", staff.id())
			.param("max", MAX_FAILED_LOGINS)
			.param("until", Timestamp.from(now.plus(LOCKOUT)))
			.update());
	}

	private void update(String sql, UUID id, @Nullable Object value) {
		tx.executeWithoutResult(status -> {
			var spec = jdbc.sql(sql).param("id", id);
			if (value != null) {
				spec = spec.param("v", value);
			}
			spec.update();
		});
	}
}
