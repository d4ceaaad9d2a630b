/** The ledger's administration endpoints. */
@NullMarked
package io.krug.ledger.web;

import org.jspecify.annotations.NullMarked;
