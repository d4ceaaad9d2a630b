/**
 * Demo data ({@code --krug.demo=true}): the seed's pilot club, recorded through the real modules' public APIs.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = { "platform", "identity", "partners", "ledger",
		"loyalty :: purchases", "loyalty :: status-jobs", "events" })
@NullMarked
package io.krug.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
