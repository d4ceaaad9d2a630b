package io.krug.platform.tenancy;

import java.util.UUID;

/** Identifies a program: one tenant of Krug, with its own members, partners, rules and data. */
public record ProgramId(UUID value) {

	public static ProgramId of(String value) {
		return new ProgramId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
