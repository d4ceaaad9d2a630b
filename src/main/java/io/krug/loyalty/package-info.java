/**
 * The coalition's loyalty core: purchases at partner businesses, earning and spending bonuses by the program's
 * rules, statuses (tiers) and badges, the member's QR card, the events-budget share and the platform commission.
 */
@ApplicationModule(displayName = "Loyalty", allowedDependencies = { "platform", "identity", "partners", "ledger" })
@NullMarked
package io.krug.loyalty;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
