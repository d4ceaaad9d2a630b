/**
 * Coupon campaigns of partner businesses, their bulk promo codes and member coupons, activation codes, redemption at
 * the till with the purchase, refunds returning coupons, expiry reminders, and what the module knows of members and
 * purchases from other modules' events.
 */
@NullMarked
package io.krug.rewards.coupons;

import org.jspecify.annotations.NullMarked;
