package io.krug.loyalty.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.Role;
import io.krug.platform.qr.QrCodesTests;
import io.krug.platform.tenancy.Program;
import io.krug.test.ApiTest;
import io.krug.test.Http;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CardApiTests extends ApiTest {

	Program program;

	JsonNode member;

	String memberToken;

	String staff;

	@BeforeEach
	void club() {
		program = fixtures.program();
		member = fixtures.member(program);
		memberToken = member.path("access_token").asString();
		staff = fixtures.staffToken(program, Role.BUSINESS_MANAGER, UUID.randomUUID());
	}

	JsonNode card(String bearer) {
		var response = http.get("/api/v1/loyalty/card").bearer(bearer).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	Http.Response resolve(String bearer, String cardToken) {
		return http.post("/api/v1/cards/resolve").bearer(bearer).json(Map.of("card_token", cardToken)).send();
	}

	@Test
	void theCardsTokenResolvesToTheMemberForBusinessStaff() {
		Instant now = clock.instant();
		JsonNode card = card(memberToken);
		long memberNumber = http.get("/api/v1/users/me").bearer(memberToken).send().json().path("member_number").asLong();
		assertThat(card.path("member_number").asLong()).isEqualTo(memberNumber).isPositive();
		assertThat(card.path("name").asString()).isEqualTo("Анна С.");
		assertThat(card.path("status").asString()).isEqualTo("insider");
		assertThat(card.path("balance").decimalValue()).as("a new member's available bonuses").isEqualByComparingTo("0.00");
		String token = card.path("card_token").asString();
		assertThat(token).startsWith("kc1.").hasSize(81);
		Instant expiresAt = Instant.parse(card.path("token_expires_at").asString());
		assertThat(expiresAt).isEqualTo(now.plusSeconds(60).truncatedTo(ChronoUnit.SECONDS));
		assertThat(Instant.parse(card.path("refresh_at").asString())).isEqualTo(expiresAt.minusSeconds(5));
		assertThat(card.path("qr_png_url").asString()).isEqualTo("/api/v1/loyalty/card/qr.png?token=" + token);

		var resolved = resolve(staff, token);
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		assertThat(resolved.text("member_id")).isEqualTo(member.path("user_id").asString());
		assertThat(resolved.json().path("member_number").asLong()).isEqualTo(memberNumber);
		assertThat(resolved.text("name")).isEqualTo("Анна С.");
		assertThat(resolved.text("status")).isEqualTo("insider");
	}

	@Test
	void aTokenResolvesUntilItsMinuteIsUpAndThenAsksForARefresh() {
		String token = card(memberToken).path("card_token").asString();
		clock.tick(Duration.ofSeconds(59));
		assertThat(resolve(staff, token).status()).isEqualTo(200);
		clock.tick(Duration.ofSeconds(2));
		var expired = resolve(staff, token);
		assertThat(expired.status()).isEqualTo(422);
		assertThat(expired.text("code")).isEqualTo("card_token_expired");
		assertThat(expired.text("detail")).contains("expired").contains("refresh the card");
	}

	@Test
	void aTokenIsExpiredAfter61Seconds() {
		String token = card(memberToken).path("card_token").asString();
		clock.tick(Duration.ofSeconds(61));
		var expired = resolve(staff, token);
		assertThat(expired.status()).isEqualTo(422);
		assertThat(expired.text("code")).isEqualTo("card_token_expired");
	}

	@Test
	void aTokenWithOneCharacterChangedIsInvalid() {
		String token = card(memberToken).path("card_token").asString();
		for (int position : List.of(10, 40, 70)) {
			char flipped = token.charAt(position) == 'A' ? 'B' : 'A';
			String forged = token.substring(0, position) + flipped + token.substring(position + 1);
			var response = resolve(staff, forged);
			assertThat(response.status()).as(response.toString()).isEqualTo(422);
			assertThat(response.text("code")).isEqualTo("card_token_invalid");
		}
		assertThat(resolve(staff, "not a card").text("code")).isEqualTo("card_token_invalid");
	}

	@Test
	void anotherProgramsTokenIsInvalidEvenForItsStaff() {
		String token = card(memberToken).path("card_token").asString();
		Program other = fixtures.program();
		var response = resolve(fixtures.staffToken(other, Role.BUSINESS_MANAGER, UUID.randomUUID()), token);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.text("code")).isEqualTo("card_token_invalid");
	}

	@Test
	void aDeactivatedMembersTokenIsInvalidWithoutSayingWhy() {
		String token = card(memberToken).path("card_token").asString();
		assertThat(http.delete("/api/v1/users/me").bearer(memberToken).send().status()).isEqualTo(204);
		var response = resolve(staff, token);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.text("code")).isEqualTo("card_token_invalid");
		assertThat(response.body()).doesNotContainIgnoringCase("deactivated").doesNotContainIgnoringCase("deleted");
	}

	@Test
	void onlyStaffWhoScanAndKeysWithTheScopeMayResolve() {
		String token = card(memberToken).path("card_token").asString();
		var byMember = resolve(fixtures.memberToken(program), token);
		assertThat(byMember.status()).isEqualTo(403);
		assertThat(byMember.text("code")).isEqualTo("forbidden");

		String admin = fixtures.adminToken(program);
		String pos = apiKey(admin, "cards:resolve");
		var byKey = resolve(pos, token);
		assertThat(byKey.status()).as(byKey.toString()).isEqualTo(200);
		assertThat(byKey.text("member_id")).isEqualTo(member.path("user_id").asString());
		assertThat(resolve(apiKey(admin, "purchases:write"), token).status()).isEqualTo(403);
		assertThat(http.post("/api/v1/cards/resolve").json(Map.of("card_token", token)).send().status())
			.isEqualTo(401);
	}

	@Test
	void onlyMembersHaveACard() {
		assertThat(http.get("/api/v1/loyalty/card").bearer(staff).send().status()).isEqualTo(403);
		var admin = http.get("/api/v1/loyalty/card").bearer(fixtures.adminToken(program)).send();
		assertThat(admin.status()).as("admins hold every permission but have no card").isEqualTo(403);
		assertThat(http.get("/api/v1/loyalty/card/qr.png").bearer(staff).send().status()).isEqualTo(403);
		assertThat(http.get("/api/v1/loyalty/card").send().status()).isEqualTo(401);
	}

	@Test
	void theSvgIsWellFormedXmlOfTheCardsCode() throws Exception {
		JsonNode card = card(memberToken);
		var svg = QrCodesTests.parse(card.path("qr_svg").asString());
		var path = (org.w3c.dom.Element) svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").item(0);
		var drawn = QrCodesTests.rasterize(path.getAttribute("d"), 45);
		assertThat(QrCodesTests.decode(QrCodesTests.image(drawn, 4))).isEqualTo(card.path("card_token").asString());
	}

	@Test
	void thePngIsARealImageOfTheSameToken() throws Exception {
		JsonNode card = card(memberToken);
		var png = http.get(card.path("qr_png_url").asString()).bearer(memberToken).send();
		assertThat(png.status()).isEqualTo(200);
		assertThat(png.contentType()).isEqualTo("image/png");
		var image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
		assertThat(QrCodesTests.decode(image)).isEqualTo(card.path("card_token").asString());
	}

	@Test
	void thePngWithoutATokenCarriesAFreshOneOfTheCaller() throws Exception {
		var png = http.get("/api/v1/loyalty/card/qr.png").bearer(memberToken).send();
		assertThat(png.status()).isEqualTo(200);
		String token = QrCodesTests.decode(ImageIO.read(new ByteArrayInputStream(png.bytes())));
		assertThat(resolve(staff, token).text("member_id")).isEqualTo(member.path("user_id").asString());
	}

	@Test
	void thePngRefusesSomeoneElsesOrAnExpiredToken() {
		String othersToken = card(fixtures.memberToken(program)).path("card_token").asString();
		var others = http.get("/api/v1/loyalty/card/qr.png?token=" + othersToken).bearer(memberToken).send();
		assertThat(others.status()).isEqualTo(422);
		assertThat(others.text("code")).isEqualTo("card_token_invalid");
		String own = card(memberToken).path("card_token").asString();
		clock.tick(Duration.ofSeconds(61));
		var expired = http.get("/api/v1/loyalty/card/qr.png?token=" + own).bearer(memberToken).send();
		assertThat(expired.status()).isEqualTo(422);
		assertThat(expired.contentType()).startsWith("application/problem+json");
		assertThat(expired.text("code")).isEqualTo("card_token_expired");
	}

	@Test
	void cardsRequested61SecondsApartCarryDifferentTokens() {
		JsonNode first = card(memberToken);
		clock.tick(Duration.ofSeconds(61));
		JsonNode second = card(memberToken);
		String oldToken = first.path("card_token").asString();
		String newToken = second.path("card_token").asString();
		assertThat(newToken).isNotEqualTo(oldToken);
		assertThat(Instant.parse(second.path("token_expires_at").asString()))
			.isEqualTo(Instant.parse(first.path("token_expires_at").asString()).plusSeconds(61));
		assertThat(resolve(staff, oldToken).text("code")).isEqualTo("card_token_expired");
		assertThat(resolve(staff, newToken).status()).isEqualTo(200);
	}

	@Test
	void aBlankTokenIsAValidationError() {
		var blank = http.post("/api/v1/cards/resolve").bearer(staff).json(Map.of("card_token", " ")).send();
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.text("code")).isEqualTo("validation_failed");
	}

	@Test
	void theEndpointsAreDocumented() {
		var docs = http.get("/v3/api-docs").send().json();
		var paths = docs.path("paths");
		assertThat(paths.path("/api/v1/loyalty/card").path("get").path("responses").has("200")).isTrue();
		assertThat(paths.path("/api/v1/loyalty/card/qr.png").path("get").path("responses").path("200")
			.path("content").has("image/png")).isTrue();
		var resolve = paths.path("/api/v1/cards/resolve").path("post").path("responses");
		assertThat(resolve.path("422").path("description").asString()).contains("card_token_expired",
				"card_token_invalid");
		var card = docs.path("components").path("schemas").path("CardView").path("properties");
		assertThat(card.has("card_token")).isTrue();
		assertThat(card.has("qr_png_url")).isTrue();
	}

	String apiKey(String admin, String scope) {
		var created = http.post("/api/v1/admin/api-keys")
			.bearer(admin)
			.json(Map.of("name", "pos", "scopes", List.of(scope)))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.text("secret");
	}
}
