package io.krug.integrations.imports;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The import API's errors; {@link #code()} is public API. */
enum ImportError implements ErrorCode {

	/** No such business in the program, or one the caller may not import for. */
	BUSINESS_NOT_FOUND(HttpStatus.NOT_FOUND, "Business not found"),
	IMPORT_NOT_FOUND(HttpStatus.NOT_FOUND, "Import not found"),
	FILE_EMPTY(HttpStatus.UNPROCESSABLE_CONTENT, "The file is empty"),
	UNSUPPORTED_FORMAT(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send a multipart file or application/x-ndjson");

	private final HttpStatus status;

	private final String title;

	ImportError(HttpStatus status, String title) {
		this.status = status;
		this.title = title;
	}

	@Override
	public HttpStatus status() {
		return status;
	}

	@Override
	public String title() {
		return title;
	}
}
