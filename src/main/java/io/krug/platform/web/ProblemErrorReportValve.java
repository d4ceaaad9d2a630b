package io.krug.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests Tomcat rejects before they reach Spring (an unencoded character in the URL, a malformed request line)
 * get a problem document too, not Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
			return;
		}
		ErrorCode error = Problems.forStatus(org.springframework.http.HttpStatusCode.valueOf(status));
		String json = "{\"type\":\"" + Problems.TYPE_BASE + error.code().replace('_', '-') + "\",\"title\":\""
				+ error.title() + "\",\"status\":" + status + ",\"detail\":\"The server could not read this request: "
				+ "check the URL is percent-encoded.\",\"code\":\"" + error.code() + "\"}";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(json);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ignored) {
			// the client is gone; nothing more to say
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
			return factory -> factory.addContextCustomizers(context -> {
				if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			});
		}
	}
}
