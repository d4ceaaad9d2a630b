package io.krug.integrations;

import io.krug.integrations.connector.ConnectionSettings;
import io.krug.integrations.connector.Connector;
import io.krug.integrations.connector.ConnectorSpec;
import io.krug.integrations.connector.ExternalSale;
import io.krug.integrations.connector.FetchPage;
import io.krug.integrations.connector.FetchRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A connector for the tests of the engine's own rules (hashed phones): it answers, per {@code feed} setting, the sales
 * a test put there, as a medical system would send them.
 */
@Component
public class HashedSalesConnector implements Connector {

	private static final Map<String, List<ExternalSale>> FEEDS = new ConcurrentHashMap<>();

	public static void feed(String name, List<ExternalSale> sales) {
		FEEDS.put(name, List.copyOf(sales));
	}

	@Override
	public ConnectorSpec spec() {
		return new ConnectorSpec("test_hashed", "Test: hashed phones", List.of("feed"), List.of(),
				List.of("phone_hash_key"), false);
	}

	@Override
	public FetchPage fetch(ConnectionSettings settings, FetchRequest request) {
		return FetchPage.last(FEEDS.getOrDefault(settings.setting("feed"), List.of()));
	}

	@Override
	public void check(ConnectionSettings settings) {
	}
}
