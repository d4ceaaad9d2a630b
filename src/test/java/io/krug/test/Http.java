package io.krug.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for tests: raw bodies and headers in, status, headers and JSON out. */
public final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private final JsonMapper json;

	public Http(int port, JsonMapper json) {
		this.base = "http://localhost:" + port;
		this.json = json;
	}

	public Call get(String path) {
		return new Call("GET", path);
	}

	public Call post(String path) {
		return new Call("POST", path);
	}

	public Call put(String path) {
		return new Call("PUT", path);
	}

	public Call patch(String path) {
		return new Call("PATCH", path);
	}

	public Call delete(String path) {
		return new Call("DELETE", path);
	}

	public JsonMapper json() {
		return json;
	}

	public final class Call {

		private final String method;

		private final String path;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private byte[] body;

		Call(String method, String path) {
			this.method = method;
			this.path = path;
		}

		public Call header(String name, String value) {
			headers.put(name, value);
			return this;
		}

		public Call bearer(String token) {
			return header("Authorization", "Bearer " + token);
		}

		public Call program(String slug) {
			return header("X-Krug-Program", slug);
		}

		public Call idempotencyKey(String key) {
			return header("Idempotency-Key", key);
		}

		/** A JSON body: a String is sent as is, anything else is serialized. */
		public Call json(Object body) {
			headers.putIfAbsent("Content-Type", "application/json");
			this.body = body instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
					: json.writeValueAsBytes(body);
			return this;
		}

		public Call body(String contentType, byte[] bytes) {
			headers.put("Content-Type", contentType);
			this.body = bytes;
			return this;
		}

		public Response send() {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
			headers.forEach(builder::header);
			builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
			try {
				HttpResponse<byte[]> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
				return new Response(response.statusCode(), response.headers(), response.body(), json);
			}
			catch (IOException ex) {
				throw new IllegalStateException(method + " " + path + " failed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	public record Response(int status, java.net.http.HttpHeaders headers, byte[] bytes, JsonMapper mapper) {

		public String body() {
			return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return mapper.readTree(bytes);
		}

		public String text(String field) {
			JsonNode node = json().path(field);
			return node.isMissingNode() || node.isNull() ? null : node.asString();
		}

		public Optional<String> header(String name) {
			return headers.firstValue(name);
		}

		public String contentType() {
			return header("Content-Type").orElse("");
		}

		@Override
		public String toString() {
			return status + " " + body();
		}
	}
}
