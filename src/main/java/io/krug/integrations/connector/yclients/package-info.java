/** The YCLIENTS connector: paid visits (records) of a company with their clients' phones. */
@NullMarked
package io.krug.integrations.connector.yclients;

import org.jspecify.annotations.NullMarked;
