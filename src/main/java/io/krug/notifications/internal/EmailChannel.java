package io.krug.notifications.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP (Jakarta/Angus Mail through Spring's {@link JavaMailSender}): a text and an HTML part. The
 * program's own SMTP settings win; otherwise the server of {@code spring.mail.*}; with neither the message is
 * suppressed ({@code email_not_configured}). SMTP timeouts (20 s) stay well inside the worker's lease, so a live
 * send never outlasts it.
 */
@Component
class EmailChannel implements ChannelSender {

	private static final String TIMEOUT_MS = "20000";

	private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)\\b");

	private final SmtpSettingsStore settings;

	private final ObjectProvider<JavaMailSender> defaultSender;

	private final String defaultFrom;

	private final MailHeaders headers;

	private final Tracking tracking;

	private final Cache<SmtpSettings, JavaMailSenderImpl> senders = Caffeine.newBuilder().maximumSize(1_000).build();

	EmailChannel(SmtpSettingsStore settings, ObjectProvider<JavaMailSender> defaultSender,
			@Value("${krug.notifications.email.from:Krug <noreply@krug.local>}") String defaultFrom,
			MailHeaders headers, Tracking tracking) {
		this.headers = headers;
		this.tracking = tracking;
		this.settings = settings;
		this.defaultSender = defaultSender;
		this.defaultFrom = defaultFrom;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public SendOutcome send(Message message) {
		if (message.recipient() == null) {
			return new SendOutcome.Suppressed("no_email_address");
		}
		Optional<SmtpSettings> own = settings.find(message.programId());
		JavaMailSender sender = own.<JavaMailSender>map(s -> senders.get(s, EmailChannel::build))
			.orElseGet(defaultSender::getIfAvailable);
		if (sender == null) {
			return new SendOutcome.Suppressed("email_not_configured");
		}
		try {
			MimeMessage mime = sender.createMimeMessage();
			compose(mime, message, own.map(SmtpSettings::fromAddress).orElse(defaultFrom));
			sender.send(mime);
			return new SendOutcome.Done(MessageStatus.SENT);
		}
		catch (MailException | MessagingException ex) {
			return classify(ex);
		}
	}

	private void compose(MimeMessage mime, Message message, String from) throws MessagingException {
		MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
		helper.setFrom(from);
		helper.setTo(message.recipient());
		helper.setSubject(message.subject() == null ? "" : message.subject());
		String html = tracking.track(message.id(),
				message.bodyHtml() == null ? escape(message.bodyText()) : message.bodyHtml());
		mime.setHeader("X-Krug-Message-Id", message.id().toString());
		if (StaffAlerts.CATEGORY.equals(message.category())) {
			// an operational alert to a staff account: no member preferences to unsubscribe from
			helper.setText(message.bodyText(), html);
			return;
		}
		MailHeaders.Links links = headers.links(message);
		helper.setText(message.bodyText() + MailHeaders.textFooter(links, message.locale()),
				html + MailHeaders.htmlFooter(links, message.locale()));
		headers.decorate(mime, links);
	}

	/** 5xx SMTP replies (unknown mailbox, rejected content) are permanent; everything else may pass on a retry. */
	static SendOutcome classify(Exception ex) {
		Throwable t = ex;
		for (int depth = 0; t != null && depth < 10; depth++, t = nextCause(t)) {
			Matcher code = t instanceof MessagingException && t.getMessage() != null
					? REPLY_CODE.matcher(t.getMessage()) : null;
			if (code != null && code.find() && code.group(1).startsWith("5")) {
				return new SendOutcome.Permanent("smtp_" + code.group(1));
			}
		}
		String reason = ex.getClass().getSimpleName() + ": " + String.valueOf(ex.getMessage());
		return new SendOutcome.Transient(reason.length() > 300 ? reason.substring(0, 300) : reason);
	}

	private static @Nullable Throwable nextCause(Throwable t) {
		if (t instanceof SendFailedException s && s.getNextException() != null && s.getNextException() != t) {
			return s.getNextException();
		}
		if (t instanceof org.springframework.mail.MailSendException m && !m.getFailedMessages().isEmpty()) {
			return m.getFailedMessages().values().iterator().next();
		}
		return t.getCause() == t ? null : t.getCause();
	}

	private static JavaMailSenderImpl build(SmtpSettings s) {
		JavaMailSenderImpl impl = new JavaMailSenderImpl();
		impl.setHost(s.host());
		impl.setPort(s.port());
		impl.setUsername(s.username());
		impl.setPassword(s.password());
		impl.setDefaultEncoding("UTF-8");
		Properties props = new Properties();
		props.setProperty("mail.smtp.auth", String.valueOf(s.username() != null));
		props.setProperty("mail.smtp.starttls.enable", String.valueOf(s.startTls()));
		props.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MS);
		props.setProperty("mail.smtp.timeout", TIMEOUT_MS);
		props.setProperty("mail.smtp.writetimeout", TIMEOUT_MS);
		impl.setJavaMailProperties(props);
		return impl;
	}

	static String escape(String text) {
		return "<pre>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</pre>";
	}
}
