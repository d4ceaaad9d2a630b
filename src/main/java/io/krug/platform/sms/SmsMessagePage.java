package io.krug.platform.sms;

import java.util.List;

/** A page of the message log, newest first, with the number of entries that match in all. */
public record SmsMessagePage(List<SmsMessageView> messages, long total) {
}
