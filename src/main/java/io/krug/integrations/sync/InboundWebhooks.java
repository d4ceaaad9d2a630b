package io.krug.integrations.sync;

import io.krug.integrations.connector.ConnectionSettings;
import io.krug.integrations.connector.ConnectorException;
import io.krug.integrations.connector.InboundWebhook;
import io.krug.integrations.connector.WebhookReceiver;
import io.krug.platform.crypto.Hashing;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives a partner system's push for one integration: finds the integration across programs, checks the
 * integration's webhook token in constant time (neither YCLIENTS nor amoCRM sign their webhooks, so the token in the
 * URL is the proof), and records the reported sales through the same {@link SaleRecorder} as the sync, so a webhook
 * and a later sync of the same sale make one purchase.
 */
@Service
class InboundWebhooks {

	private static final Logger log = LoggerFactory.getLogger(InboundWebhooks.class);

	private final IntegrationStore store;

	private final IntegrationService integrations;

	private final Connectors connectors;

	private final SyncEngine engine;

	private final TransactionTemplate tx;

	InboundWebhooks(IntegrationStore store, IntegrationService integrations, Connectors connectors, SyncEngine engine,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.integrations = integrations;
		this.connectors = connectors;
		this.engine = engine;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * @throws io.krug.platform.web.KrugException 401 {@code webhook_rejected} (no such integration, disabled, or
	 *     wrong token: one answer for all), 404 {@code webhooks_unsupported}, 400 {@code webhook_malformed}
	 */
	SyncSummary receive(UUID integrationId, @Nullable String token, InboundWebhook webhook) {
		ProgramId program = TenantContext.callAsSystem(() -> tx.execute(s -> store.programOf(integrationId)))
			.orElseThrow(InboundWebhooks::rejected);
		return TenantContext.call(program, () -> {
			Integration integration = tx.execute(s -> store.find(integrationId)).orElseThrow(InboundWebhooks::rejected);
			if (!integration.enabled() || token == null
					|| !Hashing.constantTimeEquals(token, integrations.webhookToken(integration))) {
				throw rejected();
			}
			if (!(connectors.get(integration.system()) instanceof WebhookReceiver receiver)) {
				throw IntegrationError.WEBHOOKS_UNSUPPORTED
					.exception(integration.system() + " does not push webhooks; it is synced on schedule.");
			}
			ConnectionSettings connection = integrations.settings(integration);
			try {
				return engine.receive(integration, receiver.receive(connection, webhook), connection);
			}
			catch (ConnectorException ex) {
				log.warn("Webhook of integration {} failed: {}", integrationId, ex.getMessage());
				if (ex.kind() == ConnectorException.Kind.MALFORMED) {
					throw IntegrationError.WEBHOOK_MALFORMED.exception(ex.getMessage());
				}
				throw IntegrationError.SOURCE_UNAVAILABLE.exception(ex.getMessage());
			}
		});
	}

	/** The one answer to every webhook that does not prove itself. */
	private static RuntimeException rejected() {
		return IntegrationError.WEBHOOK_REJECTED.exception("Unknown integration or wrong webhook token.");
	}
}
