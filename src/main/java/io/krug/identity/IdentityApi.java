package io.krug.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import java.util.UUID;

/** What other modules may ask of identity. All calls are confined to the current program. */
public interface IdentityApi {

	Optional<MemberSummary> findMember(UUID memberId);

	/** The members among the given ids, keyed by id, in one query, as {@link #findMember} finds each (workers). */
	default Map<UUID, MemberSummary> findMembers(Collection<UUID> memberIds) {
		Map<UUID, MemberSummary> found = new HashMap<>();
		for (UUID id : memberIds) {
			findMember(id).ifPresent(member -> found.put(id, member));
		}
		return found;
	}

	/** Finds an active member by phone, in any format libphonenumber can read (normalized to E.164 first). */
	Optional<MemberSummary> findMemberByPhone(String phone);

	/**
	 * The active members among the given E.164 phones, keyed by phone, in one query (bulk imports); a phone of no
	 * active member is left out.
	 */
	default Map<String, MemberSummary> findMembersByPhones(Collection<String> phones) {
		Map<String, MemberSummary> found = new HashMap<>();
		for (String phone : phones) {
			findMemberByPhone(phone).ifPresent(member -> found.put(phone, member));
		}
		return found;
	}

	/**
	 * The E.164 phones of the program's active members, for matching the hashed phones that medical systems send
	 * instead of phones (seed 003 "Врачебная тайна"); the caller hashes them and never stores the list.
	 */
	List<String> activeMemberPhones();

	/** Normalizes a phone to E.164 or throws a 422 {@code invalid_phone}. */
	String normalizePhone(String phone);

	/** The loyalty module's hook: a member's status decides their member role and its permissions. */
	void setMemberStatus(UUID memberId, MemberStatus status);

	/**
	 * Creates a staff account in the current program on the program's own behalf (demo data, onboarding scripts);
	 * the caller has checked its authority. Returns the new staff member's id.
	 */
	UUID createStaff(String email, String name, Role role, @Nullable UUID businessId, String password);

	/**
	 * Brings in customers (all-or-nothing, as {@code POST /api/v1/admin/members}); returns each phone's member id,
	 * existing or new, in order.
	 */
	List<UUID> enrolMembers(List<NewMember> members);

	/**
	 * Whether the member's marketing consent is given now, per the consent record (false for an unknown, inactive or
	 * erased member). Marketing messages go only to members for whom this is true.
	 */
	boolean hasMarketingConsent(UUID memberId);

	/**
	 * The active staff to alert about a partner business: its owners and the program's platform admins, each once.
	 */
	List<StaffContact> staffToAlert(UUID businessId);

	/** A staff account's name and e-mail address (staff sign in with it, so it is always known). */
	record StaffContact(UUID id, String email, String name) {
	}

	/** A customer to bring in, with where their consent was obtained. */
	record NewMember(String phone, @Nullable String firstName, @Nullable String lastName, String consentSource) {
	}
}
