/** The webhook module's catalog, outbox, delivery worker and SQL. */
@NullMarked
package io.krug.webhooks.internal;

import org.jspecify.annotations.NullMarked;
