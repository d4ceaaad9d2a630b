package io.krug.loyalty.status;

import io.krug.identity.MemberProfileContributor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Adds to {@code GET /api/v1/users/me}: {@code total_purchases} (the member's purchases, refunded ones included),
 * {@code categories_visited} (distinct categories with positive net spend, all time) and {@code total_spent_12m}
 * (net spend over the rolling 12 months). The status itself comes from identity, which loyalty keeps in step.
 */
@Component
class LoyaltyProfileFigures implements MemberProfileContributor {

	private final StatusQueries queries;

	LoyaltyProfileFigures(StatusQueries queries) {
		this.queries = queries;
	}

	@Override
	public Map<String, Object> contribute(UUID memberId) {
		StatusQueries.ProfileFigures figures = queries.profile(memberId);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("total_purchases", figures.totalPurchases());
		fields.put("categories_visited", figures.categoriesVisited());
		fields.put("total_spent_12m", figures.totalSpent12m());
		return fields;
	}
}
