package io.krug.platform.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers messages to the log: one line per message with the phone, purpose and full text, for development and for
 * installations without an SMS gateway. The JSON log format leaves exactly this logger unmasked (see
 * {@code KrugJsonFormat}), so an operator can read the codes.
 */
class LogSmsProvider implements SmsProvider {

	static final String NAME = "log";

	private static final Logger log = LoggerFactory.getLogger(LogSmsProvider.class);

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Delivery deliver(SmsMessage message) {
		log.info("SMS to {} [{}]: {}", message.phoneE164(), message.purpose(), message.text());
		return Delivery.sent(null);
	}

	@Override
	public boolean recordsFullText() {
		return true;
	}
}
