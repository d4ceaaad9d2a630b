package io.krug.integrations.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

class ConnectorTargetsTests {

	final ConnectorTargets production = new ConnectorTargets(false, null);

	@Test
	void aGuardedClientRefusesPrivateAndPlainTargetsBeforeSendingAnything() throws Exception {
		AtomicInteger received = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			received.incrementAndGet();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		try {
			RestClient client = production.guard(RestClient.builder()).build();
			String local = "http://127.0.0.1:" + server.getAddress().getPort() + "/odata";
			assertThatThrownBy(() -> client.get().uri(local).retrieve().toBodilessEntity())
				.isInstanceOfSatisfying(ConnectorException.class,
						e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.CONFIG))
				.hasMessageContaining("https");
			assertThatThrownBy(() -> client.get().uri("https://127.0.0.1:1/odata").retrieve().toBodilessEntity())
				.isInstanceOf(ConnectorException.class)
				.hasMessageContaining("private address");
			assertThat(received).hasValue(0);
		}
		finally {
			server.stop(0);
		}
	}
}
