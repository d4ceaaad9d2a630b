package io.krug.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberStatus;
import io.krug.ledger.EarnCommand;
import io.krug.ledger.LedgerApi;
import io.krug.ledger.PartyId;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.partners.PartnersApi;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.ApiTest;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shorthand of the events tests: a fresh program with an admin, businesses through the admin API, members of a
 * status, events a few minutes ahead (the program's clock is Europe/Moscow), bonuses from the ledger.
 */
abstract class EventsTest extends ApiTest {

	static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	/** Reads decimals as written ({@code 20.00} stays {@code 20.00}). */
	private static final JsonMapper EXACT = JsonMapper.builder()
		.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.build();

	@Autowired
	protected IdentityApi identity;

	@Autowired
	protected LedgerApi ledger;

	@Autowired
	protected PartnersApi partners;

	protected Program program;

	protected String admin;

	/** A member: id, access token and the refresh token that gets a new one once the clock moved on. */
	record Member(UUID id, String token, String refreshToken) {
	}

	@BeforeEach
	void programWithAdmin() {
		program = fixtures.program();
		admin = fixtures.adminToken(program);
	}

	static JsonNode exact(Http.Response response) {
		return EXACT.readTree(response.bytes());
	}

	static BigDecimal decimal(JsonNode node) {
		return new BigDecimal(node.asString());
	}

	/** A business created by the admin, once the program's default categories are in place. */
	UUID business(String name) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TenantContext.call(program.id(), partners::categories).size() == 9);
		Http.Response created = http.post("/api/v1/admin/businesses")
			.bearer(admin)
			.json(Map.of("name", name, "category_key", "gastronomy"))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

	Member member(MemberStatus status) {
		JsonNode registered = fixtures.member(program);
		UUID id = UUID.fromString(registered.path("user_id").asString());
		if (status != MemberStatus.INSIDER) {
			inProgram(program, () -> {
				identity.setMemberStatus(id, status);
				return null;
			});
		}
		return new Member(id, registered.path("access_token").asString(), registered.path("refresh_token").asString());
	}

	/** The member with a new access token (access tokens live 15 minutes of the test clock). */
	Member refreshed(Member member) {
		Http.Response refreshed = http.post("/api/v1/auth/refresh")
			.program(program.slug())
			.json(Map.of("refresh_token", member.refreshToken()))
			.send();
		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
		return new Member(member.id(), refreshed.text("access_token"), refreshed.text("refresh_token"));
	}

	Member member() {
		return member(MemberStatus.INSIDER);
	}

	/** The program's local time {@code fromNow} ahead of the test clock, to the second. */
	LocalDateTime local(Duration fromNow) {
		return LocalDateTime.ofInstant(clock.instant().plus(fromNow), MOSCOW).truncatedTo(ChronoUnit.SECONDS);
	}

	/** A free event for insiders and up, starting in 10 minutes and lasting two hours. */
	Map<String, Object> eventBody(String title, int capacity) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("type", "wine_evening");
		body.put("format", "free");
		body.put("starts_at", local(Duration.ofMinutes(10)).toString());
		body.put("ends_at", local(Duration.ofMinutes(130)).toString());
		body.put("max_participants", capacity);
		return body;
	}

	UUID createEvent(String token, Map<String, Object> body) {
		Http.Response created = http.post("/api/v1/admin/events").bearer(token).json(body).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

	UUID createEvent(Map<String, Object> body) {
		return createEvent(admin, body);
	}

	Http.Response register(Member member, UUID event) {
		return http.post("/api/v1/events/" + event + "/register").bearer(member.token()).json(Map.of()).send();
	}

	Http.Response register(Member member, UUID event, boolean plusOne) {
		return http.post("/api/v1/events/" + event + "/register")
			.bearer(member.token())
			.json(Map.of("plus_one", plusOne))
			.send();
	}

	Http.Response cancel(Member member, UUID event) {
		return http.delete("/api/v1/events/" + event + "/register").bearer(member.token()).send();
	}

	JsonNode event(String token, UUID event) {
		Http.Response shown = http.get("/api/v1/events/" + event).bearer(token).send();
		assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
		return shown.json();
	}

	/** Bonuses funded by {@code funder}, available now and for a year. */
	void bonuses(Member member, String amount, UUID funder) {
		inProgram(program, () -> ledger.earn(new EarnCommand(member.id(), new BigDecimal(amount),
				PartyId.business(funder), clock.instant(), clock.instant().plus(365, ChronoUnit.DAYS),
				Reason.PURCHASE_EARN, Source.purchase(Ids.newId()), null, "test", null)));
	}

	BigDecimal available(Member member) {
		return inProgram(program, () -> ledger.balance(member.id()).available());
	}
}
