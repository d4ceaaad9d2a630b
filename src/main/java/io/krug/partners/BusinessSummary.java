package io.krug.partners;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What other modules may know of a partner business.
 *
 * @param categoryKey the key of its category
 * @param medical whether its category is medical (see {@link Category#medical()})
 * @param active inactive businesses left the program and take no new purchases
 * @param joinedAt the day it joined the program, in the program's time zone
 */
public record BusinessSummary(UUID id, String name, String categoryKey, boolean medical, boolean active,
		LocalDate joinedAt) {
}
