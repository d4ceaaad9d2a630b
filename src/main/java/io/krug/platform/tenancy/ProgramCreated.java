package io.krug.platform.tenancy;

/** Published in the transaction that created a program, so modules can set up its defaults. */
public record ProgramCreated(ProgramId programId, String slug, boolean isDefault) {
}
