package io.krug.partners.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A business joining the program.
 *
 * @param joinedAt the day it joined; today in the program's time zone when omitted
 */
public record NewBusiness(@Schema(example = "Салон Миндаль") @NotBlank @Size(max = 200) String name,
		@Schema(example = "beauty_salon") @NotBlank @Size(max = 63) String categoryKey,
		@Nullable @Size(max = 5000) String description,
		@Schema(example = "Москва, ул. Пятницкая, 10") @Nullable @Size(max = 500) String address,
		@Nullable @Valid OpeningHours hours, @Nullable @Valid Contacts contacts,
		@Schema(example = "https://cdn.example/mindal/logo.png") @Nullable @WebUrl String logoUrl,
		@Nullable @Size(max = 30) List<@WebUrl String> galleryUrls,
		@Nullable @Size(max = 200) List<@Valid ServiceItem> services,
		@Schema(example = "2025-09-01") @Nullable LocalDate joinedAt) {

	/** A business with just a name and a category; the rest can be filled in later. */
	public static NewBusiness of(String name, String categoryKey) {
		return new NewBusiness(name, categoryKey, null, null, null, null, null, null, null, null);
	}
}
