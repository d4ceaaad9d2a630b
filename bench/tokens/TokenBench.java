import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of POST /api/v1/tokens/validate on a running Krug (see bench/tokens/README.md; run with run.sh). Sets up a
 * member with currency, buys tokens, creates an API key with tokens:validate, warms the cache up, then times
 * validations of the bought tokens (cache hits, as at a door) from C client threads, and prints p50/p90/p99/max of
 * the round trip as the client sees it (HTTP/1.1 keep-alive on localhost, API-key authentication included).
 */
public class TokenBench {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static String base;

	public static void main(String[] args) throws Exception {
		Map<String, String> opt = options(args);
		base = opt.getOrDefault("base", "http://localhost:8080");
		int requests = Integer.parseInt(opt.getOrDefault("requests", "20000"));
		int clients = Integer.parseInt(opt.getOrDefault("clients", "1"));

		String admin = field(post("/api/v1/staff/login", null, "{\"email\":\"admin@krug.local\",\"password\":\""
				+ opt.get("admin-password") + "\"}"), "access_token");
		String phone = "+7999" + (1000000 + (int) (Math.random() * 8999999));
		post("/api/v1/auth/login/send-code", null, "{\"phone\":\"" + phone + "\"}");
		Matcher code = Pattern.compile("code(?: is|:) (\\d{6})")
			.matcher(get("/api/v1/admin/messages?phone=%2B" + phone.substring(1), admin));
		if (!code.find()) {
			throw new IllegalStateException("no login code");
		}
		String registered = post("/api/v1/auth/register", null, "{\"phone\":\"" + phone + "\",\"code\":\""
				+ code.group(1) + "\",\"first_name\":\"Bench\",\"last_name\":\"Door\",\"consent_personal_data\":true}");
		String member = field(registered, "access_token");
		post("/api/v1/admin/members/" + field(registered, "user_id") + "/currency-deposits", admin,
				"{\"amount\":\"10000.00\"}");
		String bundle = field(post("/api/v1/admin/bundles", admin, "{\"name\":\"Bench pack\",\"token_count\":100,"
				+ "\"duration_hours\":720,\"base_price\":\"100.00\",\"discount_percent\":\"0\"}"), "id");
		List<String> secrets = new ArrayList<>();
		Matcher tokens = Pattern.compile("\"token\":\"(krug_at_[^\"]+)\"")
			.matcher(post("/api/v1/bundles/" + bundle + "/purchase", member, ""));
		while (tokens.find()) {
			secrets.add(tokens.group(1));
		}
		String key = field(post("/api/v1/admin/api-keys", admin,
				"{\"name\":\"door\",\"scopes\":[\"tokens:validate\"]}"), "secret");

		for (int i = 0; i < 2000; i++) {
			validate(key, secrets.get(i % secrets.size()));
		}
		long[] nanos = new long[requests];
		int perClient = requests / clients;
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			List<Future<?>> done = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int from = c * perClient;
				done.add(pool.submit(() -> {
					for (int i = from; i < from + perClient; i++) {
						long t = System.nanoTime();
						validate(key, secrets.get(i % secrets.size()));
						nanos[i] = System.nanoTime() - t;
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long[] measured = Arrays.copyOf(nanos, perClient * clients);
		Arrays.sort(measured);
		System.out.printf(Locale.ROOT,
				"validate  %d requests, %d client(s), %d tokens: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms"
						+ " (%.0f/s)%n",
				measured.length, clients, secrets.size(), ms(measured, 0.50), ms(measured, 0.90), ms(measured, 0.99),
				measured[measured.length - 1] / 1e6, measured.length / seconds);
	}

	static void validate(String key, String secret) {
		String answer = post("/api/v1/tokens/validate", key, "{\"token\":\"" + secret + "\"}");
		if (!answer.contains("\"valid\":true")) {
			throw new IllegalStateException("not valid: " + answer);
		}
	}

	static double ms(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

	static String post(String path, String bearer, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return send(bearer == null ? request : request.header("Authorization", "Bearer " + bearer));
	}

	static String get(String path, String bearer) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + bearer).GET());
	}

	static String send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
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
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		return options;
	}
}
