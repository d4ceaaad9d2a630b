package io.krug.loyalty.purchases;

import io.krug.partners.BusinessSummary;
import io.krug.partners.PartnersApi;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks what a purchase names against the program: the business (active; as {@link Businesses} keeps it), the
 * category, the source business, and when it occurred ({@code krug.purchases.max-clock-skew} ahead of now at most,
 * {@code krug.purchases.max-age} ago at most).
 */
@Component
class PurchaseInputs {

	private final PartnersApi partners;

	private final Businesses businesses;

	private final Duration maxClockSkew;

	private final Duration maxAge;

	PurchaseInputs(PartnersApi partners, Businesses businesses,
			@Value("${krug.purchases.max-clock-skew:5m}") Duration maxClockSkew,
			@Value("${krug.purchases.max-age:365d}") Duration maxAge) {
		this.partners = partners;
		this.businesses = businesses;
		this.maxClockSkew = maxClockSkew;
		this.maxAge = maxAge;
	}

	/** When the purchase occurred, at the database's precision; {@code now} when not given. */
	Instant occurredAt(@Nullable Instant requested, Instant now) {
		if (requested == null) {
			return now;
		}
		if (requested.isAfter(now.plus(maxClockSkew))) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "occurred_at", "must not be in the future");
		}
		if (requested.isBefore(now.minus(maxAge))) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "occurred_at",
					"must be within the last " + maxAge.toDays() + " days");
		}
		return requested.truncatedTo(ChronoUnit.MICROS);
	}

	BusinessSummary business(UUID businessId) {
		BusinessSummary business = businesses.find(businessId)
			.orElseThrow(() -> PurchaseError.BUSINESS_NOT_FOUND.exception("No business " + businessId + "."));
		if (!business.active()) {
			throw PurchaseError.BUSINESS_INACTIVE.exception("Business " + businessId + " has left the program.");
		}
		return business;
	}

	/** The purchase's category: the business's unless another one of the program is named. */
	PurchaseCategory category(@Nullable String requested, BusinessSummary business) {
		if (requested == null || requested.equals(business.categoryKey())) {
			return new PurchaseCategory(business.categoryKey(), business.medical());
		}
		return partners.findCategory(requested)
			.map(c -> new PurchaseCategory(c.key(), c.medical()))
			.orElseThrow(() -> KrugException.field(PurchaseError.UNKNOWN_CATEGORY, "category",
					"No category '" + requested + "' in this program."));
	}

	record PurchaseCategory(String key, boolean medical) {
	}

	void requireSourceBusiness(@Nullable UUID source, UUID business) {
		if (source != null && (source.equals(business) || businesses.find(source).isEmpty())) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "source_business_id",
					"must be another business of this program");
		}
	}
}
