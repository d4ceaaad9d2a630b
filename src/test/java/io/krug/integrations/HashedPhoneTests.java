package io.krug.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.integrations.connector.ExternalSale;
import io.krug.test.Fixtures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sales that name their buyer by an HMAC of the phone (seed 003 "Врачебная тайна") match members by it. */
class HashedPhoneTests extends IntegrationsTest {

	static String hmac(String key, String phone) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(phone.getBytes(StandardCharsets.UTF_8)));
	}

	ExternalSale sale(String id, String hash) {
		return new ExternalSale(id, clock.instant().minus(Duration.ofHours(1)), null, hash, new BigDecimal("1000"), null,
				null, ExternalSale.State.COMPLETED);
	}

	@Test
	void aHashedPhoneMatchesTheMemberWhosePhoneHashesToItAndOtherHashesAreSkipped() throws Exception {
		String member = memberPhone();
		String feed = UUID.randomUUID().toString();
		HashedSalesConnector.feed(feed, List.of(sale("h-1", hmac("clinic-key", member).toUpperCase()),
				sale("h-2", hmac("clinic-key", Fixtures.phone())), sale("h-3", hmac("another-key", member))));
		UUID id = integration("test_hashed", Map.of("feed", feed), Map.of("phone_hash_key", "clinic-key"));

		JsonNode after = sync(id);

		assertThat(purchases()).extracting(p -> p.path("external_id").asString()).containsExactly("test_hashed:h-1");
		assertThat(purchase("test_hashed:h-1").path("status").asString()).isEqualTo("recorded");
		assertThat(after.path("last_run").path("skipped").asInt()).isEqualTo(2);
	}
}
