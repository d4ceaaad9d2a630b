package io.krug.integrations.connector;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * How long connectors wait for partner systems: {@code krug.integrations.connect-timeout} (5 s) to connect and
 * {@code krug.integrations.read-timeout} (30 s) for an answer.
 */
@Component
public class ConnectorTimeouts {

	private final Duration connect;

	private final Duration read;

	ConnectorTimeouts(@Value("${krug.integrations.connect-timeout:5s}") Duration connect,
			@Value("${krug.integrations.read-timeout:30s}") Duration read) {
		this.connect = connect;
		this.read = read;
	}

	public Duration connect() {
		return connect;
	}

	public Duration read() {
		return read;
	}

	/** A copy of the builder whose requests go through a JDK client bounded by these timeouts, never redirected. */
	public RestClient.Builder apply(RestClient.Builder builder) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(connect).followRedirects(HttpClient.Redirect.NEVER).build());
		factory.setReadTimeout(read);
		return builder.clone().requestFactory(factory);
	}
}
