package io.krug.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/** Finds, from a servlet filter, the {@link Idempotent} annotation of the controller method a request maps to. */
@Component
class IdempotentHandlers {

	private final ObjectProvider<RequestMappingHandlerMapping> mapping;

	IdempotentHandlers(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping) {
		this.mapping = mapping;
	}

	/** The annotation of the request's handler method, or null when it has none (or no handler matches). */
	@Nullable Idempotent find(HttpServletRequest request) {
		Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		try {
			ServletRequestPathUtils.parseAndCache(request);
			HandlerExecutionChain chain = mapping.getObject().getHandler(request);
			return chain != null && chain.getHandler() instanceof HandlerMethod method
					? method.getMethodAnnotation(Idempotent.class) : null;
		}
		catch (Exception ex) {
			// No match, or not acceptable: the dispatcher will answer that request itself.
			return null;
		}
		finally {
			ServletRequestPathUtils.setParsedRequestPath((RequestPath) previous, request);
		}
	}
}
