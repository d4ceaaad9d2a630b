import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook deliveries per second from a running Krug to a receiver in this process (127.0.0.1). Run it with
 * bench/webhooks/run.sh, which starts Krug on a fresh embedded PostgreSQL; see bench/webhooks/README.md.
 *
 * Phases: (1) live: an endpoint subscribed to member.registered, then the admin imports N members, each import
 * publishing member.registered, delivered by Krug's background delivery tasks as it commits; (2) replay: the logged
 * events are replayed R times to the endpoint (R x N messages queued at once) and the time until the receiver has
 * them all gives the delivery rate. The receiver answers 204 at once, counts distinct webhook-ids (duplicates are
 * allowed by at-least-once delivery, and reported) and checks every 50th signature.
 */
public class WebhookBench {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static final AtomicLong received = new AtomicLong();

	static final Set<String> ids = ConcurrentHashMap.newKeySet();

	static final AtomicLong badSignatures = new AtomicLong();

	static volatile byte[] key;

	static String base;

	public static void main(String[] args) throws Exception {
		Map<String, String> opt = options(args);
		base = opt.getOrDefault("base", "http://localhost:8080");
		int members = Integer.parseInt(opt.getOrDefault("members", "2000"));
		int replays = Integer.parseInt(opt.getOrDefault("replays", "10"));
		HttpServer receiver = receiver();
		String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";

		String admin = field(post("/api/v1/staff/login", null, "{\"email\":\""
				+ opt.getOrDefault("admin-email", "admin@krug.local") + "\",\"password\":\"" + opt.get("admin-password")
				+ "\"}"), "access_token");
		String created = post("/api/v1/webhooks", admin,
				"{\"url\":\"" + url + "\",\"event_types\":[\"member.registered\"]}");
		String endpoint = field(created, "id");
		String secret = field(created, "secret");
		key = Base64.getDecoder().decode(secret.substring("whsec_".length()));

		Instant from = Instant.now().minusSeconds(5);
		long started = System.nanoTime();
		importMembers(admin, members);
		double imported = seconds(started);
		awaitReceived(members, Duration.ofMinutes(5));
		double live = seconds(started);
		Instant to = Instant.now().plusSeconds(5);
		System.out.printf(Locale.ROOT, "live     %6d members imported in %5.1f s, all %d delivered after %5.1f s  (%7.1f/s end to end)%n",
				members, imported, members, live, members / live);

		long before = received.get();
		long total = (long) members * replays;
		started = System.nanoTime();
		for (int i = 0; i < replays; i++) {
			post("/api/v1/webhooks/" + endpoint + "/replay", admin,
					"{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
		}
		double queued = seconds(started);
		awaitReceived(before + total, Duration.ofMinutes(10));
		double elapsed = seconds(started);
		System.out.printf(Locale.ROOT, "replay   %6d messages queued in %5.1f s, delivered in %5.1f s  -> %7.1f deliveries/s%n",
				total, queued, elapsed, total / elapsed);
		System.out.printf(Locale.ROOT, "receiver %6d requests, %d distinct webhook-ids (%d duplicates), %d bad signatures of %d checked%n",
				received.get(), ids.size(), received.get() - ids.size(), badSignatures.get(), received.get() / 50);
		receiver.stop(0);
	}

	static HttpServer receiver() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/hooks", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			long n = received.incrementAndGet();
			ids.add(id);
			if (n % 50 == 0 && !signed(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders().getFirst("webhook-signature"))) {
				badSignatures.incrementAndGet();
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		return server;
	}

	static boolean signed(String id, String timestamp, String body, String header) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			String expected = "v1," + Base64.getEncoder()
				.encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
			for (String signature : header.split(" ")) {
				if (signature.equals(expected)) {
					return true;
				}
			}
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

	static void importMembers(String admin, int count) throws Exception {
		String prefix = "+7996" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		for (int start = 0; start < count; start += 1000) {
			StringBuilder batch = new StringBuilder("{\"members\":[");
			for (int i = start; i < Math.min(count, start + 1000); i++) {
				batch.append(i > start ? "," : "")
					.append("{\"phone\":\"").append(prefix).append(String.format("%04d", i))
					.append("\",\"first_name\":\"Bench\",\"consent_source\":\"bench\"}");
			}
			post("/api/v1/admin/members", admin, batch.append("]}").toString());
		}
	}

	static void awaitReceived(long count, Duration max) throws InterruptedException {
		long deadline = System.nanoTime() + max.toNanos();
		while (received.get() < count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("only " + received.get() + " of " + count + " delivered in " + max);
			}
			Thread.sleep(20);
		}
	}

	static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	static String post(String path, String token, String json) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
		}
		return options;
	}
}
