package io.krug.platform.sms;

/**
 * Sends text messages through the configured gateway ({@code krug.sms.provider}: {@code log}, the default, writes
 * them to the log; {@code http} posts them to an SMS gateway). Every message is recorded in the program's message
 * log, sent or failed.
 */
public interface SmsSender {

	/**
	 * Sends one message, retrying transient gateway failures. Never throws for a delivery failure: the receipt says
	 * whether the gateway accepted the message. Call it outside a database transaction (it may wait on the
	 * gateway); the log entry is committed on its own, even if the caller's work later rolls back.
	 */
	SmsReceipt send(SmsMessage message);
}
