package io.krug.platform.sms;

import org.jspecify.annotations.Nullable;

/** A way to deliver text messages; {@link SmsGateway} records what each delivery did. */
interface SmsProvider {

	/** The provider's name in the message log. */
	String name();

	/** Delivers one message; reports failure in the result instead of throwing. */
	Delivery deliver(SmsMessage message);

	/** Whether the message log may keep the full text (only where the text is already in the logs anyway). */
	boolean recordsFullText();

	/** The outcome of one delivery. */
	record Delivery(boolean sent, @Nullable String providerMessageId, @Nullable String error) {

		static Delivery sent(@Nullable String providerMessageId) {
			return new Delivery(true, providerMessageId, null);
		}

		static Delivery failed(String error) {
			return new Delivery(false, null, error);
		}
	}
}
