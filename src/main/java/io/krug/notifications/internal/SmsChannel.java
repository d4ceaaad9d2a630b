package io.krug.notifications.internal;

import io.krug.platform.sms.SmsMessage;
import io.krug.platform.sms.SmsReceipt;
import io.krug.platform.sms.SmsSender;
import io.krug.platform.tenancy.ProgramId;
import org.springframework.stereotype.Component;

/** Text messages through the platform's {@link SmsSender} (its own retries and message log). */
@Component
class SmsChannel implements ChannelSender {

	private final SmsSender sms;

	SmsChannel(SmsSender sms) {
		this.sms = sms;
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public SendOutcome send(Message message) {
		if (message.recipient() == null) {
			return new SendOutcome.Suppressed("no_phone");
		}
		String text = message.subject() == null ? message.bodyText() : message.subject() + ". " + message.bodyText();
		SmsReceipt receipt = sms.send(new SmsMessage(new ProgramId(message.programId()), message.recipient(), text,
				"notification_" + message.type()));
		return receipt.sent() ? new SendOutcome.Done(MessageStatus.SENT)
				: new SendOutcome.Transient("sms: " + receipt.error());
	}
}
