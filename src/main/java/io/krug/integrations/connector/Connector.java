package io.krug.integrations.connector;

/**
 * Reads one partner system's sales through its public API. Implementations are stateless Spring beans; everything
 * per business comes in {@link ConnectionSettings}. They never log or echo secrets, and they translate every failure
 * into a {@link ConnectorException} of the right {@link ConnectorException.Kind}: an HTTP 401/403 is {@code AUTH}, a
 * 429 is {@code RATE_LIMITED} (with the server's {@code Retry-After} when given), a 5xx or I/O failure is
 * {@code UNAVAILABLE}, an answer that does not parse or lacks required fields is {@code MALFORMED}.
 */
public interface Connector {

	/** What the connector is and which settings it needs; {@link ConnectorSpec#system()} is its unique key. */
	ConnectorSpec spec();

	/**
	 * One page of the sales that happened or changed in {@code [request.from(), request.to())}, in the system's own
	 * order, continuing after {@code request.cursor()} (start when {@code null}). A page either arrives whole or the
	 * call throws: the engine records nothing of a page that failed.
	 */
	FetchPage fetch(ConnectionSettings settings, FetchRequest request);

	/**
	 * Checks that the settings reach the system and authenticate (one cheap call), for the admin's "test connection".
	 */
	void check(ConnectionSettings settings);
}
