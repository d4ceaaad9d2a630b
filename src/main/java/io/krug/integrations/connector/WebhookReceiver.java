package io.krug.integrations.connector;

import java.util.List;

/**
 * A {@link Connector} whose system pushes changes to {@code POST /api/v1/integrations/{id}/webhook}. The engine has
 * checked the integration's webhook token before calling; the receiver reads the payload in its system's documented
 * shape and returns the sales it reports, fetching from the system what the payload only names.
 */
public interface WebhookReceiver {

	/**
	 * @throws ConnectorException {@code MALFORMED} when the payload is not the system's; the others as
	 *     {@link Connector#fetch} when fetching fails
	 */
	List<ExternalSale> receive(ConnectionSettings settings, InboundWebhook webhook);
}
