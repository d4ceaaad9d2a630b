package io.krug.notifications.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.el.NoInvokeELResolver;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.InvalidArgumentException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.tree.Node;
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

	/**
	 * Parsed templates keyed by their text, so an edited template (a new version has a new text) is parsed afresh at
	 * once; only templates that parsed without errors are kept, so a broken one reports its errors on every render.
	 */
	private final Cache<String, Node> parsed = Caffeine.newBuilder().maximumSize(2_000).build();

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
	 * Renders {@code template} with {@code variables}. The template's context is a child of the one global context
	 * that holds Jinja's libraries and our helpers: Jinjava's own {@code renderForResult} copies that global context,
	 * every filter, function and tag of it, on every render, which was a quarter of the CPU of a purchase (its
	 * "bonuses earned" message renders several templates; measured with JFR under bench/run.sh). A template writes
	 * only to its own child context, so sharing the parent between threads is safe. The parsed tree of a template is
	 * kept ({@link #parsed}) and rendered again with the next variables: rendering reads the tree and writes only to
	 * the interpreter's context and output.
	 *
	 * @throws TemplateInvalid with the first error's line and column when the template does not parse or render
	 */
	public String render(String template, Map<String, ?> variables) {
		JinjavaConfig config = jinjava.getGlobalConfig();
		Context context = new Context(jinjava.getGlobalContext(), Map.copyOf(variables), config.getDisabled());
		JinjavaInterpreter interpreter = config.getInterpreterFactory().newInstance(jinjava, context, config);
		JinjavaInterpreter.pushCurrent(interpreter);
		String output;
		List<TemplateError> errors;
		try {
			output = interpreter.render(parse(interpreter, template));
			errors = interpreter.getErrorsCopy();
		}
		catch (TemplateSyntaxException ex) {
			throw invalid(TemplateError.fromException(ex));
		}
		catch (InterpretException ex) {
			throw invalid(TemplateError.fromSyntaxError(ex));
		}
		catch (InvalidArgumentException ex) {
			throw invalid(TemplateError.fromInvalidArgumentException(ex));
		}
		finally {
			JinjavaInterpreter.popCurrent();
		}
		errors.stream()
			.filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL
					|| e.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR)
			.findFirst()
			.ifPresent(first -> {
				throw invalid(first);
			});
		// as Jinjava does unless keepTrailingNewline is set
		return output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
	}

	private Node parse(JinjavaInterpreter interpreter, String template) {
		Node cached = parsed.getIfPresent(template);
		if (cached != null) {
			return cached;
		}
		Node root = interpreter.parse(template);
		if (interpreter.getErrorsCopy().isEmpty()) {
			parsed.put(template, root);
		}
		return root;
	}

	private static TemplateInvalid invalid(TemplateError error) {
		return new TemplateInvalid(error.getMessage(), error.getLineno(), Math.max(error.getStartPosition(), 0));
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
