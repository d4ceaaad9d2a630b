import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSV import throughput of a running Krug. Run it with bench/imports/run.sh; see bench/imports/README.md.
 *
 * Generates a CSV of --rows rows (date;customer_phone;amount;description, semicolons, as Russian Excel writes it)
 * where every --member-every-th row is bought by one of --members enrolled members and the others by phones that are
 * no member (unmatched purchases), uploads it as one multipart file, and polls the import until it completes,
 * printing progress, rows/s and the largest heap Krug reported meanwhile (/actuator/prometheus).
 */
public class ImportBench {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static String base;

	public static void main(String[] args) throws Exception {
		Map<String, String> opt = options(args);
		base = opt.getOrDefault("base", "http://localhost:8080");
		int rows = Integer.parseInt(opt.getOrDefault("rows", "1000000"));
		int members = Integer.parseInt(opt.getOrDefault("members", "2000"));
		int memberEvery = Integer.parseInt(opt.getOrDefault("member-every", "10"));
		Path file = Path.of(opt.getOrDefault("file", "/tmp/krug-import-bench.csv"));

		String admin = field(send(json("/api/v1/staff/login", null, "{\"email\":\"admin@krug.local\",\"password\":\""
				+ opt.get("admin-password") + "\"}")), "access_token");
		String business = field(send(json("/api/v1/admin/businesses", admin,
				"{\"name\":\"Bench salon\",\"category_key\":\"beauty_salon\"}")), "id");
		String prefix = "+7995" + String.format("%03d", new Random().nextInt(1000));
		enrol(admin, prefix, members);
		long size = generate(file, rows, prefix, members, memberEvery);
		System.out.printf(Locale.ROOT, "file      %,d rows, %,d bytes (%s), every %d-th row a member's%n", rows, size,
				file, memberEvery);

		long started = System.nanoTime();
		String importId = field(send(upload(business, admin, file)), "import_id");
		System.out.printf(Locale.ROOT, "uploaded  in %.1f s%n", seconds(started));
		long maxHeap = 0;
		String status;
		String progress;
		do {
			Thread.sleep(2000);
			maxHeap = Math.max(maxHeap, heapUsed());
			progress = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/businesses/" + business + "/imports/"
					+ importId)).header("Authorization", "Bearer " + admin).GET().build());
			status = field(progress, "status");
			long read = number(progress, "rows_read");
			System.out.printf(Locale.ROOT, "%6.0f s  %-9s read %,10d  imported %,10d  (%.0f rows/s, heap %d MB)%n",
					seconds(started), status, read, number(progress, "imported"), read / seconds(started),
					maxHeap >> 20);
		}
		while (status.equals("queued") || status.equals("running"));
		double elapsed = seconds(started);
		System.out.printf(Locale.ROOT, "done      %s: %,d rows in %.1f s -> %.0f rows/s; imported %,d, duplicate %,d, "
				+ "rejected %,d; max heap used %d MB%n", status, number(progress, "rows_read"), elapsed,
				number(progress, "rows_read") / elapsed, number(progress, "imported"), number(progress, "duplicate"),
				number(progress, "rejected"), maxHeap >> 20);
	}

	static long generate(Path file, int rows, String prefix, int members, int memberEvery) throws Exception {
		Random random = new Random(42);
		LocalDate today = LocalDate.now();
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("Дата;Телефон;Сумма;Описание\n");
			for (int i = 0; i < rows; i++) {
				String phone = members > 0 && i % memberEvery == 0
						? prefix + String.format("%04d", random.nextInt(members))
						: "+7994" + String.format("%07d", random.nextInt(10_000_000));
				out.write(today.minusDays(1 + random.nextInt(300)) + ";" + phone + ";" + (100 + random.nextInt(9900))
						+ "," + String.format("%02d", random.nextInt(100)) + ";Услуга " + i + "\n");
			}
		}
		return Files.size(file);
	}

	static void enrol(String admin, String prefix, int count) throws Exception {
		for (int start = 0; start < count; start += 1000) {
			StringBuilder batch = new StringBuilder("{\"members\":[");
			for (int i = start; i < Math.min(count, start + 1000); i++) {
				batch.append(i > start ? "," : "").append("{\"phone\":\"").append(prefix)
					.append(String.format("%04d", i)).append("\",\"first_name\":\"Bench\",\"consent_source\":\"bench\"}");
			}
			send(json("/api/v1/admin/members", admin, batch.append("]}").toString()));
		}
	}

	static HttpRequest upload(String business, String admin, Path file) throws Exception {
		String boundary = "bench" + UUID.randomUUID();
		return HttpRequest.newBuilder(URI.create(base + "/api/v1/businesses/" + business + "/imports"))
			.header("Authorization", "Bearer " + admin)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(
					HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
							+ "name=\"file\"; filename=\"sales.csv\"\r\nContent-Type: text/csv\r\n\r\n"),
					HttpRequest.BodyPublishers.ofFile(file),
					HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
			.build();
	}

	/** Krug's heap in use now: the sum of jvm_memory_used_bytes over the heap pools. */
	static long heapUsed() throws Exception {
		String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		long sum = 0;
		Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)").matcher(metrics);
		while (m.find()) {
			sum += (long) Double.parseDouble(m.group(1));
		}
		return sum;
	}

	static HttpRequest json(String path, String token, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder.build();
	}

	static String send(HttpRequest request) throws Exception {
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(request.uri() + " -> " + response.statusCode() + " " + response.body());
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

	static long number(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
		return m.find() ? Long.parseLong(m.group(1)) : 0;
	}

	static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
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
