package io.krug.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krug.events.internal.ProposalDecisions;
import io.krug.identity.MemberStatus;
import io.krug.test.Http;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The monthly decision: each month's top three by weighted score are approved, in the program's time zone. */
class ProposalDecisionTests extends EventsTest {

	@Autowired
	ProposalDecisions decisions;

	UUID propose(Member author, String title) {
		Http.Response created = http.post("/api/v1/events/proposals")
			.bearer(author.token())
			.json(Map.of("title", title, "type", "wellness"))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("proposal_id"));
	}

	void vote(Member member, UUID proposal, boolean yes) {
		Http.Response voted = http.post("/api/v1/events/proposals/" + proposal + "/vote")
			.bearer(member.token())
			.json(Map.of("vote", yes ? "yes" : "no"))
			.send();
		assertThat(voted.status()).as(voted.toString()).isEqualTo(200);
	}

	JsonNode proposal(String token, UUID id) {
		return http.get("/api/v1/events/proposals/" + id).bearer(token).send().json();
	}

	@Test
	void theTopThreeWithAPositiveScoreOfTheMonthAreApprovedWhenItEndsInTheProgramsTimeZone() {
		clock.set(Instant.parse("2031-03-15T09:00:00Z"));
		Member vip = member(MemberStatus.VIP);
		Member elite = member(MemberStatus.ELITE);
		Member inner = member(MemberStatus.INNER_CIRCLE);
		UUID seven = propose(vip, "Семь");
		UUID four = propose(vip, "Четыре");
		UUID five = propose(vip, "Пять");
		UUID two = propose(vip, "Два");
		UUID againstIt = propose(vip, "Против");
		UUID vetoed = propose(vip, "Вето");
		vote(inner, seven, true);
		vote(vip, seven, true);
		vote(inner, four, true);
		vote(vip, four, true);
		vote(elite, four, false);
		vote(inner, five, true);
		vote(vip, two, true);
		vote(elite, againstIt, false);
		vote(inner, vetoed, true);
		vote(elite, vetoed, true);
		http.post("/api/v1/events/proposals/" + vetoed + "/veto")
			.bearer(inner.token())
			.json(Map.of("reason", "Не по уставу"))
			.send();

		clock.set(Instant.parse("2031-03-31T20:30:00Z"));
		List<ProposalDecisions.Decision> beforeMidnightInMoscow = inProgram(program, decisions::decideDue);
		clock.set(Instant.parse("2031-03-31T21:30:00Z"));
		List<ProposalDecisions.Decision> afterMidnightInMoscow = inProgram(program, decisions::decideDue);
		List<ProposalDecisions.Decision> again = inProgram(program, decisions::decideDue);

		assertThat(beforeMidnightInMoscow).isEmpty();
		assertThat(afterMidnightInMoscow).singleElement().satisfies(d -> {
			assertThat(d.month()).isEqualTo(YearMonth.of(2031, 3));
			assertThat(d.approved()).containsExactly(seven, five, four);
			assertThat(d.rejected()).containsExactlyInAnyOrder(two, againstIt);
		});
		assertThat(again).isEmpty();
		String token = fixtures.adminToken(program);
		assertThat(proposal(token, seven).path("status").asString()).isEqualTo("approved");
		assertThat(proposal(token, seven).path("decision").asString()).isEqualTo("top_three");
		assertThat(proposal(token, two).path("status").asString()).isEqualTo("rejected");
		assertThat(proposal(token, two).path("decision").asString()).isEqualTo("not_selected");
		assertThat(proposal(token, vetoed).path("decision").asString()).isEqualTo("vetoed");
	}

	@Test
	void anIdeaMoreWeightVotedAgainstIsNotRealizedAndAMonthIsDecidedOnlyOnceOver() {
		clock.set(Instant.parse("2031-05-10T09:00:00Z"));
		Member vip = member(MemberStatus.VIP);
		Member elite = member(MemberStatus.ELITE);
		UUID disliked = propose(vip, "Не нравится");
		UUID silent = propose(vip, "Без голосов");
		vote(elite, disliked, false);

		assertThatThrownBy(() -> inProgram(program, () -> decisions.decide(YearMonth.of(2031, 5))))
			.isInstanceOf(IllegalArgumentException.class);
		clock.set(Instant.parse("2031-06-01T00:00:00Z"));
		ProposalDecisions.Decision decision = inProgram(program, () -> decisions.decide(YearMonth.of(2031, 5)));

		assertThat(decision.approved()).isEmpty();
		assertThat(decision.rejected()).containsExactlyInAnyOrder(disliked, silent);
	}

	@Test
	void organizersRealizeAnApprovedProposalAsAnEvent() {
		clock.set(Instant.parse("2031-07-20T09:00:00Z"));
		Member vip = member(MemberStatus.VIP);
		UUID approved = propose(vip, "Йога на крыше");
		UUID rejected = propose(vip, "Никто не хочет");
		vote(member(MemberStatus.ELITE), approved, true);
		clock.set(Instant.parse("2031-08-01T06:00:00Z"));
		inProgram(program, decisions::decideDue);
		String organizer = fixtures.adminToken(program);

		Http.Response realized = http.post("/api/v1/admin/events/proposals/" + approved + "/event")
			.bearer(organizer)
			.json(eventBody("Йога на крыше", 15))
			.send();
		Http.Response notApproved = http.post("/api/v1/admin/events/proposals/" + rejected + "/event")
			.bearer(organizer)
			.json(eventBody("Никто не хочет", 15))
			.send();

		assertThat(realized.status()).as(realized.toString()).isEqualTo(201);
		assertThat(realized.text("proposal_id")).isEqualTo(approved.toString());
		JsonNode proposal = proposal(organizer, approved);
		assertThat(proposal.path("status").asString()).isEqualTo("realized");
		assertThat(proposal.path("event_id").asString()).isEqualTo(realized.text("id"));
		assertThat(notApproved.status()).isEqualTo(409);
		assertThat(notApproved.text("code")).isEqualTo("proposal_not_approved");
	}

	@Test
	void theDecisionAndWaitlistJobsAreScheduled() {
		List<String> tasks = jdbc.sql("SELECT task_name FROM platform.scheduled_tasks").query(String.class).list();

		assertThat(tasks).contains("events-proposal-decisions", "events-waitlist-closing");
	}
}
