package io.krug.webhooks.internal;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on 127.0.0.1 (the JDK's HTTP server): records every request and answers from a script of
 * responses, then with {@code 200}. Checks signatures with the independent Standard Webhooks library.
 */
final class Receiver implements AutoCloseable {

	/** A recorded request. */
	record Request(String method, String path, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = headers.get(name);
			return values == null || values.isEmpty() ? null : values.getFirst();
		}

		String webhookId() {
			return header("webhook-id");
		}

		/** Verifies with the Standard Webhooks library; throws when no signature matches the secret. */
		void verify(String secret) throws Exception {
			new Webhook(secret).verify(body, headers);
		}

		boolean verifies(String secret) {
			try {
				verify(secret);
				return true;
			}
			catch (Exception ex) {
				return false;
			}
		}

	}

	/** A scripted answer. */
	record Answer(int status, Map<String, String> headers, String body, java.time.Duration delay) {

		static Answer of(int status) {
			return new Answer(status, Map.of(), "", null);
		}

		static Answer of(int status, Map<String, String> headers) {
			return new Answer(status, headers, "", null);
		}

		static Answer slow(java.time.Duration delay) {
			return new Answer(200, Map.of(), "", delay);
		}

	}

	private final HttpServer server;

	private final String path = "/hooks/" + java.util.UUID.randomUUID();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();

	private volatile Answer otherwise = new Answer(200, Map.of(), "{\"ok\":true}", null);

	private Receiver(HttpServer server) {
		this.server = server;
	}

	static Receiver start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
		Receiver receiver = new Receiver(server);
		server.createContext("/", receiver::handle);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.start();
		return receiver;
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/** Answers the next requests with these statuses, in order, then as before. */
	Receiver then(Answer... answers) {
		script.addAll(List.of(answers));
		return this;
	}

	Receiver always(Answer answer) {
		otherwise = answer;
		return this;
	}

	List<Request> requests() {
		return new ArrayList<>(requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		if (!exchange.getRequestURI().getPath().equals(path)) {
			// an endpoint of an earlier test whose receiver had this port: not ours
			exchange.sendResponseHeaders(410, -1);
			exchange.close();
			return;
		}
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
		requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
		Answer answer = script.poll();
		if (answer == null) {
			answer = otherwise;
		}
		if (answer.delay() != null) {
			try {
				Thread.sleep(answer.delay());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
