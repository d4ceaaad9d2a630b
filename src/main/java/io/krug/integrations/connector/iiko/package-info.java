/**
 * The iiko connector: reads closed and cancelled delivery orders through the iikoCloud API.
 */
@NullMarked
package io.krug.integrations.connector.iiko;

import org.jspecify.annotations.NullMarked;
