/**
 * The partner businesses of a program: their categories, public catalog, services, contacts and promotions.
 */
@ApplicationModule(displayName = "Partners", allowedDependencies = { "platform", "identity" })
@NullMarked
package io.krug.partners;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
