/**
 * Integrations and their sync: configuration per business, the scheduled and on-demand sync engine, and the
 * inbound webhook, with their HTTP API.
 */
@NullMarked
package io.krug.integrations.sync;

import org.jspecify.annotations.NullMarked;
