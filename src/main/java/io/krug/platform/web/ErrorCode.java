package io.krug.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A stable, documented error: each module has one enum implementing this. The {@link #code()} is part of the
 * public API (clients branch on it) and never changes once released.
 */
public interface ErrorCode {

	/**
	 * The stable snake_case code, e.g. {@code insufficient_balance}: by default the enum constant's name in lower
	 * case, so each module's error enum only declares its constants.
	 */
	default String code() {
		return ((Enum<?>) this).name().toLowerCase(java.util.Locale.ROOT);
	}

	HttpStatus status();

	/** A short human-readable summary, the problem's {@code title}. */
	String title();

	default KrugException exception(String detail) {
		return new KrugException(this, detail);
	}

	default KrugException exception() {
		return new KrugException(this, title());
	}
}
