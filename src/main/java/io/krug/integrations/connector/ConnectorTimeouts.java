package io.krug.integrations.connector;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

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
}
