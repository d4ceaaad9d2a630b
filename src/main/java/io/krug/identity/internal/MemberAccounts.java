package io.krug.identity.internal;

import io.krug.identity.IdentityError;
import io.krug.identity.MemberErased;
import io.krug.identity.MemberRegistered;
import io.krug.identity.MemberStatus;
import io.krug.identity.RegistrationCheck;
import io.krug.identity.TokenPair;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Members' own account: registration, login by SMS code, profile changes, consents and erasure. */
@Service
public class MemberAccounts {

	static final String CONSENT_PERSONAL_DATA = "personal_data";

	static final String CONSENT_MARKETING = "marketing";

	private final MemberRepository members;

	private final LoginCodes codes;

	private final Sessions sessions;

	private final PhoneNumbers phones;

	private final ProgramSecurity settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final java.util.List<RegistrationCheck> checks;

	MemberAccounts(MemberRepository members, LoginCodes codes, Sessions sessions, PhoneNumbers phones,
			ProgramSecurity settings, ApplicationEventPublisher events, Clock clock, TransactionTemplate tx,
			java.util.List<RegistrationCheck> checks) {
		this.tx = tx;
		this.checks = checks;
		this.members = members;
		this.codes = codes;
		this.sessions = sessions;
		this.phones = phones;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** What a member gives when registering. */
	public record Registration(String phone, String code, String firstName, String lastName, @Nullable String email,
			java.time.@Nullable LocalDate birthDate, @Nullable String city, @Nullable String referralCode,
			boolean consentPersonalData, @Nullable String consentVersion, boolean marketingConsent,
			@Nullable String deviceFingerprint) {
	}

	/** The outcome of a registration: tokens and the starting status. */
	public record Registered(TokenPair tokens, MemberStatus status) {
	}

	/**
	 * Registers the owner of a verified phone. A member an admin imported earlier completes their registration this
	 * way; an already registered phone is a 409.
	 */
	@Transactional
	public Registered register(Registration r) {
		ProgramId program = TenantContext.require();
		if (!r.consentPersonalData()) {
			throw io.krug.platform.web.KrugException.field(IdentityError.CONSENT_REQUIRED, "consent_personal_data",
					"Registration requires consent to the processing of personal data.");
		}
		String phone = phones.normalize(r.phone());
		UUID codeId = codes.check(phone, r.code());
		checks.forEach(c -> c.check(phone, r.referralCode(), r.deviceFingerprint()));
		Instant now = clock.instant();
		var profile = new MemberRepository.Profile(r.firstName(), r.lastName(), blankToNull(r.email()), r.birthDate(),
				r.city(), null);
		if (profile.email() != null && members.emailTaken(program, profile.email(), null)) {
			throw io.krug.platform.web.KrugException.field(IdentityError.EMAIL_TAKEN, "email",
					"Another member uses this e-mail.");
		}
		var existing = members.findByPhone(program, phone);
		UUID id;
		if (existing.isPresent()) {
			MemberRecord member = existing.get();
			if (member.verified() || !member.active()) {
				throw IdentityError.ALREADY_REGISTERED.exception("This phone is already registered; log in instead.");
			}
			id = member.id();
			members.updateProfile(program, id, profile, now);
			members.markLoggedIn(program, id, r.referralCode(), now);
		}
		else {
			id = members.insert(program, phone, profile, r.referralCode(), "self", r.marketingConsent(), true, now);
			events.publishEvent(new MemberRegistered(program, id, phone, r.referralCode(), r.deviceFingerprint(),
					"self", now));
		}
		String version = r.consentVersion() != null ? r.consentVersion() : settings.consentVersion(program);
		members.recordConsent(program, id, CONSENT_PERSONAL_DATA, true, version, "registration", null, now);
		members.recordConsent(program, id, CONSENT_MARKETING, r.marketingConsent(), version, "registration", null, now);
		if (existing.isPresent()) {
			members.setMarketingConsent(program, id, r.marketingConsent(), now);
		}
		codes.consume(codeId);
		MemberStatus status = existing.map(MemberRecord::status).orElse(MemberStatus.INSIDER);
		return new Registered(sessions.start("member", id), status);
	}

	/** Logs a member in with the code sent to their phone. */
	public TokenPair login(String rawPhone, String code) {
		ProgramId program = TenantContext.require();
		String phone = phones.normalize(rawPhone);
		UUID codeId = codes.check(phone, code);
		return inTransaction(() -> {
			MemberRecord member = members.findByPhone(program, phone)
				.orElseThrow(() -> IdentityError.REGISTRATION_REQUIRED.exception(
						"No member has this phone yet: register with POST /api/v1/auth/register and the same code."));
			if (!member.active()) {
				throw IdentityError.MEMBER_INACTIVE.exception("This account has been deactivated.");
			}
			codes.consume(codeId);
			members.markLoggedIn(program, member.id(), null, clock.instant());
			return sessions.start("member", member.id());
		});
	}

	@Transactional
	public void updateProfile(UUID memberId, MemberRepository.Profile profile, @Nullable Boolean marketingConsent) {
		ProgramId program = TenantContext.require();
		Instant now = clock.instant();
		MemberRecord member = members.findById(program, memberId).orElseThrow(IdentityError.MEMBER_NOT_FOUND::exception);
		if (profile.email() != null && members.emailTaken(program, profile.email(), memberId)) {
			throw io.krug.platform.web.KrugException.field(IdentityError.EMAIL_TAKEN, "email",
					"Another member uses this e-mail.");
		}
		members.updateProfile(program, memberId, profile, now);
		if (marketingConsent != null && marketingConsent != member.marketingConsent()) {
			members.setMarketingConsent(program, memberId, marketingConsent, now);
			members.recordConsent(program, memberId, CONSENT_MARKETING, marketingConsent,
					settings.consentVersion(program), "profile", null, now);
		}
	}

	/** Deletes the member's account: see docs/adr/0003-member-erasure.md for what is erased and what is kept. */
	@Transactional
	public void erase(UUID memberId) {
		ProgramId program = TenantContext.require();
		Instant now = clock.instant();
		members.findById(program, memberId).orElseThrow(IdentityError.MEMBER_NOT_FOUND::exception);
		members.recordConsent(program, memberId, CONSENT_PERSONAL_DATA, false, settings.consentVersion(program),
				"account_deletion", null, now);
		members.recordConsent(program, memberId, CONSENT_MARKETING, false, settings.consentVersion(program),
				"account_deletion", null, now);
		members.erase(program, memberId, now);
		sessions.revokeAll(memberId, "account_deleted");
		events.publishEvent(new MemberErased(program, memberId, now));
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return tx.execute(status -> work.get());
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
