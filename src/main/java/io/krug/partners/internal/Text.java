package io.krug.partners.internal;

import org.jspecify.annotations.Nullable;

/** Free-text input rules: surrounding blanks are dropped and a blank value means "none". */
final class Text {

	private Text() {
	}

	static @Nullable String clean(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/** A partial update of one field: {@code null} keeps {@code current}, blank clears it, anything else replaces. */
	static @Nullable String merge(@Nullable String current, @Nullable String change) {
		return change == null ? current : clean(change);
	}
}
