package io.krug.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.test.ApiTest;
import io.krug.test.Http;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sends wrong bodies to every POST, PUT and PATCH endpoint the service has (found at run time, so new endpoints are
 * covered without touching this test) and checks each answer is a 4xx problem, never a 500.
 */
class MalformedRequestTests extends ApiTest {

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record Endpoint(String method, String path, Class<?> bodyType) {
	}

	@Test
	void everyWriteEndpointAnswersBadBodiesWithA4xxProblem() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String member = fixtures.memberToken(program);
		List<Endpoint> endpoints = writeEndpoints();
		assertThat(endpoints).as("endpoints found").hasSizeGreaterThan(5);
		List<String> failures = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			for (String token : List.of(admin, member)) {
				for (Map.Entry<String, byte[]> bad : badBodies(endpoint).entrySet()) {
					Http.Response response = call(endpoint, token).body("application/json", bad.getValue()).send();
					check(endpoint, bad.getKey(), response, failures);
				}
				Http.Response wrongType = call(endpoint, token).body("text/plain", "hello".getBytes()).send();
				check(endpoint, "text/plain body", wrongType, failures);
				Http.Response huge = call(endpoint, token)
					.body("application/json", ("{\"x\":\"" + "a".repeat(1_100_000) + "\"}").getBytes())
					.send();
				check(endpoint, "body over 1 MB", huge, failures);
				if (huge.status() != 413 && huge.status() != 401 && huge.status() != 403) {
					failures.add(endpoint + " body over 1 MB -> " + huge.status() + " (expected 413)");
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	private Http.Call call(Endpoint endpoint, String token) {
		String path = endpoint.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
		Http.Call call = switch (endpoint.method()) {
			case "POST" -> http.post(path);
			case "PUT" -> http.put(path);
			default -> http.patch(path);
		};
		return call.bearer(token).idempotencyKey(UUID.randomUUID().toString());
	}

	private static void check(Endpoint endpoint, String what, Http.Response response, List<String> failures) {
		if (response.status() >= 500 || response.status() < 400) {
			if (!(what.equals("empty object") && response.status() < 300)) {
				failures.add(endpoint + " " + what + " -> " + response.status() + " " + abbreviate(response.body()));
			}
			return;
		}
		if (!response.contentType().startsWith("application/problem+json")) {
			failures.add(endpoint + " " + what + " -> " + response.status() + " without a problem document");
		}
	}

	private Map<String, byte[]> badBodies(Endpoint endpoint) {
		Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
		bodies.put("malformed JSON", "{\"a\": ".getBytes());
		bodies.put("array instead of object", "[1, 2]".getBytes());
		bodies.put("JSON null", "null".getBytes());
		bodies.put("empty body", new byte[0]);
		bodies.put("empty object", "{}".getBytes());
		if (endpoint.bodyType().isRecord()) {
			for (RecordComponent component : endpoint.bodyType().getRecordComponents()) {
				String field = component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
				bodies.put("wrong type for " + field,
						("{\"" + field + "\": " + wrongValue(component.getType()) + "}").getBytes());
			}
		}
		return bodies;
	}

	private static String wrongValue(Class<?> type) {
		if (type == String.class) {
			return "{\"nested\": true}";
		}
		if (type.isEnum()) {
			return "\"no_such_value\"";
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return "\"not-a-list\"";
		}
		return "\"not-a-" + type.getSimpleName().toLowerCase() + "\"";
	}

	private List<Endpoint> writeEndpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
				if (!parameter.hasParameterAnnotation(RequestBody.class)) {
					continue;
				}
				for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
					if (method == RequestMethod.POST || method == RequestMethod.PUT || method == RequestMethod.PATCH) {
						for (String path : entry.getKey().getPatternValues()) {
							if (path.startsWith("/api/")) {
								endpoints.add(new Endpoint(method.name(), path, parameter.getParameterType()));
							}
						}
					}
				}
			}
		}
		return endpoints;
	}

	private static String abbreviate(String body) {
		return body.length() > 300 ? body.substring(0, 300) + "…" : body;
	}
}
