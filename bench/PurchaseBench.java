import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Purchases per second through Krug's HTTP API, against the same work done as raw SQL on the same PostgreSQL.
 * Run it with bench/run.sh (which starts Krug and passes the arguments); see bench/README.md.
 *
 * Phases: (1) open-loop at a fixed offered rate (default 1,000/s): latency measured from each request's scheduled
 * start, so a stalled server cannot hide its queueing (no coordinated omission); (2) closed loop with N workers for
 * the maximum sustained rate, with statements per purchase read from krug_db_statements_total; (3) the raw-SQL floor.
 */
public class PurchaseBench {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	static String base;

	static String apiKey;

	static String businessId;

	static List<String> members = new ArrayList<>();

	public static void main(String[] args) throws Exception {
		Map<String, String> opt = options(args);
		base = opt.getOrDefault("base", "http://localhost:8080");
		int rate = Integer.parseInt(opt.getOrDefault("rate", "1000"));
		int seconds = Integer.parseInt(opt.getOrDefault("seconds", "30"));
		int workers = Integer.parseInt(opt.getOrDefault("workers", "64"));
		int memberCount = Integer.parseInt(opt.getOrDefault("members", "2000"));
		String jdbc = opt.get("jdbc");

		setUp(opt.getOrDefault("admin-email", "admin@krug.local"), opt.get("admin-password"), memberCount);
		warmUp(Math.min(20, seconds));

		Result fixed = openLoop(rate, seconds);
		System.out.printf(Locale.ROOT, "HTTP fixed rate   offered %5d/s  achieved %7.1f/s  p50 %6.2f ms  p99 %7.2f ms  max %7.2f ms  errors %d %s%n",
				rate, fixed.throughput(), fixed.p(50), fixed.p(99), fixed.p(100), fixed.errors(), fixed.failures());

		double before = statements();
		Result max = closedLoop(workers, seconds);
		double after = statements();
		double perPurchase = (after - before) / Math.max(1, max.recorded());
		System.out.printf(Locale.ROOT, "HTTP max sustained workers %4d  achieved %7.1f/s  p50 %6.2f ms  p99 %7.2f ms  errors %d %s%n",
				workers, max.throughput(), max.p(50), max.p(99), max.errors(), max.failures());
		System.out.printf(Locale.ROOT, "SQL statements per recorded purchase (krug_db_statements_total over the phase, all requests and listeners incl. auth and idempotency): %.2f%n",
				perPurchase);

		if (jdbc != null) {
			Result floor = sqlFloor(jdbc, workers, seconds);
			System.out.printf(Locale.ROOT, "SQL floor         workers %4d  achieved %7.1f/s  p50 %6.2f ms  p99 %7.2f ms%n",
					Math.min(workers, 32), floor.throughput(), floor.p(50), floor.p(99));
			System.out.printf(Locale.ROOT, "HTTP / SQL floor  %.2f%n", max.throughput() / floor.throughput());
		}
	}

	// ---- set-up through the public API

	static void setUp(String email, String password, int memberCount) throws Exception {
		String admin = field(post("/api/v1/staff/login", null,
				"{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"), "access_token");
		businessId = field(post("/api/v1/admin/businesses", admin,
				"{\"name\":\"Bench " + UUID.randomUUID().toString().substring(0, 6) + "\",\"category_key\":\"gastronomy\"}"),
				"id");
		apiKey = field(post("/api/v1/admin/api-keys", admin,
				"{\"name\":\"bench\",\"scopes\":[\"purchases:write\"]}"), "secret");
		String prefix = "+7995" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		for (int start = 0; start < memberCount; start += 1000) {
			StringBuilder batch = new StringBuilder("{\"members\":[");
			for (int i = start; i < Math.min(memberCount, start + 1000); i++) {
				batch.append(i > start ? "," : "")
					.append("{\"phone\":\"").append(prefix).append(String.format("%04d", i))
					.append("\",\"first_name\":\"Bench\",\"consent_source\":\"bench\"}");
			}
			String response = post("/api/v1/admin/members", admin, batch.append("]}").toString());
			Matcher m = Pattern.compile("\"member_id\":\"([0-9a-f-]{36})\"").matcher(response);
			while (m.find()) {
				members.add(m.group(1));
			}
		}
		System.out.printf("set-up: business %s, %d members%n", businessId, members.size());
	}

