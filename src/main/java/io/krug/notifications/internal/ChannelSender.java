package io.krug.notifications.internal;

/** Sends claimed messages of one channel. Called outside any database transaction. */
interface ChannelSender {

	Channel channel();

	SendOutcome send(Message message);
}
