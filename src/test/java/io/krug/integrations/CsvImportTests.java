package io.krug.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.test.Fixtures;
import io.krug.test.Http;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** CSV and JSON-lines imports: detection of encodings, separators and headers; rejections; re-uploads. */
class CsvImportTests extends IntegrationsTest {

	static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

	String yesterday(String pattern) {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1)
			.format(DateTimeFormatter.ofPattern(pattern));
	}

	Http.Response upload(byte[] file) {
		String boundary = "krug-test-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sales.csv\""
				+ "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.post("/api/v1/businesses/" + business + "/imports")
			.bearer(admin)
			.body("multipart/form-data; boundary=" + boundary, body.toByteArray())
			.send();
	}

	/** Uploads the file, expects it queued, and waits for its job to finish. */
	JsonNode imported(byte[] file) {
		Http.Response queued = upload(file);
		assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
		return finished(queued.text("import_id"));
	}

	JsonNode finished(String importId) {
		String path = "/api/v1/businesses/" + business + "/imports/" + importId;
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			String status = http.get(path).bearer(admin).send().json().path("status").asString();
			return status.equals("completed") || status.equals("failed");
		});
		return http.get(path).bearer(admin).send().json();
	}

	@Test
	void readsSemicolonsWindows1251AndRussianHeaders() {
		String phone = memberPhone();
		String csv = "Дата;Телефон клиента;Сумма;Описание;Номер чека\r\n" + yesterday("dd.MM.yyyy") + ";"
				+ phone.replaceFirst("\\+7(\\d{3})(\\d{3})(\\d{2})(\\d{2})", "8 ($1) $2-$3-$4") + ";3 000,50;Маникюр;A-1\r\n";

		JsonNode done = imported(csv.getBytes(WINDOWS_1251));

		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(done.path("imported").asLong()).isEqualTo(1);
		JsonNode purchase = purchase("csv:A-1");
		assertThat(purchase.path("amount").decimalValue()).isEqualByComparingTo("3000.50");
		assertThat(purchase.path("description").asString()).isEqualTo("Маникюр");
		assertThat(purchase.path("status").asString()).isEqualTo("recorded");
		assertThat(purchase.path("channel").asString()).isEqualTo("import");
	}

	@Test
	void readsTabsAndCommasWithEnglishHeadersInUtf8WithAByteOrderMark() {
		String tabs = "\uFEFFdate\tcustomer_phone\tamount\tdescription\n" + yesterday("yyyy-MM-dd") + "\t"
				+ Fixtures.phone() + "\t1200\tСтрижка\n";
		String commas = "amount,date,phone,category\n\"1,5\"," + yesterday("yyyy-MM-dd") + " 14:30," + Fixtures.phone()
				+ ",beauty_salon\n";

		JsonNode tabbed = imported(tabs.getBytes(StandardCharsets.UTF_8));
		JsonNode commaSeparated = imported(commas.getBytes(StandardCharsets.UTF_8));

		assertThat(tabbed.path("imported").asLong()).isEqualTo(1);
		assertThat(commaSeparated.path("imported").asLong()).as(commaSeparated.toString()).isEqualTo(1);
		assertThat(purchases()).extracting(p -> p.path("description").asString(null)).contains("Стрижка");
		assertThat(purchases()).extracting(p -> p.path("amount").decimalValue().stripTrailingZeros().toPlainString())
			.contains("1.5", "1200");
	}

	@Test
	void rejectsBadRowsWithTheirLineNumbersAndReasons() {
		String day = yesterday("yyyy-MM-dd");
		String csv = String.join("\n", "date,customer_phone,amount", day + "," + Fixtures.phone() + ",100",
				day + ",not-a-phone,100", day + "," + Fixtures.phone() + ",-5", "yesterday," + Fixtures.phone() + ",100",
				day + "," + Fixtures.phone() + ",", day + "," + Fixtures.phone() + ",250", "");

		JsonNode done = imported(csv.getBytes(StandardCharsets.UTF_8));

		assertThat(done.path("rows_read").asLong()).isEqualTo(6);
		assertThat(done.path("imported").asLong()).isEqualTo(2);
		assertThat(done.path("rejected").asLong()).isEqualTo(4);
		assertThat(done.path("rejections")).extracting(r -> r.path("line").asLong()).containsExactly(3L, 4L, 5L, 6L);
		assertThat(done.path("rejections").get(0).path("reason").asString()).startsWith("customer_phone");
		assertThat(done.path("rejections").get(1).path("reason").asString()).startsWith("amount");
		assertThat(done.path("rejections").get(2).path("reason").asString()).startsWith("date");
		Http.Response rejected = http.get("/api/v1/businesses/" + business + "/imports/" + done.path("import_id")
			.asString() + "/rejected.csv").bearer(admin).send();
		assertThat(rejected.status()).isEqualTo(200);
		List<String> lines = rejected.body().lines().toList();
		assertThat(lines).hasSize(5);
		assertThat(lines.get(0)).isEqualTo("line,reason,row");
		assertThat(lines.get(1)).startsWith("3,customer_phone").endsWith(day + ",not-a-phone,100\"");
	}

	@Test
	void aRowThePipelineRejectsFailsItsBatchAndIsRejectedAloneWithItsLine() {
		String day = yesterday("yyyy-MM-dd");
		String csv = "date,customer_phone,amount,category,external_id\n" + day + "," + memberPhone() + ",100,,ok-1\n"
				+ day + "," + Fixtures.phone() + ",200,no_such_category,bad-1\n" + day + "," + Fixtures.phone()
				+ ",300,beauty_salon,ok-2\n";

		JsonNode done = imported(csv.getBytes(StandardCharsets.UTF_8));

		assertThat(done.path("imported").asLong()).isEqualTo(2);
		assertThat(done.path("rejected").asLong()).isEqualTo(1);
		assertThat(done.path("rejections").get(0).path("line").asLong()).isEqualTo(3);
		assertThat(done.path("rejections").get(0).path("reason").asString()).startsWith("unknown_category");
		assertThat(purchases()).extracting(p -> p.path("external_id").asString()).containsExactlyInAnyOrder("csv:ok-1",
				"csv:ok-2");
	}

	@Test
	void aBadRowInALargeBatchIsFoundByHalvingAndOnlyItsSmallSetGoesThroughThePipeline() {
		String day = yesterday("yyyy-MM-dd");
		StringBuilder csv = new StringBuilder("date,customer_phone,amount,category,external_id\n");
		for (int i = 1; i <= 1_000; i++) {
			String category = i == 700 ? "no_such_category" : "beauty_salon";
			csv.append(day).append(',').append(Fixtures.phone()).append(",100,").append(category).append(",half-")
				.append(i).append('\n');
		}

		JsonNode done = imported(csv.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(done.path("imported").asLong()).isEqualTo(999);
		assertThat(done.path("rejected").asLong()).isEqualTo(1);
		assertThat(done.path("rejections").get(0).path("line").asLong()).isEqualTo(701);
		// the pipeline posts an events-budget share per purchase (source: the purchase); a set-based batch one per
		// batch (source: the import): only the bad row's small set went through the pipeline
		long throughThePipeline = inProgram(program, () -> jdbc.sql("""
				SELECT count(*) FROM ledger.transactions t JOIN loyalty.purchases p ON p.id = t.source_id
				WHERE t.reason = 'BUDGET_CONTRIBUTION' AND t.source_type = 'purchase' AND p.external_id LIKE 'csv:half-%'""")
			.query(Long.class)
			.single());
		assertThat(throughThePipeline).as("sets of at most 64 rows go row by row").isPositive().isLessThanOrEqualTo(64);
	}

	@Test
	void batchesRecordedAtOnceShareMembersAndDuplicatesWithoutLosingOrDoublingAnything() {
		// 2,000 rows in batches of 200 (the test configuration), two in flight at once: every batch holds purchases
		// of the same 40 members (their balance rows are locked by each batch); every 10th row repeats the external
		// id of a row 295 lines earlier, in another batch that may be in flight at the same time; and each pair of
		// neighbouring batches shares two ids in crossed order (first and last row of one are the last and first
		// of the other), which deadlocks two batches that claim their ids in file order
		String day = yesterday("yyyy-MM-dd");
		List<String> phones = new java.util.ArrayList<>();
		for (int m = 0; m < 40; m++) {
			phones.add(memberPhone());
		}
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 1; i <= 2_000; i++) {
			ids.add(i > 300 && i % 10 == 0 ? "par-" + (i - 295) : "par-" + i);
		}
		for (int pair = 0; pair < 5; pair++) {
			int first = pair * 400;
			ids.set(first, "cross-" + pair + "-a");
			ids.set(first + 199, "cross-" + pair + "-b");
			ids.set(first + 200, "cross-" + pair + "-b");
			ids.set(first + 399, "cross-" + pair + "-a");
		}
		StringBuilder csv = new StringBuilder("date,customer_phone,amount,category,external_id\n");
		for (int i = 1; i <= 2_000; i++) {
			csv.append(day).append(',').append(phones.get(i % phones.size())).append(",100,")
				.append(i % 3 == 0 ? "dentistry" : "beauty_salon").append(',').append(ids.get(i - 1)).append('\n');
		}
		long distinct = new java.util.HashSet<>(ids).size();

		JsonNode done = imported(csv.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(done.path("rows_read").asLong()).isEqualTo(2_000);
		assertThat(done.path("imported").asLong()).isEqualTo(distinct);
		assertThat(done.path("duplicate").asLong()).isEqualTo(2_000 - distinct);
		assertThat(done.path("rejected").asLong()).isZero();
		Http.Response check = http.get("/api/v1/admin/ledger/check").bearer(admin).send();
		assertThat(check.json().path("ok").asBoolean()).as(check.toString()).isTrue();
		List<Object[]> figures = inProgram(program, () -> jdbc.sql("""
				SELECT (SELECT count(*) FROM loyalty.purchases WHERE business_id = :business),
				       (SELECT count(DISTINCT external_id) FROM loyalty.purchases WHERE business_id = :business),
				       (SELECT sum(bonuses_earned) FROM loyalty.purchases WHERE business_id = :business),
				       (SELECT sum(available + pending) FROM ledger.member_balances),
				       (SELECT count(*) FROM ledger.transactions t JOIN loyalty.purchases p ON p.id = t.source_id
				        WHERE t.reason = 'BUDGET_CONTRIBUTION' AND t.source_type = 'purchase'
				          AND p.business_id = :business)""")
			.param("business", business)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
					rs.getLong(5) })
			.list());
		Object[] f = figures.getFirst();
		assertThat(f[0]).as("purchases").isEqualTo(distinct);
		assertThat(f[1]).as("distinct external ids").isEqualTo(distinct);
		assertThat((java.math.BigDecimal) f[3]).as("the members' balances hold what the purchases earned")
			.isEqualByComparingTo((java.math.BigDecimal) f[2]);
		assertThat(f[4]).as("no batch fell back to the pipeline (a deadlock between batches would)").isEqualTo(0L);
	}

	@Test
	void anImportRecomputesItsBuyersStatusesWhenItEnds() {
		String day = yesterday("yyyy-MM-dd");
		String phone = Fixtures.phone();
		String member = fixtures.member(program, phone).path("user_id").asString();
		String csv = "date,customer_phone,amount,category\n" + day + "," + phone + ",20000,beauty_salon\n" + day + ","
				+ phone + ",6000,cosmetology\n" + day + "," + phone + ",5000,dentistry\n";

		JsonNode done = imported(csv.getBytes(StandardCharsets.UTF_8));

		assertThat(done.path("imported").asLong()).isEqualTo(3);
		assertThat(inProgram(program, () -> jdbc.sql("SELECT status FROM loyalty.member_status WHERE member_id = :m")
			.param("m", java.util.UUID.fromString(member))
			.query(String.class)
			.single())).as("31,000 in three categories").isEqualTo("vip");
	}

	@Test
	void reuploadingImportsNothingTwice() {
		String day = yesterday("yyyy-MM-dd");
		String first = "date,customer_phone,amount\n" + day + "," + Fixtures.phone() + ",100\n" + day + ","
				+ Fixtures.phone() + ",200\n";
		JsonNode done = imported(first.getBytes(StandardCharsets.UTF_8));

		Http.Response same = upload(first.getBytes(StandardCharsets.UTF_8));
		JsonNode overlapping = imported((first + day + "," + Fixtures.phone() + ",300\n").getBytes(StandardCharsets.UTF_8));

		assertThat(same.status()).isEqualTo(200);
		assertThat(same.text("import_id")).isEqualTo(done.path("import_id").asString());
		assertThat(overlapping.path("imported").asLong()).isEqualTo(1);
		assertThat(overlapping.path("duplicate").asLong()).isEqualTo(2);
		assertThat(purchases()).hasSize(3);
	}

	@Test
	void aFileWithoutTheRequiredColumnsFailsAsAWhole() {
		JsonNode done = imported("date;phone;note\n2025-01-01;+79991234567;x\n".getBytes(StandardCharsets.UTF_8));

		assertThat(done.path("status").asString()).isEqualTo("failed");
		assertThat(done.path("error").asString()).startsWith("Missing columns: amount");
		assertThat(purchases()).isEmpty();
	}

	@Test
	void importsJsonLines() {
		String lines = "{\"date\": \"" + yesterday("yyyy-MM-dd") + "\", \"customer_phone\": \"" + Fixtures.phone()
				+ "\", \"amount\": 990, \"external_id\": \"j-1\"}\nnot json\n";
		Http.Response queued = http.post("/api/v1/businesses/" + business + "/imports")
			.bearer(admin)
			.body("application/x-ndjson", lines.getBytes(StandardCharsets.UTF_8))
			.send();
		assertThat(queued.status()).as(queued.toString()).isEqualTo(202);

		JsonNode done = finished(queued.text("import_id"));

		assertThat(done.path("imported").asLong()).isEqualTo(1);
		assertThat(done.path("rejections").get(0).path("line").asLong()).isEqualTo(2);
		assertThat(purchase("csv:j-1").path("amount").decimalValue()).isEqualByComparingTo("990");
	}
}
