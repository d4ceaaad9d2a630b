package io.krug.platform.tenancy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;

/** A program: one club or product running on Krug, with its own time zone for business dates and currency. */
public record Program(ProgramId id, String slug, String name, ZoneId timeZone, Currency currency, boolean isDefault,
		Instant createdAt) {
}
