package io.krug.notifications.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Push through a WireMock shaped after FCM HTTP v1 (firebase.google.com/docs/reference/fcm/rest/v1/projects.messages/
 * send) and Google's OAuth 2.0 service-account flow (developers.google.com/identity/protocols/oauth2/service-account).
 */
class FcmChannelTests extends NotificationTest {

	private static final String SEND = "/v1/projects/krug-test/messages:send";

	@Autowired
	ProviderSettings providers;

	@Autowired
	PreferenceService preferences;

	private WireMockServer google;

	private KeyPair keys;

	@BeforeEach
	void startGoogle() throws Exception {
		google = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		google.start();
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		keys = generator.generateKeyPair();
		google.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"access_token\":\"ya29.test-token\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
	}

	@AfterEach
	void stopGoogle() {
		google.stop();
	}

	private UUID memberWithDevice(Program program) {
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
		String account = jsonMapper.writeValueAsString(Map.of("type", "service_account", "project_id", "krug-test",
				"client_email", "push@krug-test.iam.gserviceaccount.com", "private_key", pem, "token_uri",
				google.baseUrl() + "/token"));
		TenantContext.run(program.id(), () -> providers.save(program.id().value(), FcmChannel.PROVIDER,
				new ProviderSettings.Provider(google.baseUrl(), account)));
		UUID member = registered(program);
		TenantContext.run(program.id(), () -> {
			Preferences p = preferences.get(program.id().value(), member);
			preferences.update(program.id().value(), member, new Preferences(p.channels(), p.categories(),
					p.quietHours(), p.timeZone(), p.digest(), p.dailyCap(),
					new Preferences.Addresses(null, List.of("old-device", "device-token-1"), null), p.locale()), "test");
		});
		return member;
	}

	@Test
	void sendsPushWithAServiceAccountAccessToken() throws Exception {
		google.stubFor(post(urlEqualTo(SEND)).withHeader("Authorization", equalTo("Bearer ya29.test-token"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"name\":\"projects/krug-test/messages/0:1500415314455276%31bd1c9631bd1c96\"}")));
		Program program = fixtures.program();
		UUID member = memberWithDevice(program);
		earn(program, member, "2");
		deliver(program, clock.instant());

		assertThat(message(program, member, "bonuses_earned", Channel.PUSH).status()).isEqualTo("sent");
		google.verify(1, postRequestedFor(urlEqualTo(SEND))
			.withRequestBody(matchingJsonPath("$.message.token", equalTo("device-token-1")))
			.withRequestBody(matchingJsonPath("$.message.notification.title", equalTo("+2 бонуса"))));
		google.verify(1, postRequestedFor(urlEqualTo("/token")).withRequestBody(
				containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")));

		String form = google.findAll(postRequestedFor(urlEqualTo("/token"))).getFirst().getBodyAsString();
		String assertion = URLDecoder.decode(form.substring(form.indexOf("assertion=") + 10), StandardCharsets.UTF_8);
		SignedJWT jwt = SignedJWT.parse(assertion);
		assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("push@krug-test.iam.gserviceaccount.com");
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(google.baseUrl() + "/token");
		assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo(FcmChannel.SCOPE);
	}

	@Test
	void unregisteredDeviceIsAPermanentFailure() {
		google.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\",\"status\":\"NOT_FOUND\","
					+ "\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
					+ "\"errorCode\":\"UNREGISTERED\"}]}}")));
		Program program = fixtures.program();
		UUID member = memberWithDevice(program);
		earn(program, member, "2");
		deliver(program, clock.instant());

		Message failed = message(program, member, "bonuses_earned", Channel.PUSH);
		assertThat(failed.status()).isEqualTo("failed");
		assertThat(failed.lastError()).isEqualTo("fcm_404: NOT_FOUND");
	}
}
