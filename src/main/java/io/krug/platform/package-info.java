/**
 * The shared kernel: programs (tenants) and row-level isolation, errors, ids, money, clock, idempotency keys,
 * rate limits, the SMS gateway and the web conventions every module follows.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
@NullMarked
package io.krug.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
