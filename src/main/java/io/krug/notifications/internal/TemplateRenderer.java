package io.krug.notifications.internal;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.el.NoInvokeELResolver;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.List;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.MethodNotFoundException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders Jinja templates with Jinjava, sandboxed: no method may be called on any value (a template that tries is
 * rejected as invalid; only the given variables, Jinja's filters and our helpers are reachable), output is capped at 256 KB and ranges at 1,000 items.
 */
@Component
public class TemplateRenderer {

	private final Jinjava jinjava;

	TemplateRenderer() {
		JinjavaConfig config = JinjavaConfig.newBuilder()
			.withElResolver(new NoMethodCalls())
			.withMaxOutputSize(256 * 1024)
			.withRangeLimit(1_000)
			.withFailOnUnknownTokens(false)
			.build();
		this.jinjava = new Jinjava(config);
		register("format_date", "formatDate", Object.class, String.class, String.class);
		register("format_time", "formatTime", Object.class, String.class);
		register("format_currency", "formatCurrency", Object.class, String.class, String.class);
		register("pluralize", "pluralize", Object.class, String.class, String.class, String.class);
	}

	private void register(String name, String method, Class<?>... parameters) {
		jinjava.getGlobalContext()
			.registerFunction(new ELFunctionDefinition("", name, TemplateHelpers.class, method, parameters));
	}

	/**
	 * Renders {@code template} with {@code variables}.
	 *
	 * @throws TemplateInvalid with the first error's line and column when the template does not parse or render
	 */
	public String render(String template, Map<String, ?> variables) {
		RenderResult result = jinjava.renderForResult(template, Map.copyOf(variables));
		List<TemplateError> errors = result.getErrors()
			.stream()
			.filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL
					|| e.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR)
			.toList();
		if (!errors.isEmpty()) {
			TemplateError first = errors.getFirst();
			throw new TemplateInvalid(first.getMessage(), first.getLineno(), Math.max(first.getStartPosition(), 0));
		}
		return result.getOutput();
	}

	/**
	 * Property reads only: a method call on any value fails the template. Jinjava's own objects (its filters are
	 * invoked as methods) are the one exception; templates receive only strings, numbers, lists and maps.
	 */
	private static final class NoMethodCalls extends NoInvokeELResolver {

		NoMethodCalls() {
			super(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
		}

		@Override
		public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
			if (base != null && base.getClass().getName().startsWith("com.hubspot.jinjava.")) {
				return JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY.invoke(context, base, method, types,
						params);
			}
			throw new MethodNotFoundException("Templates may not call methods: " + method);
		}
	}

	/** A template that does not parse or render; line and column are 1-based (column 0 when unknown). */
	public static final class TemplateInvalid extends RuntimeException {

		private final int line;

		private final int column;

		TemplateInvalid(String message, int line, int column) {
			super(message);
			this.line = line;
			this.column = column;
		}

		public int line() {
			return line;
		}

		public int column() {
			return column;
		}
	}
}
