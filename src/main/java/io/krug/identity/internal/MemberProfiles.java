package io.krug.identity.internal;

import io.krug.identity.IdentityError;
import io.krug.identity.MemberProfileContributor;
import io.krug.platform.tenancy.TenantContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The member's profile as {@code GET /api/v1/users/me} shows it: identity's fields and the other modules' figures. */
@Service
public class MemberProfiles {

	private final MemberRepository members;

	private final List<MemberProfileContributor> contributors;

	MemberProfiles(MemberRepository members, List<MemberProfileContributor> contributors) {
		this.members = members;
		this.contributors = contributors;
	}

	/** One read-only transaction for the whole profile, so every contributor reads the same snapshot. */
	@Transactional(readOnly = true)
	public Map<String, Object> profile(UUID memberId) {
		MemberRecord m = members.findById(TenantContext.require(), memberId)
			.orElseThrow(IdentityError.MEMBER_NOT_FOUND::exception);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("user_id", m.id());
		body.put("member_number", m.memberNumber());
		body.put("phone", m.phone());
		body.put("first_name", m.firstName());
		body.put("last_name", m.lastName());
		body.put("email", m.email());
		body.put("avatar_url", m.avatarUrl());
		body.put("birth_date", m.birthDate());
		body.put("city", m.city());
		body.put("status", m.status().key());
		body.put("marketing_consent", m.marketingConsent());
		body.put("created_at", m.createdAt());
		contributors.forEach(c -> body.putAll(c.contribute(m.id())));
		body.values().removeIf(Objects::isNull);
		return body;
	}
}
