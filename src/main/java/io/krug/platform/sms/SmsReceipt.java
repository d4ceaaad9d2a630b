package io.krug.platform.sms;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What became of one message.
 *
 * @param id the message's id in the message log
 * @param status sent or failed
 * @param provider the provider that handled it ({@code log} or {@code http})
 * @param providerMessageId the gateway's id for the message, when it returned one
 * @param error why it failed (personal data masked)
 */
public record SmsReceipt(UUID id, SmsStatus status, String provider, @Nullable String providerMessageId,
		@Nullable String error) {

	public boolean sent() {
		return status == SmsStatus.SENT;
	}
}
