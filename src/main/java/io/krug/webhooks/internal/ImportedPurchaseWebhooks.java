package io.krug.webhooks.internal;

import io.krug.loyalty.PurchasesImported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An import's batch of members' purchases gives each purchase its {@code purchase.recorded} webhook, as a purchase
 * recorded on its own does: logged and queued in the batch's transaction with the outbox's other events.
 */
@Component
class ImportedPurchaseWebhooks {

	private final WebhookOutbox outbox;

	ImportedPurchaseWebhooks(WebhookOutbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(PurchasesImported event) {
		outbox.acceptAll(event.purchases());
	}
}
