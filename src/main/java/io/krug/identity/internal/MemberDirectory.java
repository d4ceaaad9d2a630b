package io.krug.identity.internal;

import io.krug.identity.IdentityApi;
import io.krug.identity.IdentityError;
import io.krug.identity.MemberRegistered;
import io.krug.identity.MemberStatus;
import io.krug.identity.MemberSummary;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members as admins and other modules see them: search, import of a partner's customers, lookups. */
@Service
public class MemberDirectory implements IdentityApi {

	public static final int MAX_IMPORT = 1000;

	private final MemberRepository members;

	private final PhoneNumbers phones;

	private final ProgramSecurity settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final StaffAccounts staff;

	MemberDirectory(MemberRepository members, PhoneNumbers phones, ProgramSecurity settings,
			ApplicationEventPublisher events, Clock clock, StaffAccounts staff) {
		this.staff = staff;
		this.members = members;
		this.phones = phones;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** One customer a partner brings in, with where their consent came from. */
	public record ImportedMember(String phone, @Nullable String firstName, @Nullable String lastName,
			@Nullable String email, @Nullable LocalDate birthDate, @Nullable String city, String consentSource,
			@Nullable String consentVersion, @Nullable String consentDetails, boolean marketingConsent) {
	}

	/** What happened to one imported row. */
	public record ImportResult(int index, String phone, String outcome, UUID memberId) {
	}

	public record Page(List<MemberRecord> members, long total) {
	}

	@Transactional(readOnly = true)
	public Page search(@Nullable String q, int limit, int offset) {
		ProgramId program = TenantContext.require();
		String text = q == null || q.isBlank() ? null : escapeLike(q.trim());
		String digits = text == null ? null : text.replaceAll("[^0-9]", "");
		String phone = digits != null && digits.length() >= 3 && text.matches("[+0-9 ()-]+") ? digits : null;
		String name = phone == null ? text : null;
		return new Page(members.search(program, phone, name, limit, offset), members.count(program, phone, name));
	}

	@Transactional(readOnly = true)
	public MemberRecord get(UUID memberId) {
		return members.findById(TenantContext.require(), memberId)
			.orElseThrow(IdentityError.MEMBER_NOT_FOUND::exception);
	}

	/**
	 * Brings in a batch of a partner's existing customers: every row is validated first and nothing is written if
	 * any is invalid; phones already members are reported as {@code existing}, the rest are created unverified
	 * (they log in later by phone code like everyone else).
	 */
	@Transactional
	public List<ImportResult> importMembers(List<ImportedMember> batch) {
		ProgramId program = TenantContext.require();
		List<KrugException.FieldError> errors = new ArrayList<>();
		List<String> normalized = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < batch.size(); i++) {
			ImportedMember row = batch.get(i);
			try {
				String phone = phones.normalize(row.phone());
				if (!seen.add(phone)) {
					errors.add(new KrugException.FieldError("members[" + i + "].phone", "duplicate in this batch"));
				}
				normalized.add(phone);
			}
			catch (KrugException ex) {
				errors.add(new KrugException.FieldError("members[" + i + "].phone", ex.getMessage()));
				normalized.add(null);
			}
			if (row.consentSource() == null || row.consentSource().isBlank()) {
				errors.add(new KrugException.FieldError("members[" + i + "].consent_source",
						"where the customer's consent was obtained is required"));
			}
		}
		if (!errors.isEmpty()) {
			throw new KrugException(PlatformError.VALIDATION_FAILED, "Some rows are invalid; nothing was imported.",
					errors, java.util.Map.of(), null);
		}
		Instant now = clock.instant();
		List<ImportResult> results = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			ImportedMember row = batch.get(i);
			String phone = normalized.get(i);
			Optional<MemberRecord> existing = members.findByPhone(program, phone);
			if (existing.isPresent()) {
				results.add(new ImportResult(i, phone, "existing", existing.get().id()));
				continue;
			}
			String email = MemberAccounts.blankToNull(row.email());
			if (email != null && members.emailTaken(program, email, null)) {
				email = null;
			}
			var profile = new MemberRepository.Profile(row.firstName(), row.lastName(), email, row.birthDate(),
					row.city(), null);
			UUID id = members.insert(program, phone, profile, null, "import", row.marketingConsent(), false, now);
			String version = row.consentVersion() != null ? row.consentVersion() : settings.consentVersion(program);
			members.recordConsent(program, id, MemberAccounts.CONSENT_PERSONAL_DATA, true, version,
					row.consentSource().trim(), row.consentDetails(), now);
			members.recordConsent(program, id, MemberAccounts.CONSENT_MARKETING, row.marketingConsent(), version,
					row.consentSource().trim(), row.consentDetails(), now);
			events.publishEvent(new MemberRegistered(program, id, phone, null, null, "import", now));
			results.add(new ImportResult(i, phone, "created", id));
		}
		return results;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<MemberSummary> findMember(UUID memberId) {
		return members.findById(TenantContext.require(), memberId).map(MemberRecord::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, MemberSummary> findMembers(Collection<UUID> memberIds) {
		Map<UUID, MemberSummary> found = new HashMap<>();
		for (MemberRecord member : members.findByIds(TenantContext.require(), memberIds)) {
			found.put(member.id(), member.summary());
		}
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<MemberSummary> findMemberByPhone(String phone) {
		return members.findByPhone(TenantContext.require(), phones.normalize(phone))
			.filter(MemberRecord::active)
			.map(MemberRecord::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, MemberSummary> findMembersByPhones(Collection<String> phones) {
		Map<String, MemberSummary> found = new HashMap<>();
		for (MemberRecord member : members.findByPhones(TenantContext.require(), phones)) {
			if (member.active()) {
				MemberSummary summary = member.summary();
				found.put(Objects.requireNonNull(summary.phone()), summary);
			}
		}
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean hasMarketingConsent(UUID memberId) {
		return members.findById(TenantContext.require(), memberId)
			.map(m -> m.active() && m.marketingConsent())
			.orElse(false);
	}

	@Override
	public List<StaffContact> staffToAlert(UUID businessId) {
		return staff.toAlert(TenantContext.require(), businessId)
			.stream()
			.map(s -> new StaffContact(s.id(), s.email(), s.name()))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> activeMemberPhones() {
		return members.activePhones(TenantContext.require());
	}

	@Override
	public String normalizePhone(String phone) {
		return phones.normalize(phone);
	}

	@Override
	@Transactional
	public void setMemberStatus(UUID memberId, MemberStatus status) {
		members.setStatus(TenantContext.require(), memberId, status, clock.instant());
	}

	@Override
	public UUID createStaff(String email, String name, io.krug.identity.Role role, @Nullable UUID businessId,
			String password) {
		return staff.create(new StaffAccounts.NewStaff(email, name, role, businessId, password)).staff().id();
	}

	@Override
	@Transactional
	public List<UUID> enrolMembers(List<NewMember> batch) {
		return importMembers(batch.stream()
			.map(m -> new ImportedMember(m.phone(), m.firstName(), m.lastName(), null, null, null, m.consentSource(),
					null, null, false))
			.toList()).stream().map(ImportResult::memberId).toList();
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
