/** The ledger's use cases and its SQL. */
@NullMarked
package io.krug.ledger.internal;

import org.jspecify.annotations.NullMarked;
