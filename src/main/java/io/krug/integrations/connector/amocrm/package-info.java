/** The amoCRM connector: leads closed as won, with their main contact's phone. */
@NullMarked
package io.krug.integrations.connector.amocrm;

import org.jspecify.annotations.NullMarked;
