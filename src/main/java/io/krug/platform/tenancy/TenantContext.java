package io.krug.platform.tenancy;

import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The program the current thread works for. Every transaction started while it is set carries it to PostgreSQL as
 * the {@code krug.program_id} setting, which the row-level security policies compare with each row's
 * {@code program_id}. With nothing set, tenant-owned tables show no rows at all.
 */
public final class TenantContext {

	private static final String SYSTEM = "*";

	private static final ThreadLocal<@Nullable String> CURRENT = new ThreadLocal<>();

	private TenantContext() {
	}

	/** The program of the current thread; empty outside a program (or in system scope). */
	public static Optional<ProgramId> current() {
		String value = CURRENT.get();
		return value == null || SYSTEM.equals(value) ? Optional.empty() : Optional.of(ProgramId.of(value));
	}

	public static ProgramId require() {
		return current().orElseThrow(() -> new IllegalStateException("No program in context; indicates a bug"));
	}

	/** Runs {@code work} on behalf of one program and restores the previous context afterwards. */
	public static <T> T call(ProgramId program, Supplier<T> work) {
		return callWith(program.toString(), work);
	}

	public static void run(ProgramId program, Runnable work) {
		call(program, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Runs {@code work} across all programs: only for lookups that must find the program first (resolving a token
	 * or an API key) and for jobs that visit every program. Keep such code small and obvious.
	 */
	public static <T> T callAsSystem(Supplier<T> work) {
		return callWith(SYSTEM, work);
	}

	static @Nullable String setting() {
		return CURRENT.get();
	}

	/** For the web edge: binds the request's program until {@link #clear()}. */
	public static void bind(ProgramId program) {
		CURRENT.set(program.toString());
	}

	public static void clear() {
		CURRENT.remove();
	}

	private static <T> T callWith(String value, Supplier<T> work) {
		String previous = CURRENT.get();
		CURRENT.set(value);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		}
	}
}
