/**
 * The connector SPI: one Spring bean per partner system ({@code yclients}, {@code amocrm}, {@code onec},
 * {@code iiko}, {@code bitrix24}, {@code renovatio}) that reads the system's sales in a time window, page by page.
 * The sync engine owns scheduling, cursors, retries, matching buyers and recording purchases; a connector only
 * speaks its system's documented API.
 */
@NullMarked
package io.krug.integrations.connector;

import org.jspecify.annotations.NullMarked;
