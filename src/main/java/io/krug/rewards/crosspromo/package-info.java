/**
 * Cross-promotions between partner businesses: a coupon of one business for another's customers, proposed,
 * accepted or declined, issued as customers buy, and its engaged revenue.
 */
@NullMarked
package io.krug.rewards.crosspromo;

import org.jspecify.annotations.NullMarked;
