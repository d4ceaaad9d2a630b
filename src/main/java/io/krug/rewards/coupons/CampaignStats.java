package io.krug.rewards.coupons;

import java.math.BigDecimal;

/**
 * What a campaign gave and cost. Sums are over redemptions whose purchase was not refunded in full.
 *
 * @param issued coupons issued to members
 * @param codes bearer promo codes generated
 * @param redeemed coupons redeemed now (a refunded purchase's returned coupon is not)
 * @param redemptions redemptions that stand
 * @param refunded redemptions whose purchase was refunded in full
 * @param checks the checks before discounts
 * @param paid what customers paid
 * @param discounts discounts given: the partner's cost
 * @param bonuses bonuses credited by bonus coupons
 * @param gifts the worth of gifts given
 * @param crossBonuses members' cross bonuses of engaged purchases
 * @param engagedRevenue what customers paid in purchases a cross-promotion brought
 */
public record CampaignStats(Campaign campaign, long issued, long codes, long redeemed, long redemptions, long refunded,
		BigDecimal checks, BigDecimal paid, BigDecimal discounts, BigDecimal bonuses, BigDecimal gifts,
		BigDecimal crossBonuses, BigDecimal engagedRevenue) {
}
