package io.krug.platform.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * One JSON object per log line: time, level, logger, thread, message (with personal data masked), the request id
 * and the stack trace of an exception. Two loggers are written unmasked: the {@code log} SMS provider, whose lines
 * are the messages themselves (read by operators running without an SMS gateway), and the first admin's bootstrap.
 */
public class KrugJsonFormat implements StructuredLogFormatter<ILoggingEvent> {

	/** Loggers whose lines are written in full: the log SMS provider's messages, the first admin's password. */
	static final java.util.Set<String> UNMASKED_LOGGERS = java.util.Set.of("io.krug.platform.sms.LogSmsProvider",
			"io.krug.identity.internal.AdminBootstrap");

	private final ThrowableProxyConverter throwables = new ThrowableProxyConverter();

	private final JsonWriter<ILoggingEvent> writer;

	public KrugJsonFormat() {
		throwables.start();
		this.writer = JsonWriter.<ILoggingEvent>of(members -> {
			members.add("@timestamp", e -> Instant.ofEpochMilli(e.getTimeStamp()).toString());
			members.add("level", e -> e.getLevel().toString());
			members.add("logger", ILoggingEvent::getLoggerName);
			members.add("thread", ILoggingEvent::getThreadName);
			members.add("message", KrugJsonFormat::message);
			members.add("request_id", e -> e.getMDCPropertyMap().get("request_id")).whenNotNull();
			members.add("program_id", e -> e.getMDCPropertyMap().get("program_id")).whenNotNull();
			members.add("error", e -> e.getThrowableProxy() == null ? null : Masking.mask(throwables.convert(e)))
				.whenNotNull();
		}).withNewLineAtEnd();
	}

	private static String message(ILoggingEvent event) {
		String text = event.getFormattedMessage();
		return UNMASKED_LOGGERS.contains(event.getLoggerName()) ? text : Masking.mask(text);
	}

	@Override
	public String format(ILoggingEvent event) {
		return writer.writeToString(event);
	}
}
