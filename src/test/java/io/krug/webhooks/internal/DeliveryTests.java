package io.krug.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krug.identity.MemberErased;
import io.krug.identity.MemberStatus;
import io.krug.loyalty.TierChanged;
import io.krug.partners.BusinessJoined;
import io.krug.platform.tenancy.Program;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

class DeliveryTests extends WebhookTest {

	@Test
	void deliversARealEventSignedPerStandardWebhooks() throws Exception {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode endpoint = createEndpoint(program, admin, receiver.url(), "member.*");
		String secret = endpoint.path("secret").asString();

		JsonNode member = fixtures.member(program);
		worker.deliverDue();

		List<Receiver.Request> requests = receiver.requests();
		assertThat(requests).hasSize(1);
		Receiver.Request request = requests.getFirst();
		request.verify(secret);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("User-Agent")).isEqualTo("Krug-Webhooks/1");
		assertThat(request.header("webhook-timestamp")).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
		assertThat(request.webhookId()).isEqualTo(messageIds(program, endpoint.path("id").asString()).getFirst()
			.toString());
		JsonNode payload = payload(request);
		assertThat(payload.path("type").asString()).isEqualTo("member.registered");
		assertThat(payload.path("timestamp").asString()).isNotBlank();
		assertThat(payload.path("data").path("member_id").asString()).isEqualTo(member.path("user_id").asString());
		assertThat(payload.path("data").path("source").asString()).isEqualTo("self");
		assertThat(payload.path("data").has("phone")).as("no personal data in payloads").isFalse();
		assertThat(payload.path("data").has("program_id")).isFalse();
	}

	@Test
	void deliversAPurchaseRecordedThroughTheApiAndTheBonusesItEarned() throws Exception {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode endpoint = createEndpoint(program, admin, receiver.url(), "purchase.*", "bonuses.*");
		String business = http.post("/api/v1/admin/businesses")
			.bearer(admin)
			.json(java.util.Map.of("name", "Салон Миндаль", "category_key", "beauty_salon"))
			.send()
			.text("id");
		String apiKey = http.post("/api/v1/admin/api-keys")
			.bearer(admin)
			.json(java.util.Map.of("name", "pos", "scopes", List.of("purchases:write")))
			.send()
			.text("secret");
		String member = fixtures.member(program).path("user_id").asString();
		var purchase = http.post("/api/v1/purchases")
			.bearer(apiKey)
			.idempotencyKey(UUID.randomUUID().toString())
			.json(java.util.Map.of("business_id", business, "member_id", member, "amount", "3000.00"))
			.send();
		assertThat(purchase.status()).as(purchase.toString()).isEqualTo(201);

		worker.deliverDue();

		List<Receiver.Request> requests = receiver.requests();
		for (Receiver.Request request : requests) {
			request.verify(endpoint.path("secret").asString());
		}
		JsonNode recorded = requests.stream().map(this::payload)
			.filter(p -> p.path("type").asString().equals("purchase.recorded"))
			.findFirst()
			.orElseThrow();
		assertThat(recorded.path("data").path("purchase_id").asString()).isEqualTo(purchase.text("purchase_id"));
		assertThat(recorded.path("data").path("member_id").asString()).isEqualTo(member);
		assertThat(recorded.path("data").path("amount").decimalValue()).isEqualByComparingTo("3000.00");
		assertThat(requests).extracting(r -> payload(r).path("type").asString()).contains("bonuses.earned");
	}

	@Test
	void signatureFailsForAnotherSecretOrAChangedBody() throws Exception {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode endpoint = createEndpoint(program, admin, receiver.url(), "*");
		publish(program, badge(program, UUID.randomUUID(), "collector"));
		worker.deliverDue();

		Receiver.Request request = receiver.requests().getFirst();
		request.verify(endpoint.path("secret").asString());
		assertThat(request.verifies(Signatures.newSecret())).isFalse();
		Receiver.Request tampered = new Receiver.Request(request.method(), request.path(), request.headers(),
				request.body().replace("collector", "collectors"));
		assertThatThrownBy(() -> tampered.verify(endpoint.path("secret").asString())).isNotNull();
	}

	@Test
	void aRolledBackTransactionSendsNothing() {
		Program program = fixtures.program();
		createEndpoint(program, fixtures.adminToken(program), receiver.url(), "*");

		io.krug.platform.tenancy.TenantContext.run(program.id(),
				() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
					publisher.publishEvent(badge(program, UUID.randomUUID(), "collector"));
					status.setRollbackOnly();
				}));
		worker.deliverDue();

		assertThat(receiver.requests()).isEmpty();
		assertThat(inProgram(program, () -> jdbc.sql("SELECT count(*) FROM webhooks.events WHERE program_id = :p")
			.param("p", program.id().value())
			.query(Long.class)
			.single())).isZero();
	}

	@Test
	void everyEventOfATransactionIsQueuedWhenItCommits() {
		Program program = fixtures.program();
		String endpoint = createEndpoint(program, fixtures.adminToken(program), receiver.url(), "badge.*")
			.path("id").asString();

		inProgram(program, () -> {
			for (int i = 0; i < 3; i++) {
				publisher.publishEvent(badge(program, UUID.randomUUID(), "b" + i));
			}
			assertThat(messageIds(program, endpoint)).as("written just before the commit").isEmpty();
			return null;
		});
		worker.deliverDue();

		assertThat(messageIds(program, endpoint)).hasSize(3);
		assertThat(receiver.requests()).extracting(r -> payload(r).path("data").path("badge").asString())
			.containsExactlyInAnyOrder("b0", "b1", "b2");
	}

	@Test
	void anEventPublishedOutsideATransactionIsStillQueued() {
		Program program = fixtures.program();
		createEndpoint(program, fixtures.adminToken(program), receiver.url(), "badge.awarded");

		publisher.publishEvent(badge(program, UUID.randomUUID(), "collector"));
		worker.deliverDue();

		assertThat(receiver.requests()).hasSize(1);
	}

	@Test
	void anEventPublishedInATransactionOfNoProgramOrOfAllIsStillQueued() {
		Program program = fixtures.program();
		String endpoint = createEndpoint(program, fixtures.adminToken(program), receiver.url(), "*").path("id")
			.asString();
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);

		transaction.executeWithoutResult(s -> publisher.publishEvent(badge(program, UUID.randomUUID(), "nobody's")));
		io.krug.platform.tenancy.TenantContext.callAsSystem(() -> transaction
			.execute(s -> {
				publisher.publishEvent(badge(program, UUID.randomUUID(), "system's"));
				return jdbc.sql("SELECT current_setting('krug.program_id', true)").query(String.class).single();
			}));
		worker.deliverDue();

		assertThat(messageIds(program, endpoint)).hasSize(2);
		assertThat(receiver.requests()).hasSize(2);
	}

	@Test
	void wildcardsSelectEventTypes() throws Exception {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		try (Receiver all = Receiver.start(); Receiver members = Receiver.start(); Receiver tiers = Receiver.start()) {
			createEndpoint(program, admin, all.url(), "*");
			createEndpoint(program, admin, members.url(), "member.*", "badge.awarded");
			createEndpoint(program, admin, tiers.url(), "tier.changed");
			UUID member = UUID.randomUUID();

			publish(program, badge(program, member, "collector"));
			publish(program, new TierChanged(program.id(), member, MemberStatus.INSIDER, MemberStatus.VIP,
					clock.instant()));
			publish(program, new MemberErased(program.id(), member, clock.instant()));
			publish(program, new BusinessJoined(program.id(), UUID.randomUUID(), "Салон", "beauty_salon",
					LocalDate.of(2025, 11, 10)));
			worker.deliverDue();

			assertThat(types(all)).containsExactlyInAnyOrder("badge.awarded", "tier.changed", "member.erased",
					"business.joined");
			assertThat(types(members)).containsExactlyInAnyOrder("badge.awarded", "member.erased");
			assertThat(types(tiers)).containsExactly("tier.changed");
		}
	}

	@Test
	void pausedEndpointsGetNoNewMessages() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode endpoint = createEndpoint(program, admin, receiver.url(), "*");
		http.patch("/api/v1/webhooks/" + endpoint.path("id").asString())
			.bearer(admin)
			.json(java.util.Map.of("active", false))
			.send();

		publish(program, badge(program, UUID.randomUUID(), "collector"));
		worker.deliverDue();

		assertThat(receiver.requests()).isEmpty();
		assertThat(messageIds(program, endpoint.path("id").asString())).isEmpty();
	}

	private List<String> types(Receiver receiver) {
		return receiver.requests().stream().map(r -> payload(r).path("type").asString()).toList();
	}
}
