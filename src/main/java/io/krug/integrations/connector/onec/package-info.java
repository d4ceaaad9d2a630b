/**
 * The 1C:Enterprise connector: reads sales documents through the infobase's standard OData interface.
 */
@NullMarked
package io.krug.integrations.connector.onec;

import org.jspecify.annotations.NullMarked;
