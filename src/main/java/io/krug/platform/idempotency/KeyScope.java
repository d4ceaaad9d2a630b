package io.krug.platform.idempotency;

import io.krug.platform.tenancy.ProgramId;

/** An idempotency key as seen by one caller of one program: the unit of uniqueness. */
record KeyScope(ProgramId program, String principal, String key) {
}
