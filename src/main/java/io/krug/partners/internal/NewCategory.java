package io.krug.partners.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A category an admin adds to the program. */
public record NewCategory(
		@Schema(example = "fitness") @NotBlank @Size(max = 63) @Pattern(regexp = "^[a-z][a-z0-9]*(_[a-z0-9]+)*$",
				message = "must be snake_case: lower-case letters, digits and single underscores") String key,
		@Schema(example = "Фитнес") @NotBlank @Size(max = 100) String name, boolean medical, int sortOrder) {
}
