/** The webhook module's HTTP API. */
@NullMarked
package io.krug.webhooks.web;

import org.jspecify.annotations.NullMarked;