	static void warmUp(int seconds) throws Exception {
		closedLoop(16, seconds);
	}

	// ---- load

	static int purchase() {
		String member = members.get(ThreadLocalRandom.current().nextInt(members.size()));
		long cents = ThreadLocalRandom.current().nextLong(10_000, 500_000);
		String body = "{\"business_id\":\"" + businessId + "\",\"member_id\":\"" + member + "\",\"amount\":"
				+ (cents / 100) + "." + String.format("%02d", cents % 100) + "}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/purchases"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + apiKey)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException | InterruptedException ex) {
			return 599;
		}
	}

	static Result openLoop(int rate, int seconds) throws InterruptedException {
		long total = (long) rate * seconds;
		long intervalNanos = 1_000_000_000L / rate;
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();
		CountDownLatch done = new CountDownLatch((int) total);
		long start = System.nanoTime();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (long i = 0; i < total; i++) {
				long scheduled = start + i * intervalNanos;
				long wait = scheduled - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				executor.submit(() -> {
					int status = purchase();
					latencies.add(System.nanoTime() - scheduled);
					if (status != 201) {
						errors.computeIfAbsent(status, k -> new LongAdder()).increment();
					}
					done.countDown();
				});
			}
			done.await();
		}
		return new Result(latencies, counts(errors), System.nanoTime() - start);
	}

	static Result closedLoop(int workers, int seconds) throws InterruptedException {
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int w = 0; w < workers; w++) {
				executor.submit(() -> {
					while (System.nanoTime() < end) {
						long t = System.nanoTime();
						int status = purchase();
						latencies.add(System.nanoTime() - t);
						if (status != 201) {
							errors.computeIfAbsent(status, k -> new LongAdder()).increment();
						}
					}
				});
			}
		}
		return new Result(latencies, counts(errors), System.nanoTime() - start);
	}

	static Map<Integer, Long> counts(Map<Integer, LongAdder> errors) {
		Map<Integer, Long> counts = new TreeMap<>();
		errors.forEach((status, n) -> counts.put(status, n.sum()));
		return counts;
	}

	// ---- the floor: the same rows written by hand-written SQL, in one transaction per purchase

	static Result sqlFloor(String url, int workers, int seconds) throws Exception {
		try (Connection c = DriverManager.getConnection(url)) {
			c.createStatement().execute("""
					CREATE SCHEMA IF NOT EXISTS bench_floor;
					DROP TABLE IF EXISTS bench_floor.purchases, bench_floor.entries, bench_floor.lots, bench_floor.balances;
					CREATE TABLE bench_floor.purchases (id uuid PRIMARY KEY, program_id uuid, business_id uuid, member_id uuid,
					  amount numeric(19,2), category text, occurred_at timestamptz, bonuses_earned numeric(19,2), created_at timestamptz);
					CREATE INDEX ON bench_floor.purchases (program_id, member_id, occurred_at);
					CREATE TABLE bench_floor.entries (tx uuid, line int, program_id uuid, account text, owner_id uuid,
					  amount numeric(19,2), created_at timestamptz, PRIMARY KEY (tx, line));
					CREATE INDEX ON bench_floor.entries (program_id, account, owner_id);
					CREATE TABLE bench_floor.lots (id uuid PRIMARY KEY, program_id uuid, member_id uuid, amount numeric(19,2),
					  remaining numeric(19,2), available_at timestamptz, expires_at timestamptz);
					CREATE TABLE bench_floor.balances (member_id uuid PRIMARY KEY, available numeric(19,2), pending numeric(19,2));
					""");
		}
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		UUID program = UUID.randomUUID();
		UUID business = UUID.randomUUID();
		try (ExecutorService executor = Executors.newFixedThreadPool(Math.min(workers, 32))) {
			for (int w = 0; w < Math.min(workers, 32); w++) {
				executor.submit(() -> {
					try (Connection c = DriverManager.getConnection(url)) {
						c.setAutoCommit(false);
						PreparedStatement history = c.prepareStatement(
								"SELECT count(*), count(*) FILTER (WHERE category = ?) FROM bench_floor.purchases WHERE program_id = ? AND member_id = ? AND occurred_at > now() - interval '12 months'");
						PreparedStatement insertPurchase = c.prepareStatement(
								"INSERT INTO bench_floor.purchases VALUES (?, ?, ?, ?, ?, 'gastronomy', now(), ?, now())");
						PreparedStatement insertEntries = c.prepareStatement(
								"INSERT INTO bench_floor.entries VALUES (?, 1, ?, 'LIABILITY', ?, ?, now()), (?, 2, ?, 'PENDING', ?, ?, now()), (?, 3, ?, 'SETTLEMENT', ?, ?, now()), (?, 4, ?, 'EVENTS_BUDGET', ?, ?, now())");
						PreparedStatement insertLot = c.prepareStatement(
								"INSERT INTO bench_floor.lots VALUES (?, ?, ?, ?, ?, now() + interval '14 days', now() + interval '12 months')");
						PreparedStatement balance = c.prepareStatement(
								"INSERT INTO bench_floor.balances VALUES (?, 0, ?) ON CONFLICT (member_id) DO UPDATE SET pending = bench_floor.balances.pending + EXCLUDED.pending");
						while (System.nanoTime() < end) {
							long t = System.nanoTime();
							UUID member = UUID.fromString(members.get(ThreadLocalRandom.current().nextInt(members.size())));
							java.math.BigDecimal amount = java.math.BigDecimal.valueOf(ThreadLocalRandom.current().nextLong(10_000, 500_000), 2);
							java.math.BigDecimal earned = amount.multiply(new java.math.BigDecimal("0.05")).setScale(2, java.math.RoundingMode.HALF_EVEN);
							java.math.BigDecimal budget = amount.multiply(new java.math.BigDecimal("0.02")).setScale(2, java.math.RoundingMode.HALF_EVEN);
							UUID tx = UUID.randomUUID();
							history.setString(1, "gastronomy");
							history.setObject(2, program);
							history.setObject(3, member);
							history.executeQuery().close();
							insertPurchase.setObject(1, UUID.randomUUID());
							insertPurchase.setObject(2, program);
							insertPurchase.setObject(3, business);
							insertPurchase.setObject(4, member);
							insertPurchase.setBigDecimal(5, amount);
							insertPurchase.setBigDecimal(6, earned);
							insertPurchase.executeUpdate();
							Object[] legs = { tx, program, business, earned.negate(), tx, program, member, earned, tx, program,
									business, budget.negate(), tx, program, program, budget };
							for (int i = 0; i < legs.length; i++) {
								insertEntries.setObject(i + 1, legs[i]);
							}
							insertEntries.executeUpdate();
							insertLot.setObject(1, UUID.randomUUID());
							insertLot.setObject(2, program);
							insertLot.setObject(3, member);
							insertLot.setBigDecimal(4, earned);
							insertLot.setBigDecimal(5, earned);
							insertLot.executeUpdate();
							balance.setObject(1, member);
							balance.setBigDecimal(2, earned);
							balance.executeUpdate();
							c.commit();
							latencies.add(System.nanoTime() - t);
						}
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
					return null;
				});
			}
		}
		return new Result(latencies, Map.of(), System.nanoTime() - start);
	}

	// ---- helpers

	/** Latencies of every request, and the non-201 answers by status (599: no answer within 30 s). */
	record Result(ConcurrentLinkedQueue<Long> latencies, Map<Integer, Long> failures, long elapsedNanos) {

		long count() {
			return latencies.size();
		}

		long errors() {
			return failures.values().stream().mapToLong(Long::longValue).sum();
		}

		long recorded() {
			return count() - errors();
		}

		double throughput() {
			return latencies.size() / (elapsedNanos / 1e9);
		}

		double p(double percentile) {
			long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
			if (sorted.length == 0) {
				return Double.NaN;
			}
			Arrays.sort(sorted);
			int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
			return sorted[Math.max(0, index)] / 1e6;
		}
	}

	static double statements() throws Exception {
		String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = Pattern.compile("(?m)^krug_db_statements_total(?:\\{[^}]*})? ([0-9.eE+]+)$").matcher(metrics);
		return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
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
