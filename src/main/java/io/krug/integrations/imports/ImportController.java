package io.krug.integrations.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Imports", description = """
		Purchases from a file, for businesses without an API (seed 003 "ConnectorCSV"). Columns date, customer_phone, \
		amount, and optionally description, external_id, category; headers in English or Russian (дата, телефон, \
		сумма, описание, номер чека, категория); separators , ; or tab and UTF-8 or Windows-1251, detected. Each row \
		becomes a purchase through the same pipeline as POST /api/v1/purchases (channel import). Re-uploading the same \
		file answers the first import; a row already imported (same external_id, or without one the same date, \
		phone, amount, description and category) is a duplicate and records nothing. The file's hash is the upload's \
		idempotency: no Idempotency-Key is needed. Business staff (configure_integrations or \
		manual_transaction_entry) import for their own business; platform admins for any.""")
class ImportController {

	static final String IMPORT = "hasAuthority('configure_integrations') or hasAuthority('manual_transaction_entry')";

	static final int SHOWN_REJECTIONS = 100;

	private final ImportService imports;

	private final ImportStore store;

	private final TransactionOperations tx;

	ImportController(ImportService imports, ImportStore store,
			PlatformTransactionManager transactions) {
		this.imports = imports;
		this.store = store;
		this.tx = new TransactionTemplate(transactions);
	}

	@PostMapping(path = "/api/v1/businesses/{businessId}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(IMPORT)
	@Operation(summary = "Import purchases from a CSV file (multipart, part \"file\")")
	@ApiResponse(responseCode = "202", description = "Queued: follow its progress at the Location")
	@ApiResponse(responseCode = "200", description = "The business uploaded these exact bytes before: that import")
	@ApiResponse(responseCode = "404", description = "business_not_found")
	@ApiResponse(responseCode = "413", description = "payload_too_large (over 512 MB)")
	@ApiResponse(responseCode = "422", description = "file_empty")
	ResponseEntity<ImportView> uploadCsv(@PathVariable UUID businessId, @RequestPart("file") MultipartFile file) {
		return answer(imports.upload(businessId, file, file.getOriginalFilename(), "csv"));
	}

	@PostMapping(path = "/api/v1/businesses/{businessId}/imports", consumes = "application/x-ndjson")
	@PreAuthorize(IMPORT)
	@Operation(summary = "Import purchases from JSON lines",
			description = "One object a line with the CSV's column names as keys, e.g. {\"date\": \"2025-11-15\", "
					+ "\"customer_phone\": \"+79991234567\", \"amount\": 3000}. The body is limited like every JSON "
					+ "body (1 MB); send larger files as CSV.")
	@ApiResponse(responseCode = "202", description = "Queued")
	@ApiResponse(responseCode = "200", description = "The same bytes were uploaded before: that import")
	@ApiResponse(responseCode = "404", description = "business_not_found")
	@ApiResponse(responseCode = "422", description = "file_empty")
	ResponseEntity<ImportView> uploadJsonLines(@PathVariable UUID businessId, @RequestBody byte[] body) {
		return answer(imports.upload(businessId, new ByteArrayResource(body), null, "jsonl"));
	}

	@GetMapping("/api/v1/businesses/{businessId}/imports/{importId}")
	@PreAuthorize(IMPORT)
	@Operation(summary = "An import's progress",
			description = "Rows read, imported, duplicate and rejected; the first " + SHOWN_REJECTIONS
					+ " rejected rows with their line (the header is line 1) and reason; all of them in rejected.csv.")
	@ApiResponse(responseCode = "404", description = "business_not_found, import_not_found")
	ImportView get(@PathVariable UUID businessId, @PathVariable UUID importId) {
		return view(imports.get(businessId, importId), true);
	}

	@GetMapping(path = "/api/v1/businesses/{businessId}/imports/{importId}/rejected.csv", produces = "text/csv")
	@PreAuthorize(IMPORT)
	@Operation(summary = "The rejected rows as CSV: line, reason, row")
	@ApiResponse(responseCode = "200", description = "The rows", content = @Content(mediaType = "text/csv",
			schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "404", description = "business_not_found, import_not_found")
	void rejected(@PathVariable UUID businessId, @PathVariable UUID importId, HttpServletResponse response)
			throws IOException {
		imports.get(businessId, importId);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"rejected-" + importId + ".csv\"");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("line", "reason", "row")
			.get())) {
			long after = 0;
			for (List<ImportStore.Rejection> page = page(importId, after); !page.isEmpty(); page = page(importId,
					after)) {
				for (ImportStore.Rejection r : page) {
					csv.printRecord(r.line(), r.reason(), r.raw());
					after = r.line();
				}
			}
		}
	}

	private List<ImportStore.Rejection> page(UUID importId, long after) {
		return tx.execute(s -> store.rejections(importId, after, 1000));
	}

	private ResponseEntity<ImportView> answer(ImportService.Upload upload) {
		ImportRecord record = upload.record();
		return ResponseEntity.status(upload.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
			.location(URI.create("/api/v1/businesses/" + record.businessId() + "/imports/" + record.id()))
			.body(view(record, false));
	}

	private ImportView view(ImportRecord r, boolean withRejections) {
		List<RejectionView> rejections = withRejections
				? tx.execute(s -> store.rejections(r.id(), 0, SHOWN_REJECTIONS))
					.stream()
					.map(x -> new RejectionView(x.line(), x.reason()))
					.toList()
				: List.of();
		return new ImportView(r.id(), r.businessId(), r.status(), r.format(), r.fileName(), r.sizeBytes(),
				r.fileSha256(), r.rowsRead(), r.imported(), r.duplicate(), r.rejected(), r.error(), rejections,
				r.createdAt(), r.startedAt(), r.finishedAt());
	}

	record ImportView(UUID importId, UUID businessId,
			@Schema(description = "queued, running, completed, failed") String status, String format,
			@Nullable String fileName, long sizeBytes, String fileSha256, long rowsRead, long imported, long duplicate,
			long rejected, @Schema(description = "why the file as a whole failed") @Nullable String error,
			List<RejectionView> rejections, Instant createdAt, @Nullable Instant startedAt,
			@Nullable Instant finishedAt) {
	}

	record RejectionView(long line, String reason) {
	}
}
