package io.krug.platform.sms;

import io.krug.platform.Ids;
import io.krug.platform.logging.Masking;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The {@link SmsSender}: delivers through the configured provider and records every message in the log. */
@Service
class SmsGateway implements SmsSender {

	private static final Logger log = LoggerFactory.getLogger(SmsGateway.class);

	private final SmsProvider provider;

	private final SmsMessageLog messageLog;

	private final Clock clock;

	SmsGateway(SmsProvider provider, SmsMessageLog messageLog, Clock clock) {
		this.provider = provider;
		this.messageLog = messageLog;
		this.clock = clock;
	}

	@Override
	public SmsReceipt send(SmsMessage message) {
		SmsProvider.Delivery delivery = deliver(message);
		SmsStatus status = delivery.sent() ? SmsStatus.SENT : SmsStatus.FAILED;
		String text = provider.recordsFullText() ? message.text() : Masking.mask(message.text());
		SmsMessageView entry = new SmsMessageView(Ids.newId(), message.phoneE164(), text, message.purpose(),
				provider.name(), status, delivery.providerMessageId(), delivery.error(), clock.instant());
		TenantContext.run(message.program(), () -> messageLog.record(entry));
		return new SmsReceipt(entry.id(), status, provider.name(), delivery.providerMessageId(), delivery.error());
	}

	private SmsProvider.Delivery deliver(SmsMessage message) {
		try {
			return provider.deliver(message);
		}
		catch (RuntimeException ex) {
			log.error("SMS provider '{}' failed unexpectedly", provider.name(), ex);
			return SmsProvider.Delivery.failed("Provider error: " + ex.getClass().getSimpleName());
		}
	}
}
