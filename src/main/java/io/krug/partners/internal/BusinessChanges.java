package io.krug.partners.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A partial update of a business: a missing ({@code null}) field is left as it is; an empty string clears a text
 * field and an empty list clears a list. {@code categoryKey}, {@code active} and {@code joinedAt} are for platform
 * admins only; the business's owner may change the rest.
 */
public record BusinessChanges(
		@Nullable @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
		@Nullable @Size(max = 63) String categoryKey, @Nullable @Size(max = 5000) String description,
		@Nullable @Size(max = 500) String address, @Nullable @Valid OpeningHours hours,
		@Nullable @Valid Contacts contacts, @Nullable @WebUrl String logoUrl,
		@Nullable @Size(max = 30) List<@WebUrl String> galleryUrls,
		@Nullable @Size(max = 200) List<@Valid ServiceItem> services, @Nullable Boolean active,
		@Nullable LocalDate joinedAt) {

	/** Whether these changes touch a field only platform admins may change. */
	boolean touchesAdminFields() {
		return categoryKey != null || active != null || joinedAt != null;
	}

	/** Only a new description, e.g. for tests and simple callers. */
	public static BusinessChanges description(String description) {
		return new BusinessChanges(null, null, description, null, null, null, null, null, null, null, null);
	}

	/** Only a new active flag. */
	public static BusinessChanges active(boolean active) {
		return new BusinessChanges(null, null, null, null, null, null, null, null, null, active, null);
	}
}
