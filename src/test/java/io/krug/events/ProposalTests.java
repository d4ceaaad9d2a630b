package io.krug.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.MemberStatus;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Proposals, visibility, weighted votes and vetoes. */
class ProposalTests extends EventsTest {

	@Autowired
	EventsApi eventsApi;

	Http.Response propose(Member member, Map<String, Object> extra) {
		Map<String, Object> body = new HashMap<>(Map.of("title", "Йога на крыше", "type", "wellness",
				"description", "Утренняя йога", "budget_per_person", "1500", "max_participants", 15, "program",
				List.of(Map.of("time", "08:00", "activity", "Йога"))));
		body.putAll(extra);
		return http.post("/api/v1/events/proposals").bearer(member.token()).json(body).send();
	}

	UUID proposal(Member member, Map<String, Object> extra) {
		Http.Response created = propose(member, extra);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("proposal_id"));
	}

	Http.Response vote(Member member, UUID proposal, String vote) {
		return http.post("/api/v1/events/proposals/" + proposal + "/vote")
			.bearer(member.token())
			.json(Map.of("vote", vote))
			.send();
	}

	@Test
	void vipMembersProposeAndVotingEndsWithTheMonthByDefault() {
		clock.set(Instant.parse("2031-11-10T09:00:00Z"));
		Member vip = member(MemberStatus.VIP);

		Http.Response created = propose(vip, Map.of());
		Http.Response byInsider = propose(member(), Map.of());

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.text("status")).isEqualTo("voting");
		assertThat(created.text("voting_ends_at")).isEqualTo("2031-11-30T23:59:59");
		assertThat(created.text("proposer")).isEqualTo("Анна С.");
		assertThat(created.json().path("total_votes").asLong()).isZero();
		assertThat(byInsider.status()).isEqualTo(403);
	}

	@Test
	void votesWeighByTheVotersStatusAsTheSeedsScore() {
		Member author = member(MemberStatus.VIP);
		UUID proposal = proposal(author, Map.of());
		Member vip = member(MemberStatus.VIP);
		Member elite = member(MemberStatus.ELITE);
		Member innerCircle = member(MemberStatus.INNER_CIRCLE);
		Member insider = member();

		JsonNode byVip = exact(vote(vip, proposal, "yes"));
		JsonNode byElite = exact(vote(elite, proposal, "yes"));
		JsonNode byInner = exact(vote(innerCircle, proposal, "no"));
		Http.Response byInsider = vote(insider, proposal, "yes");

		assertThat(decimal(byVip.path("user_vote_weight"))).isEqualByComparingTo("2.0");
		assertThat(decimal(byElite.path("user_vote_weight"))).isEqualByComparingTo("3.0");
		assertThat(decimal(byInner.path("user_vote_weight"))).isEqualByComparingTo("5.0");
		assertThat(byInner.path("total_votes").asLong()).isEqualTo(3);
		assertThat(byInner.path("yes_votes").asLong()).isEqualTo(2);
		assertThat(byInner.path("no_votes").asLong()).isEqualTo(1);
		assertThat(decimal(byInner.path("weighted_score"))).isEqualByComparingTo("0.0");
		assertThat(decimal(byInner.path("approval_rate"))).isEqualByComparingTo("0.5000");
		assertThat(byInsider.status()).isEqualTo(403);

		JsonNode changed = exact(vote(innerCircle, proposal, "yes"));
		assertThat(changed.path("total_votes").asLong()).isEqualTo(3);
		assertThat(decimal(changed.path("weighted_score"))).isEqualByComparingTo("10.0");
		assertThat(decimal(changed.path("approval_rate"))).isEqualByComparingTo("1.0000");
		JsonNode listed = http.get("/api/v1/events/proposals?status=voting").bearer(vip.token()).send().json();
		assertThat(listed.path("total").asLong()).isEqualTo(1);
		assertThat(listed.path("proposals").get(0).path("my_vote").asString()).isEqualTo("yes");
		assertThat(listed.path("proposals").get(0).path("weighted_score").decimalValue()).isEqualByComparingTo("10");
	}

	@Test
	void aVotesWeightIsFixedWhenCastAndTheProgramMayChangeTheWeights() {
		UUID proposal = proposal(member(MemberStatus.VIP), Map.of());
		Member early = member(MemberStatus.ELITE);
		vote(early, proposal, "yes");

		Http.Response put = http.put("/api/v1/admin/events/settings")
			.bearer(admin)
			.json(Map.of("vote_weights", Map.of("insider", "1.0", "vip", "1.0", "elite", "4.0", "inner_circle", "6.0"),
					"budget_shares", Map.of("open", "0.30", "vip", "0.40", "elite", "0.20", "reserve", "0.10")))
			.send();
		JsonNode late = exact(vote(member(MemberStatus.ELITE), proposal, "yes"));
		inProgram(program, () -> {
			identity.setMemberStatus(early.id(), MemberStatus.INNER_CIRCLE);
			return null;
		});

		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(decimal(late.path("user_vote_weight"))).isEqualByComparingTo("4.0");
		assertThat(decimal(late.path("weighted_score"))).isEqualByComparingTo("7.0");
		assertThat(decimal(exact(http.get("/api/v1/events/proposals/" + proposal).bearer(early.token()).send())
			.path("weighted_score"))).isEqualByComparingTo("7.0");
		Http.Response badShares = http.put("/api/v1/admin/events/settings")
			.bearer(admin)
			.json(Map.of("vote_weights", Map.of("insider", "1.0", "vip", "2.0", "elite", "3.0", "inner_circle", "5.0"),
					"budget_shares", Map.of("open", "0.50", "vip", "0.40", "elite", "0.20", "reserve", "0.10")))
			.send();
		assertThat(badShares.status()).isEqualTo(422);
		assertThat(http.get("/api/v1/admin/events/settings").bearer(member(MemberStatus.ELITE).token()).send().status())
			.isEqualTo(403);
	}

	@Test
	void votingClosesAtItsEnd() {
		Member vip = member(MemberStatus.VIP);
		UUID proposal = proposal(vip, Map.of("voting_ends_at", local(Duration.ofMinutes(5)).toString()));
		assertThat(vote(vip, proposal, "yes").status()).isEqualTo(200);

		clock.tick(Duration.ofMinutes(6));
		Http.Response late = vote(vip, proposal, "no");

		assertThat(late.status()).isEqualTo(409);
		assertThat(late.text("code")).isEqualTo("voting_closed");
		assertThat(propose(vip, Map.of("voting_ends_at", local(Duration.ofDays(-1)).toString())).status())
			.isEqualTo(422);
	}

	@Test
	void membersSeeOnlyTheProposalsTheirStatusAdmits() {
		Member vip = member(MemberStatus.VIP);
		Member elite = member(MemberStatus.ELITE);
		Member insider = member();
		UUID forAll = proposal(vip, Map.of("visibility", "all"));
		UUID forElite = proposal(elite, Map.of("visibility", "elite"));
		UUID ownElite = proposal(vip, Map.of("visibility", "elite"));

		List<String> insiderSees = ids(insider);
		List<String> vipSees = ids(vip);
		List<String> eliteSees = ids(elite);

		assertThat(insiderSees).containsExactly(forAll.toString());
		assertThat(vipSees).containsExactlyInAnyOrder(forAll.toString(), ownElite.toString());
		assertThat(eliteSees).containsExactlyInAnyOrder(forAll.toString(), forElite.toString(), ownElite.toString());
		assertThat(http.get("/api/v1/events/proposals/" + forElite).bearer(vip.token()).send().status()).isEqualTo(404);
		assertThat(vote(vip, forElite, "yes").status()).isEqualTo(404);
	}

	@Test
	void innerCircleMembersVetoAProposalWhichRejectsIt() {
		Member vip = member(MemberStatus.VIP);
		UUID proposal = proposal(vip, Map.of());
		Member innerCircle = member(MemberStatus.INNER_CIRCLE);

		Http.Response byElite = http.post("/api/v1/events/proposals/" + proposal + "/veto")
			.bearer(member(MemberStatus.ELITE).token())
			.json(Map.of("reason", "Не нравится"))
			.send();
		Http.Response vetoed = http.post("/api/v1/events/proposals/" + proposal + "/veto")
			.bearer(innerCircle.token())
			.json(Map.of("reason", "Такое уже было в прошлом месяце"))
			.send();

		assertThat(byElite.status()).isEqualTo(403);
		assertThat(vetoed.status()).as(vetoed.toString()).isEqualTo(200);
		assertThat(vetoed.text("status")).isEqualTo("rejected");
		assertThat(vetoed.text("decision")).isEqualTo("vetoed");
		assertThat(vetoed.text("veto_reason")).isEqualTo("Такое уже было в прошлом месяце");
		assertThat(vote(vip, proposal, "yes").text("code")).isEqualTo("voting_closed");
	}

	@Test
	void theFacadeProposesAndVotesForTheDemoData() {
		Member vip = member(MemberStatus.VIP);
		Member elite = member(MemberStatus.ELITE);
		EventsApi api = eventsApi;
		UUID proposal = inProgram(program, () -> api.propose(vip.id(), new EventsApi.NewProposal("Пикник",
				null, "networking", null, null, new BigDecimal("800"), 20, "all", null)));

		EventsApi.Score score = inProgram(program, () -> api.vote(proposal, elite.id(), true));

		assertThat(score.totalVotes()).isEqualTo(1);
		assertThat(score.weightedScore()).isEqualByComparingTo("3.0");
	}

	private List<String> ids(Member member) {
		JsonNode list = http.get("/api/v1/events/proposals").bearer(member.token()).send().json();
		List<String> ids = new java.util.ArrayList<>();
		list.path("proposals").forEach(p -> ids.add(p.path("proposal_id").asString()));
		assertThat(list.path("total").asLong()).isEqualTo(ids.size());
		return ids;
	}
}
