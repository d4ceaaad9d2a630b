package io.krug.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krug.platform.db.DatabaseProperties;
import io.krug.platform.web.KrugException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SSRF protection with private targets not allowed, as on an external database (production). */
class TargetGuardTests {

	private final TargetGuard guard = new TargetGuard(false, TargetGuardTests::resolve);

	@ParameterizedTest
	@ValueSource(strings = { "https://127.0.0.1/hook", "https://127.1.2.3/hook", "https://10.0.0.8/hook",
			"https://172.16.5.4/hook", "https://172.31.255.255/hook", "https://192.168.1.10/hook",
			"https://169.254.169.254/latest/meta-data", "https://0.0.0.0/hook", "https://224.0.0.1/hook",
			"https://100.64.0.1/hook", "https://[::1]/hook", "https://[fe80::1]/hook", "https://[fc00::1]/hook",
			"https://[fd12:3456::1]/hook", "https://[::]/hook", "https://[::ffff:127.0.0.1]/hook",
			"https://[::ffff:10.1.2.3]/hook", "https://[64:ff9b::a9fe:a9fe]/hook", "https://[2002:c0a8:0101::1]/hook",
			"https://localhost/hook", "https://intranet.example.com/hook" })
	void refusesInternalTargets(String url) {
		assertThatThrownBy(() -> guard.validate("url", url)).isInstanceOfSatisfying(KrugException.class,
				ex -> assertThat(ex.error()).isEqualTo(WebhookError.TARGET_NOT_ALLOWED));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://93.184.216.34/hook", "https://hooks.example.com/krug",
			"https://[2606:2800:220:1:248:1893:25c8:1946]/hook", "https://172.32.0.1/hook",
			"https://not-resolvable-yet.example.com/hook" })
	void acceptsPublicTargets(String url) {
		assertThat(guard.validate("url", url)).isEqualTo(URI.create(url));
	}

	@Test
	void requiresHttps() {
		assertThatThrownBy(() -> guard.validate("url", "http://hooks.example.com/krug"))
			.isInstanceOfSatisfying(KrugException.class, ex -> {
				assertThat(ex.error()).isEqualTo(WebhookError.INVALID_URL);
				assertThat(ex.fieldErrors().getFirst().message()).contains("https");
			});
		assertThat(new TargetGuard(true, TargetGuardTests::resolve).validate("url", "http://127.0.0.1:8080/x"))
			.hasPort(8080);
	}

	@Test
	void checksAgainWhenDeliveringSinceANameMayPointElsewhereLater() throws Exception {
		boolean[] rebound = { false };
		TargetGuard rebinding = new TargetGuard(false, host -> new InetAddress[] {
				InetAddress.getByName(rebound[0] ? "10.0.0.1" : "93.184.216.34") });
		URI uri = rebinding.validate("url", "https://rebind.example.com/hook");
		rebinding.checkDelivery(uri);

		rebound[0] = true;
		assertThatThrownBy(() -> rebinding.checkDelivery(uri)).isInstanceOf(TargetGuard.Refused.class)
			.hasMessageContaining("10.0.0.1");
	}

	@Test
	void deliveryToARefusedTargetSendsNothing() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			TargetGuard production = new TargetGuard(false, InetAddress::getAllByName);
			Sender sender = new Sender(Sender.httpClient(Duration.ofSeconds(2)), production, null, null, null,
					java.time.Clock.systemUTC(), Duration.ofSeconds(2));
			String url = receiver.url().replace("http://", "https://");
			Outcome outcome = sender.send(new Claimed(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(),
					io.krug.platform.tenancy.ProgramId.of("0193a5b0-7e00-7000-8000-000000000001"),
					java.util.UUID.randomUUID(), "badge.awarded", 0, "{}", url, "unused", null, null, null, null));

			assertThat(outcome.kind()).isEqualTo(Outcome.Kind.BLOCKED);
			assertThat(outcome.error()).contains("127.0.0.1");
			assertThat(receiver.requests()).isEmpty();
		}
	}

	@Test
	void privateTargetsAreAllowedByDefaultOnlyOnTheEmbeddedDatabase() {
		DatabaseProperties embedded = new DatabaseProperties("", "postgres", "", Path.of("data"), 0, "krug_app", 16,
				Duration.ofSeconds(5));
		DatabaseProperties external = new DatabaseProperties("jdbc:postgresql://db:5432/krug", "postgres", "",
				Path.of("data"), 0, "krug_app", 16, Duration.ofSeconds(5));
		WebhookProperties.Delivery delivery = new WebhookProperties.Delivery(true, 2, Duration.ofSeconds(30), 100,
				256, Duration.ofSeconds(15), Duration.ofMinutes(2));
		WebhookProperties unset = new WebhookProperties(null, delivery, Duration.ofDays(30), 5);

		assertThat(unset.privateTargetsAllowed(embedded)).isTrue();
		assertThat(unset.privateTargetsAllowed(external)).isFalse();
		assertThat(new WebhookProperties(true, delivery, Duration.ofDays(30), 5).privateTargetsAllowed(external))
			.isTrue();
		assertThat(new WebhookProperties(false, delivery, Duration.ofDays(30), 5).privateTargetsAllowed(embedded))
			.isFalse();
	}

	private static InetAddress[] resolve(String host) throws UnknownHostException {
		Map<String, String> dns = Map.of("hooks.example.com", "93.184.216.34", "intranet.example.com", "10.20.30.40",
				"localhost", "127.0.0.1");
		if (dns.containsKey(host)) {
			return new InetAddress[] { InetAddress.getByName(dns.get(host)) };
		}
		if (host.endsWith(".example.com")) {
			throw new UnknownHostException(host);
		}
		return InetAddress.getAllByName(host);
	}
}
