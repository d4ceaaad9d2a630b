package io.krug.loyalty.status;

import static io.krug.identity.MemberStatus.INNER_CIRCLE;
import static io.krug.identity.MemberStatus.VIP;
import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.Role;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InnerCircleTests extends StatusTest {

	@Autowired
	NightlyRecompute nightly;

	Program program;

	UUID member;

	String memberToken;

	@BeforeEach
	void program() {
		program = programWithCategories();
		var registered = fixtures.member(program);
		member = id(registered);
		memberToken = registered.path("access_token").asString();
	}

	String path(UUID id) {
		return "/api/v1/admin/members/" + id + "/inner-circle";
	}

	@Test
	void aBusinessOwnerInvitesAndTheMemberStaysInnerCircleWithoutSpending() {
		String owner = fixtures.staffToken(program, Role.BUSINESS_OWNER, UUID.randomUUID());

		var invited = http.post(path(member)).bearer(owner).send();

		assertThat(invited.status()).as(invited.toString()).isEqualTo(200);
		assertThat(invited.text("status")).isEqualTo("inner_circle");
		assertThat(invited.json().path("invited").asBoolean()).isTrue();
		assertThat(invited.text("invited_by")).startsWith("staff:");
		assertThat(http.get("/api/v1/users/me").bearer(memberToken).send().text("status")).isEqualTo("inner_circle");
		assertThat(history(program, member)).containsExactly("insider>inner_circle:invitation");

		nightly.run(program);
		assertThat(recompute(program, member).after()).isEqualTo(INNER_CIRCLE);
		assertThat(http.post(path(member)).bearer(owner).send().status()).as("inviting again changes nothing")
			.isEqualTo(200);
		assertThat(history(program, member)).hasSize(1);
	}

	@Test
	void managersAndMembersCannotInviteAndOwnersCannotRevoke() {
		String manager = fixtures.staffToken(program, Role.BUSINESS_MANAGER, UUID.randomUUID());
		String owner = fixtures.staffToken(program, Role.BUSINESS_OWNER, UUID.randomUUID());

		assertThat(http.post(path(member)).bearer(manager).send().status()).isEqualTo(403);
		assertThat(http.post(path(member)).bearer(memberToken).send().status()).isEqualTo(403);
		assertThat(http.delete(path(member)).bearer(owner).send().status()).isEqualTo(403);
		assertThat(statusOf(program, member)).isEqualTo(io.krug.identity.MemberStatus.INSIDER);
	}

	@Test
	void anAdminRevokesAndTheStatusFallsToWhatPurchasesEarn() {
		String admin = fixtures.adminToken(program);
		purchase(program, member, "10000.00", "beauty_salon");
		purchase(program, member, "10000.00", "gastronomy");
		purchase(program, member, "10000.00", "optics");
		assertThat(http.post(path(member)).bearer(admin).send().text("status")).isEqualTo("inner_circle");

		var revoked = http.delete(path(member)).bearer(admin).send();

		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
		assertThat(revoked.text("status")).isEqualTo("vip");
		assertThat(revoked.json().path("invited").asBoolean()).isFalse();
		assertThat(statusOf(program, member)).isEqualTo(VIP);
		assertThat(http.get("/api/v1/users/me").bearer(memberToken).send().text("status")).isEqualTo("vip");
		assertThat(history(program, member)).containsExactly("insider>inner_circle:invitation",
				"inner_circle>vip:revocation");
	}

	@Test
	void unknownMembersAre404() {
		String admin = fixtures.adminToken(program);
		UUID unknown = Ids.newId();

		var invite = http.post(path(unknown)).bearer(admin).send();
		var revoke = http.delete(path(unknown)).bearer(admin).send();

		assertThat(invite.status()).isEqualTo(404);
		assertThat(invite.text("code")).isEqualTo("member_not_found");
		assertThat(revoke.status()).isEqualTo(404);
	}

	@Test
	void aMemberOfAnotherProgramIsUnknown() {
		Program other = fixtures.program();
		UUID stranger = id(fixtures.member(other));

		assertThat(http.post(path(stranger)).bearer(fixtures.adminToken(program)).send().status()).isEqualTo(404);
		assertThat(statusOf(other, stranger)).isEqualTo(io.krug.identity.MemberStatus.INSIDER);
	}
}
