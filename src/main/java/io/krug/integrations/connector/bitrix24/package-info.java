/**
 * The Bitrix24 connector: reads won and lost CRM deals and their contacts' phones through an inbound webhook.
 */
@NullMarked
package io.krug.integrations.connector.bitrix24;

import org.jspecify.annotations.NullMarked;
