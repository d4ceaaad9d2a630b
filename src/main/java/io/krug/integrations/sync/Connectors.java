package io.krug.integrations.sync;

import io.krug.integrations.connector.Connector;
import io.krug.integrations.connector.ConnectorSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The connector beans by their system key. */
@Component
class Connectors {

	private final Map<String, Connector> bySystem;

	Connectors(List<Connector> connectors) {
		this.bySystem = connectors.stream()
			.collect(Collectors.toUnmodifiableMap(c -> c.spec().system(), Function.identity()));
	}

	/** @throws io.krug.platform.web.KrugException 422 {@code unknown_system} */
	Connector get(String system) {
		Connector connector = bySystem.get(system);
		if (connector == null) {
			throw IntegrationError.UNKNOWN_SYSTEM
				.exception("No connector '" + system + "'; known: " + String.join(", ", bySystem.keySet()) + ".");
		}
		return connector;
	}

	List<ConnectorSpec> specs() {
		return bySystem.values().stream().map(Connector::spec).sorted(Comparator.comparing(ConnectorSpec::system))
			.toList();
	}
}
