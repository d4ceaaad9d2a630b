import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of POST /api/v1/tokens/validate on a running Krug (see bench/tokens/README.md; run with run.sh). Sets up a
 * member with currency, buys tokens, creates an API key with tokens:validate, warms the cache up, then times
 * validations of the bought tokens (cache hits, as at a door) over HTTP/1.1 keep-alive, API-key authentication
 * included, and prints p50/p90/p99/max and the CPU the client (and the server, given --server-pid) used meanwhile.
 * Closed loop by default ({@code --clients} threads, each sending when its answer arrives); with {@code --rate=N} an
 * open loop offering N requests a second from {@code --clients} senders, latency measured from each request's due
 * time.
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
		int rate = Integer.parseInt(opt.getOrDefault("rate", "0"));

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

		if (opt.containsKey("print-credentials")) {
			// for another load generator (e.g. wrk) against the same Krug
			System.out.println("credentials api_key=" + key + " token=" + secrets.get(0));
		}
		List<HttpRequest> validations = secrets.stream().map(secret -> validation(key, secret)).toList();
		for (int i = 0; i < 2000; i++) {
			validate(validations.get(i % validations.size()));
		}
		Map<Double, Long> bucketsBefore = serverBuckets();
		Cpu cpu = Cpu.start(opt.get("server-pid"));
		Jitter jitter = Jitter.begin();
		long[] nanos = rate > 0 ? openLoop(validations, requests, rate, clients)
				: closedLoop(validations, requests, clients);
		double seconds = cpu.seconds();
		long[] oversleeps = jitter.finish();
		Arrays.sort(nanos);
		String mode = rate > 0 ? String.format(Locale.ROOT, "offered %d/s, %d sender(s)", rate, clients)
				: clients + " client(s)";
		System.out.printf(Locale.ROOT,
				"validate  %d requests, %s, %d tokens: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms"
						+ " (%.0f/s)%n",
				nanos.length, mode, secrets.size(), ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99),
				nanos[nanos.length - 1] / 1e6, nanos.length / seconds);
		System.out.println(serverTime(bucketsBefore, serverBuckets()));
		System.out.println(cpu.report(seconds));
		System.out.printf(Locale.ROOT, "machine   a thread sleeping 1 ms at a time woke late by p50 %.3f ms, p99 %.3f ms,"
				+ " max %.3f ms (the scheduling delay the machine adds to any request)%n", ms(oversleeps, 0.50),
				ms(oversleeps, 0.99), oversleeps[oversleeps.length - 1] / 1e6);
	}

	/**
	 * The server's own view of the same requests: {@code http_server_requests_seconds} for this URI, from the
	 * response's start in Tomcat's filter chain to its end. Its histogram buckets are coarse, so each figure is the
	 * upper bound of its bucket. The gap to the client's figures is time outside the chain: connection, parsing and
	 * queueing in Tomcat, and waiting for a core.
	 */
	static String serverTime(Map<Double, Long> before, Map<Double, Long> after) {
		List<Double> bounds = new ArrayList<>(after.keySet());
		bounds.sort(null);
		long total = after.getOrDefault(Double.POSITIVE_INFINITY, 0L) - before.getOrDefault(Double.POSITIVE_INFINITY, 0L);
		StringBuilder line = new StringBuilder("server    http_server_requests for this URI (bucket upper bounds):");
		for (double q : new double[] { 0.50, 0.90, 0.99 }) {
			for (double bound : bounds) {
				if (after.get(bound) - before.getOrDefault(bound, 0L) >= Math.ceil(q * total)) {
					line.append(String.format(Locale.ROOT, " p%d <= %.3f ms", Math.round(q * 100), bound * 1000));
					break;
				}
			}
		}
		return line.toString();
	}

	/** Cumulative bucket counts of the validate endpoint's {@code http_server_requests_seconds}, by upper bound. */
	static Map<Double, Long> serverBuckets() {
		Map<Double, Long> buckets = new HashMap<>();
		Matcher m = Pattern.compile("http_server_requests_seconds_bucket\\{([^}]*)} ([0-9.E+]+)")
			.matcher(send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).GET()));
		Pattern le = Pattern.compile("le=\"([^\"]+)\"");
		while (m.find()) {
			Matcher bound = le.matcher(m.group(1));
			if (m.group(1).contains("uri=\"/api/v1/tokens/validate\"") && bound.find()) {
				buckets.merge("+Inf".equals(bound.group(1)) ? Double.POSITIVE_INFINITY
						: Double.parseDouble(bound.group(1)), (long) Double.parseDouble(m.group(2)), Long::sum);
			}
		}
		return buckets;
	}

	/**
	 * Measures the machine, not Krug: a thread that sleeps 1 ms at a time records how late it wakes. On a shared or
	 * overloaded machine this delay (waiting for a core) lands on requests too, so it bounds what p99 can show.
	 */
	static final class Jitter extends Thread {

		private final long[] late = new long[1 << 20];

		private volatile boolean running = true;

		private int count;

		static Jitter begin() {
			Jitter jitter = new Jitter();
			jitter.setDaemon(true);
			jitter.start();
			return jitter;
		}

		@Override
		public void run() {
			while (running && count < late.length) {
				long before = System.nanoTime();
				LockSupport.parkNanos(1_000_000);
				late[count++] = Math.max(0, System.nanoTime() - before - 1_000_000);
			}
		}

		long[] finish() throws InterruptedException {
			running = false;
			join();
			long[] sorted = Arrays.copyOf(late, Math.max(1, count));
			Arrays.sort(sorted);
			return sorted;
		}
	}

	/**
	 * Closed loop: each client sends its next request when the previous answer arrives; the latency is the round
	 * trip. A stall delays the requests that would have been sent meanwhile, so it shows in few samples.
	 */
	static long[] closedLoop(List<HttpRequest> validations, int requests, int clients) throws Exception {
		int perClient = requests / clients;
		long[] nanos = new long[perClient * clients];
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			List<Future<?>> done = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int from = c * perClient;
				done.add(pool.submit(() -> {
					for (int i = from; i < from + perClient; i++) {
						long t = System.nanoTime();
						validate(validations.get(i % validations.size()));
						nanos[i] = System.nanoTime() - t;
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		return nanos;
	}

	/**
	 * Open loop at a fixed offered rate: request i is due at start + i / rate whatever happened before, and its
	 * latency runs from that due time, not from when a sender got round to it, so a stall counts against every
	 * request it delayed (no coordinated omission). {@code senders} threads take the due requests in turn; each keeps
	 * its own keep-alive connection busy with one request at a time.
	 */
	static long[] openLoop(List<HttpRequest> validations, int requests, int rate, int senders) throws Exception {
		long[] nanos = new long[requests];
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime() + 10_000_000;
		double interval = 1e9 / rate;
		try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
			List<Future<?>> done = new ArrayList<>();
			for (int c = 0; c < senders; c++) {
				done.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
						long due = start + (long) (i * interval);
						long wait;
						while ((wait = due - System.nanoTime()) > 0) {
							LockSupport.parkNanos(wait);
						}
						validate(validations.get(i % validations.size()));
						nanos[i] = System.nanoTime() - due;
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		return nanos;
	}

	/** One validation request, built once and sent many times (as a door scanner would: no Idempotency-Key). */
	static HttpRequest validation(String key, String secret) {
		return HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens/validate"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + key)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + secret + "\"}"))
			.build();
	}

	static void validate(HttpRequest validation) {
		String answer = send(validation);
		if (!answer.contains("\"valid\":true")) {
			throw new IllegalStateException("not valid: " + answer);
		}
	}

	/**
	 * CPU time of this client (and of the server when its pid is given, read from /proc) over the timed phase, in
	 * cores: with client and server on the same machine, the client's share is CPU the server did not get.
	 */
	record Cpu(long clientStart, long serverStart, String serverPid, long wallStart) {

		static Cpu start(String serverPid) {
			return new Cpu(clientCpu(), serverCpu(serverPid), serverPid, System.nanoTime());
		}

		double seconds() {
			return (System.nanoTime() - wallStart) / 1e9;
		}

		String report(double seconds) {
			String client = String.format(Locale.ROOT, "cpu       client %.2f cores", (clientCpu() - clientStart) / 1e9
					/ seconds);
			if (serverPid == null) {
				return client + " (pass --server-pid for the server's)";
			}
			return client + String.format(Locale.ROOT, ", server %.2f cores, machine %d cores",
					(serverCpu(serverPid) - serverStart) / 1e9 / seconds, Runtime.getRuntime().availableProcessors());
		}

		static long clientCpu() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
		}

		/** utime + stime of a process in nanoseconds (Linux /proc, 100 ticks a second); 0 without a pid. */
		static long serverCpu(String pid) {
			if (pid == null) {
				return 0;
			}
			try {
				String stat = Files.readString(Path.of("/proc", pid, "stat"));
				String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
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
		return send(request.timeout(Duration.ofSeconds(30)).build());
	}

	static String send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (IOException | InterruptedException ex) {
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
