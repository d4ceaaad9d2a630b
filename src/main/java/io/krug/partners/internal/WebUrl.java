package io.krug.partners.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An absolute {@code http} or {@code https} URL with a host, at most 2000 characters. {@code null} and the empty
 * string pass (the empty string clears a field in a partial update).
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WebUrl.Validator.class)
public @interface WebUrl {

	String message() default "must be an http(s) URL";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link WebUrl}. */
	final class Validator implements ConstraintValidator<WebUrl, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isEmpty() || isWebUrl(value);
		}

		static boolean isWebUrl(String value) {
			if (value.length() > 2000) {
				return false;
			}
			try {
				URI uri = new URI(value);
				String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
				return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
			}
			catch (URISyntaxException ex) {
				return false;
			}
		}
	}
}
