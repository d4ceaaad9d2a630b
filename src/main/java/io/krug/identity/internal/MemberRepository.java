package io.krug.identity.internal;

import io.krug.identity.MemberStatus;
import io.krug.platform.Ids;
import io.krug.platform.db.TextArrays;
import io.krug.platform.tenancy.ProgramId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for members and their consents. Every statement names the program explicitly. */
@Repository
public class MemberRepository {

	private final JdbcClient jdbc;

	MemberRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The profile fields a member or an admin may set. */
	public record Profile(@Nullable String firstName, @Nullable String lastName, @Nullable String email,
			@Nullable LocalDate birthDate, @Nullable String city, @Nullable String avatarUrl) {
	}

	public Optional<MemberRecord> findById(ProgramId program, UUID id) {
		return jdbc.sql("SELECT " + MemberRecord.COLUMNS + " FROM identity.members WHERE program_id = :p AND id = :id")
			.param("p", program.value())
			.param("id", id)
			.query(MemberRecord::map)
			.optional();
	}

	/** The members with the given ids, in one query. */
	public List<MemberRecord> findByIds(ProgramId program, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + MemberRecord.COLUMNS + " FROM identity.members WHERE program_id = :p "
				+ "AND id = ANY(CAST(CAST(:ids AS text[]) AS uuid[]))")
			.param("p", program.value())
			.param("ids", TextArrays.of(List.copyOf(ids)))
			.query(MemberRecord::map)
			.list();
	}

	public Optional<MemberRecord> findByPhone(ProgramId program, String phone) {
		return jdbc
			.sql("SELECT " + MemberRecord.COLUMNS + " FROM identity.members WHERE program_id = :p AND phone = :phone")
			.param("p", program.value())
			.param("phone", phone)
			.query(MemberRecord::map)
			.optional();
	}

	/** The members with the given E.164 phones, in one query. */
	public List<MemberRecord> findByPhones(ProgramId program, Collection<String> phones) {
		if (phones.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT " + MemberRecord.COLUMNS + " FROM identity.members WHERE program_id = :p AND phone IN (:phones)")
			.param("p", program.value())
			.param("phones", List.copyOf(phones))
			.query(MemberRecord::map)
			.list();
	}

	public List<String> activePhones(ProgramId program) {
		return jdbc.sql("SELECT phone FROM identity.members WHERE program_id = :p AND is_active AND phone IS NOT NULL")
			.param("p", program.value())
			.query(String.class)
			.list();
	}

	public boolean emailTaken(ProgramId program, String email, @Nullable UUID except) {
		return jdbc.sql("""
				SELECT count(*) FROM identity.members
				WHERE program_id = :p AND lower(email) = lower(:email) AND (CAST(:except AS uuid) IS NULL OR id <> :except)""")
			.param("p", program.value())
			.param("email", email)
			.param("except", except)
			.query(Long.class)
			.single() > 0;
	}

	public UUID insert(ProgramId program, String phone, Profile profile, @Nullable String referralCode, String source,
			boolean marketingConsent, boolean verified, Instant now) {
		UUID id = Ids.newId();
		jdbc.sql("""
				INSERT INTO identity.members (id, program_id, phone, email, first_name, last_name, birth_date, city,
				  avatar_url, referral_code_used, source, marketing_consent, is_verified, created_at, updated_at, last_login_at)
				VALUES (:id, :p, :phone, :email, :first, :last, :birth, :city, :avatar, :ref, :source, :marketing,
				  :verified, :now, :now, :login)""")
			.param("id", id)
			.param("p", program.value())
			.param("phone", phone)
			.param("email", profile.email())
			.param("first", profile.firstName())
			.param("last", profile.lastName())
			.param("birth", profile.birthDate())
			.param("city", profile.city())
			.param("avatar", profile.avatarUrl())
			.param("ref", referralCode)
			.param("source", source)
			.param("marketing", marketingConsent)
			.param("verified", verified)
			.param("now", Timestamp.from(now))
			.param("login", verified ? Timestamp.from(now) : null)
			.update();
		return id;
	}

	/** Sets the given (non-null) profile fields; null fields stay as they are. */
	public void updateProfile(ProgramId program, UUID id, Profile profile, Instant now) {
		jdbc.sql("""
				UPDATE identity.members SET
				  first_name = coalesce(:first, first_name), last_name = coalesce(:last, last_name),
				  email = coalesce(:email, email), birth_date = coalesce(:birth, birth_date),
				  city = coalesce(:city, city), avatar_url = coalesce(:avatar, avatar_url), updated_at = :now
				WHERE program_id = :p AND id = :id""")
			.param("p", program.value())
			.param("id", id)
			.param("first", profile.firstName())
			.param("last", profile.lastName())
			.param("email", profile.email())
			.param("birth", profile.birthDate())
			.param("city", profile.city())
			.param("avatar", profile.avatarUrl())
			.param("now", Timestamp.from(now))
			.update();
	}

	public void markLoggedIn(ProgramId program, UUID id, @Nullable String referralCode, Instant now) {
		jdbc.sql("""
				UPDATE identity.members SET last_login_at = :now, is_verified = true, updated_at = :now,
				  referral_code_used = coalesce(referral_code_used, :ref)
				WHERE program_id = :p AND id = :id""")
			.param("p", program.value())
			.param("id", id)
			.param("ref", referralCode)
			.param("now", Timestamp.from(now))
			.update();
	}

	public void setMarketingConsent(ProgramId program, UUID id, boolean granted, Instant now) {
		jdbc.sql("UPDATE identity.members SET marketing_consent = :g, updated_at = :now WHERE program_id = :p AND id = :id")
			.param("p", program.value())
			.param("id", id)
			.param("g", granted)
			.param("now", Timestamp.from(now))
			.update();
	}

	public void setStatus(ProgramId program, UUID id, MemberStatus status, Instant now) {
		jdbc.sql("UPDATE identity.members SET status = :s, updated_at = :now WHERE program_id = :p AND id = :id")
			.param("p", program.value())
			.param("id", id)
			.param("s", status.key())
			.param("now", Timestamp.from(now))
			.update();
	}

	public void recordConsent(ProgramId program, UUID member, String kind, boolean granted, String version,
			String source, @Nullable String details, Instant now) {
		jdbc.sql("""
				INSERT INTO identity.consents (id, program_id, member_id, kind, granted, text_version, source, details, recorded_at)
				VALUES (:id, :p, :m, :kind, :granted, :version, :source, :details, :now)""")
			.param("id", Ids.newId())
			.param("p", program.value())
			.param("m", member)
			.param("kind", kind)
			.param("granted", granted)
			.param("version", version)
			.param("source", source)
			.param("details", details)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Erases personal data and deactivates; keeps the id, member number, status and dates accounting needs. */
	public void erase(ProgramId program, UUID id, Instant now) {
		jdbc.sql("""
				UPDATE identity.members SET phone = NULL, email = NULL, first_name = NULL, last_name = NULL,
				  birth_date = NULL, city = NULL, avatar_url = NULL, referral_code_used = NULL, marketing_consent = false,
				  is_active = false, erased_at = :now, updated_at = :now
				WHERE program_id = :p AND id = :id""")
			.param("p", program.value())
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update();
	}

	public List<MemberRecord> search(ProgramId program, @Nullable String phoneQuery, @Nullable String text, int limit,
			int offset) {
		return jdbc.sql("SELECT " + MemberRecord.COLUMNS + " FROM identity.members WHERE " + searchWhere()
				+ " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
			.param("p", program.value())
			.param("phone", phoneQuery)
			.param("text", text)
			.param("limit", limit)
			.param("offset", offset)
			.query(MemberRecord::map)
			.list();
	}

	public long count(ProgramId program, @Nullable String phoneQuery, @Nullable String text) {
		return jdbc.sql("SELECT count(*) FROM identity.members WHERE " + searchWhere())
			.param("p", program.value())
			.param("phone", phoneQuery)
			.param("text", text)
			.query(Long.class)
			.single();
	}

	private static String searchWhere() {
		return """
				program_id = :p AND (
				  (CAST(:phone AS text) IS NULL AND CAST(:text AS text) IS NULL)
				  OR (CAST(:phone AS text) IS NOT NULL AND phone LIKE '%' || CAST(:phone AS text) || '%')
				  OR (CAST(:text AS text) IS NOT NULL AND (
				       (coalesce(first_name, '') || ' ' || coalesce(last_name, '')) ILIKE '%' || CAST(:text AS text) || '%'
				       OR lower(email) LIKE '%' || lower(CAST(:text AS text)) || '%')))""";
	}
}
