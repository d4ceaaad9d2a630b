package io.krug.partners.internal;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A partial update of a category; missing fields are left as they are. The key never changes. */
public record CategoryChanges(
		@Nullable @Size(max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
		@Nullable Boolean medical, @Nullable Integer sortOrder) {
}
