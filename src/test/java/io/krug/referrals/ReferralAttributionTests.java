package io.krug.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.MemberRegistered;
import io.krug.test.Fixtures;
import io.krug.test.Http;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferralAttributionTests extends ReferralTest {

	@BeforeEach
	void setUp() {
		club();
	}

	@Test
	void everyMemberHasACodeAndALinkAndAFriendWhoRegistersWithItIsAttributed() {
		Member anna = member();
		JsonNode before = page(anna);
		String code = before.path("referral_code").asString();
		assertThat(code).matches("[A-Z0-9]{6,12}");
		assertThat(before.path("link").asString()).endsWith(code).startsWith("http");
		assertThat(before.path("total_referrals").asLong()).isZero();

		member(Map.of("referral_code", " " + code.toLowerCase() + " ", "first_name", "Мария", "last_name", "Котова"));

		JsonNode after = page(anna);
		assertThat(after.path("referral_code").asString()).isEqualTo(code);
		assertThat(after.path("total_referrals").asLong()).isEqualTo(1);
		assertThat(after.path("referrals").get(0).path("name").asString()).isEqualTo("Мария К.");
		assertThat(after.path("referrals").get(0).path("joined_at").asString()).isNotBlank();
		Http.Response me = http.get("/api/v1/users/me").bearer(anna.token()).send();
		assertThat(me.json().path("referral_code").asString()).isEqualTo(code);
		assertThat(me.json().path("referrals_count").asLong()).isEqualTo(1);
	}

	@Test
	void anUnknownCodeIsRefusedBeforeTheMemberExistsSoTheUserCanFixTheTypo() {
		String phone = Fixtures.phone();

		Http.Response refused = fixtures.register(program, phone, Map.of("referral_code", "NOSUCH42"));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.text("code")).isEqualTo("referral_code_invalid");
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("referral_code");
		clock.tick(Duration.ofMinutes(2));
		assertThat(fixtures.register(program, phone, Map.of()).status()).as("nothing was half-created").isEqualTo(201);
	}

	@Test
	void membersWhoJoinedBeforeReferralsGetTheirCodeOnFirstUse() {
		Member old = member();
		inProgram(program, () -> jdbc.sql("DELETE FROM referrals.codes WHERE member_id = :m")
			.param("m", old.id())
			.update());

		String code = page(old).path("referral_code").asString();

		assertThat(code).matches("[A-Z0-9]{6,12}");
		assertThat(page(old).path("referral_code").asString()).isEqualTo(code);
		assertThat(friendOf(old)).isNotNull();
		assertThat(page(old).path("total_referrals").asLong()).isEqualTo(1);
	}

	@Test
	void aFriendRegisteringFromTheReferrersDeviceIsASelfReferral() {
		Member anna = member(Map.of("device_fingerprint", "device-anna"));

		Member sock = friendOf(anna, "device-anna");

		assertThat(page(anna).path("total_referrals").asLong()).isZero();
		JsonNode rejected = rejected();
		assertThat(rejected.path("total").asLong()).isEqualTo(1);
		assertThat(rejected.path("items").get(0).path("referred_id").asString()).isEqualTo(sock.id().toString());
		assertThat(rejected.path("items").get(0).path("reject_reason").asString()).isEqualTo("self_referral");
	}

	@Test
	void twoFriendsFromOneDeviceCountOnce() {
		Member anna = member();
		friendOf(anna, "farm-1");
		friendOf(anna, "farm-1");

		assertThat(page(anna).path("total_referrals").asLong()).isEqualTo(1);
		assertThat(rejected().path("items").get(0).path("reject_reason").asString()).isEqualTo("duplicate_device");
	}

	@Test
	void aReferralBackToWhoBroughtYouIsACycle() {
		Member anna = member();
		Member boris = friendOf(anna);

		// Anna's registration delivered again, now naming Boris's code (an import completed later, a replay):
		// Boris was brought by Anna, so Anna cannot be Boris's referral.
		inProgram(program, () -> {
			publisher.publishEvent(new MemberRegistered(program.id(), anna.id(), anna.phone(), code(boris), null,
					"self", clock.instant()));
			return null;
		});

		assertThat(page(boris).path("total_referrals").asLong()).isZero();
		assertThat(rejected().path("items").get(0).path("reject_reason").asString()).isEqualTo("cycle");
		assertThat(page(anna).path("total_referrals").asLong()).isEqualTo(1);
	}

	@Test
	void aReferrerIsRewardedForAtMostTheMonthlyLimitOfFriendsAndAgainNextMonth() {
		campaign(Map.of("referrer_on_registration", 10), Map.of("monthly_limit", 2));
		Member anna = member();

		friendOf(anna);
		friendOf(anna);
		friendOf(anna);

		assertThat(page(anna).path("total_referrals").asLong()).isEqualTo(2);
		assertThat(rejected().path("items").get(0).path("reject_reason").asString()).isEqualTo("monthly_limit");
		assertThat(available(anna)).isEqualByComparingTo("20.00");

		String code = code(anna);
		clock.tick(Duration.ofDays(32));
		member(Map.of("referral_code", code));
		assertThat(attributed(anna)).as("tokens expired meanwhile: counted in the table").isEqualTo(3);
		assertThat(available(anna)).isEqualByComparingTo("30.00");
	}

	@Test
	void aCodeBringsAtMostTheCampaignsUsesPerCode() {
		campaign(Map.of(), Map.of("max_uses_per_code", 1));
		Member anna = member();

		friendOf(anna);
		friendOf(anna);

		assertThat(page(anna).path("total_referrals").asLong()).isEqualTo(1);
		assertThat(rejected().path("items").get(0).path("reject_reason").asString()).isEqualTo("code_max_uses");
	}

	@Test
	void aRepeatedRegistrationEventAttributesOnce() {
		Member anna = member();
		Member boris = friendOf(anna);

		inProgram(program, () -> {
			publisher.publishEvent(new MemberRegistered(program.id(), boris.id(), boris.phone(), code(anna), null,
					"self", clock.instant()));
			return null;
		});

		assertThat(page(anna).path("total_referrals").asLong()).isEqualTo(1);
		assertThat(rejected().path("total").asLong()).isZero();
	}

	@Test
	void staffHaveNoReferralPage() {
		Http.Response page = http.get("/api/v1/users/me/referrals").bearer(admin).send();

		assertThat(page.status()).as(page.toString()).isEqualTo(403);
	}

	@Test
	void aReferralLinkShowsWhoInvitesAndTheFriendsOfferWithoutCredentials() {
		campaign(Map.of("friend_on_registration", 50, "quota_units", 1, "quota_name", "letters"), Map.of());
		Member anna = member(Map.of("first_name", "Анна", "last_name", "Котова"));

		Http.Response landing = http.get("/api/v1/referrals/" + code(anna)).program(program.slug()).send();
		Http.Response unknown = http.get("/api/v1/referrals/NOSUCH42").program(program.slug()).send();

		assertThat(landing.status()).as(landing.toString()).isEqualTo(200);
		assertThat(landing.text("referrer_name")).isEqualTo("Анна К.");
		assertThat(landing.json().path("offer").path("bonus_on_registration").decimalValue())
			.isEqualByComparingTo("50");
		assertThat(landing.json().path("offer").path("quota_units").asInt()).isEqualTo(1);
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
		assertThat(unknown.text("code")).isEqualTo("referral_code_not_found");
		assertThat(http.get("/api/v1/referrals/leaderboard").program(program.slug()).send().status())
			.as("the leaderboard still needs credentials")
			.isEqualTo(401);
	}

	@Test
	void anErasedMembersCodeNoLongerBringsAnyone() {
		Member anna = member();
		String code = code(anna);

		Http.Response erased = http.delete("/api/v1/users/me").bearer(anna.token()).send();
		assertThat(erased.status()).as(erased.toString()).isIn(200, 204);

		Http.Response refused = fixtures.register(program, Fixtures.phone(), Map.of("referral_code", code));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.text("code")).isEqualTo("referral_code_invalid");
	}

	private long attributed(Member referrer) {
		return inProgram(program, () -> jdbc.sql("""
				SELECT count(*) FROM referrals.referrals WHERE referrer_id = :m AND status = 'attributed'""")
			.param("m", referrer.id())
			.query(Long.class)
			.single());
	}
}
