package io.krug.notifications.internal;

import org.springframework.stereotype.Component;

/** In-app messages are the inbox rows themselves: delivering one is marking it delivered. */
@Component
class InAppChannel implements ChannelSender {

	@Override
	public Channel channel() {
		return Channel.IN_APP;
	}

	@Override
	public SendOutcome send(Message message) {
		return new SendOutcome.Done(MessageStatus.DELIVERED);
	}
}
