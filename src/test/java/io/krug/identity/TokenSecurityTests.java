package io.krug.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.krug.platform.tenancy.Program;
import io.krug.test.ApiTest;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenSecurityTests extends ApiTest {

	Program program;

	String token;

	@BeforeEach
	void member() {
		program = fixtures.program();
		token = fixtures.memberToken(program);
	}

	int me(String bearer) {
		return http.get("/api/v1/users/me").bearer(bearer).send().status();
	}

	@Test
	void acceptsTheIssuedToken() {
		assertThat(me(token)).isEqualTo(200);
	}

	@Test
	void rejectsATamperedPayload() throws Exception {
		String[] parts = token.split("\\.");
		var claims = JWTClaimsSet.parse(new String(Base64.getUrlDecoder().decode(parts[1])));
		var forged = new JWTClaimsSet.Builder(claims).subject(java.util.UUID.randomUUID().toString()).build();
		String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.toString().getBytes());
		var response = http.get("/api/v1/users/me").bearer(parts[0] + "." + payload + "." + parts[2]).send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.text("code")).isEqualTo("invalid_token");
	}

	@Test
	void rejectsAlgNone() throws Exception {
		var claims = SignedJWT.parse(token).getJWTClaimsSet();
		assertThat(me(new PlainJWT(claims).serialize())).isEqualTo(401);
		String[] parts = token.split("\\.");
		String noneHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
		assertThat(me(noneHeader + "." + parts[1] + ".")).isEqualTo(401);
	}

	@Test
	void rejectsATokenSignedWithAnotherKey() throws Exception {
		var claims = SignedJWT.parse(token).getJWTClaimsSet();
		var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		jwt.sign(new MACSigner(new byte[32 + 1]));
		assertThat(me(jwt.serialize())).isEqualTo(401);
	}

	@Test
	void rejectsAnExpiredToken() {
		clock.tick(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(me(token)).isEqualTo(401);
	}

	@Test
	void rejectsGarbageAndMissingCredentials() {
		assertThat(me("not-a-jwt")).isEqualTo(401);
		var anonymous = http.get("/api/v1/users/me").send();
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.text("code")).isEqualTo("unauthenticated");
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
	}

	@Test
	void refusesAProgramHeaderThatContradictsTheToken() {
		Program other = fixtures.program();
		var response = http.get("/api/v1/users/me").bearer(token).program(other.slug()).send();
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.text("code")).isEqualTo("program_mismatch");
		assertThat(http.get("/api/v1/users/me").bearer(token).program(program.slug()).send().status()).isEqualTo(200);
	}

	@Test
	void answersAnUnknownProgramWith404() {
		var response = http.post("/api/v1/auth/login/send-code")
			.program("no-such-program")
			.json(java.util.Map.of("phone", "+79990000000"))
			.send();
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.text("code")).isEqualTo("program_not_found");
	}
}
