package io.krug.integrations.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The partner-system connectors are Spring beans the engine finds by their unique {@code system} key. */
class ConnectorBeansTests extends ApiTest {

	@Autowired
	List<Connector> connectors;

	@Test
	void theOnecIikoBitrix24AndRenovatioConnectorsAreBeansWithUniqueSystemKeys() {
		List<String> systems = connectors.stream().map(connector -> connector.spec().system()).toList();

		assertThat(systems).doesNotHaveDuplicates().contains("onec", "iiko", "bitrix24", "renovatio");
	}
}
