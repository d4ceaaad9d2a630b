package io.krug.partners.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * How members reach a business. In a partial update a missing field is left as it is and an empty string clears
 * it.
 *
 * @param bookingUrl where the "Записаться" button leads: the business's own booking system
 */
public record Contacts(
		@Schema(example = "+7 495 123-45-67") @Nullable @Pattern(regexp = "^$|^[+0-9()\\- ]{5,32}$",
				message = "must be a phone number") String phone,
		@Schema(example = "hello@mindal.example") @Nullable @Email @Size(max = 254) String email,
		@Schema(example = "https://mindal.example") @Nullable @WebUrl String website,
		@Schema(example = "https://n123.yclients.com/") @Nullable @WebUrl String bookingUrl) {

	static final Contacts NONE = new Contacts(null, null, null, null);

	/** These contacts with the fields {@code changes} has replaced; empty strings clear. */
	Contacts merge(@Nullable Contacts changes) {
		if (changes == null) {
			return this;
		}
		return new Contacts(Text.merge(phone, changes.phone), Text.merge(email, changes.email),
				Text.merge(website, changes.website), Text.merge(bookingUrl, changes.bookingUrl));
	}

	Contacts normalized() {
		return new Contacts(Text.clean(phone), Text.clean(email), Text.clean(website), Text.clean(bookingUrl));
	}
}
