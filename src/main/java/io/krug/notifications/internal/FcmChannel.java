package io.krug.notifications.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mobile push through Firebase Cloud Messaging HTTP v1. The program's provider settings ({@code fcm}) hold the FCM
 * base URL ({@code https://fcm.googleapis.com}) and the Google service-account JSON key; a JWT signed with its key
 * (RS256, scope {@code firebase.messaging}) is exchanged at its {@code token_uri} for an OAuth access token (cached
 * until a minute before it expires), then {@code POST {base}/v1/projects/{project_id}/messages:send}. 404
 * {@code UNREGISTERED} and 400 {@code INVALID_ARGUMENT} are permanent; 401 drops the cached token; 429 and 5xx are
 * retried.
 */
@Component
class FcmChannel implements ChannelSender {

	static final String PROVIDER = "fcm";

	static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

	private final ProviderSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final Cache<String, AccessToken> tokens = Caffeine.newBuilder().maximumSize(1_000).build();

	FcmChannel(ProviderSettings settings, JsonMapper json, Clock clock) {
		this.settings = settings;
		this.json = json;
		this.clock = clock;
	}

	private record AccessToken(String value, Instant expiresAt) {
	}

	private record Account(String projectId, String clientEmail, String privateKeyPem, String tokenUri) {
	}

	@Override
	public Channel channel() {
		return Channel.PUSH;
	}

	@Override
	public SendOutcome send(Message message) {
		if (message.recipient() == null) {
			return new SendOutcome.Suppressed("no_push_device");
		}
		Optional<ProviderSettings.Provider> fcm = settings.find(message.programId(), PROVIDER);
		if (fcm.isEmpty()) {
			return new SendOutcome.Suppressed("push_not_configured");
		}
		try {
			Account account = account(fcm.get().secret());
			String token = accessToken(account);
			HttpResponse<String> response = http.send(sendRequest(fcm.get().baseUrl(), account, token, message),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 401) {
				tokens.invalidate(account.clientEmail() + "|" + account.tokenUri());
			}
			return outcome(response.statusCode(), response.body());
		}
		catch (IOException | GeneralSecurityException | JOSEException | RuntimeException ex) {
			return new SendOutcome.Transient("fcm: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new SendOutcome.Transient("fcm: interrupted");
		}
	}

	private HttpRequest sendRequest(String baseUrl, Account account, String token, Message message) {
		Map<String, Object> body = Map.of("message", Map.of("token", message.recipient(), "notification",
				Map.of("title", message.subject() == null ? "" : message.subject(), "body", message.bodyText()),
				"data", Map.of("type", message.type(), "message_id", message.id().toString())));
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return HttpRequest.newBuilder(URI.create(base + "/v1/projects/" + account.projectId() + "/messages:send"))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json; charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
	}

	private String accessToken(Account account) throws IOException, InterruptedException, GeneralSecurityException,
			JOSEException {
		String key = account.clientEmail() + "|" + account.tokenUri();
		AccessToken cached = tokens.getIfPresent(key);
		if (cached != null && cached.expiresAt().isAfter(clock.instant())) {
			return cached.value();
		}
		String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer",
				StandardCharsets.UTF_8) + "&assertion=" + assertion(account);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(account.tokenUri()))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("OAuth token exchange failed with " + response.statusCode());
		}
		JsonNode node = json.readTree(response.body());
		AccessToken fresh = new AccessToken(node.path("access_token").asString(),
				clock.instant().plusSeconds(Math.max(0, node.path("expires_in").asLong(3600) - 60)));
		tokens.put(key, fresh);
		return fresh.value();
	}

	/** The signed JWT Google's token endpoint exchanges for an access token. */
	String assertion(Account account) throws GeneralSecurityException, JOSEException {
		Instant now = clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(account.clientEmail())
			.audience(account.tokenUri())
			.claim("scope", SCOPE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
				claims);
		jwt.sign(new RSASSASigner(privateKey(account.privateKeyPem())));
		return jwt.serialize();
	}

	private Account account(String serviceAccountJson) {
		JsonNode node = json.readTree(serviceAccountJson);
		return new Account(node.path("project_id").asString(), node.path("client_email").asString(),
				node.path("private_key").asString(),
				node.path("token_uri").asString("https://oauth2.googleapis.com/token"));
	}

	private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
		String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
			.replace("-----END PRIVATE KEY-----", "")
			.replaceAll("\\s", "");
		return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}

	private SendOutcome outcome(int status, String body) {
		if (status == 200) {
			return new SendOutcome.Done(MessageStatus.SENT);
		}
		String reason = "fcm_" + status + ": " + json.readTree(body.isBlank() ? "{}" : body).path("error")
			.path("status")
			.asString("");
		return status == 400 || status == 403 || status == 404 ? new SendOutcome.Permanent(reason)
				: new SendOutcome.Transient(reason);
	}
}
