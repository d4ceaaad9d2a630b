/**
 * The points ledger: double-entry accounts and append-only postings of bonus points, members' pending and
 * available balances, lots that become available and expire, refunds and restores as linked reversals, and the
 * payables between partners that cross-redemption creates.
 */
@ApplicationModule(displayName = "Ledger", allowedDependencies = { "platform", "identity" })
@NullMarked
package io.krug.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
