/**
 * Purchases at partner businesses and their refunds: earning and spending bonuses, the events-budget share, the
 * platform commission, and crediting purchases of phones that join later.
 */
@NullMarked
package io.krug.loyalty.purchases;

import org.jspecify.annotations.NullMarked;
