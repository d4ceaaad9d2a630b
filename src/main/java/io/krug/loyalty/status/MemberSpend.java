package io.krug.loyalty.status;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What a member's purchases add up to. Net spend is {@code amount - refunded_amount} of every purchase that is not
 * unmatched; a category counts as visited when the member's net spend in it is positive (a fully refunded purchase
 * visits nothing).
 *
 * @param spentInWindow net spend over the rolling 12 months
 * @param categoriesInWindow categories visited over the rolling 12 months
 * @param spentEver net spend of all time
 * @param categoriesEver categories visited ever
 * @param purchases number of the member's purchases of all time, refunded ones included
 */
record MemberSpend(BigDecimal spentInWindow, Set<String> categoriesInWindow, BigDecimal spentEver,
		Set<String> categoriesEver, long purchases) {

	static final MemberSpend NONE = new MemberSpend(BigDecimal.ZERO, Set.of(), BigDecimal.ZERO, Set.of(), 0);
}
