package io.krug.notifications.internal;

import jakarta.mail.MessagingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The unsubscribe part of every e-mail: RFC 8058 {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers
 * and the links of the footer, each with a fresh token. Links point at
 * {@code krug.notifications.public-base-url} (default {@code http://localhost:8080}).
 */
@Component
class MailHeaders {

	private final Unsubscribes unsubscribes;

	private final String baseUrl;

	MailHeaders(Unsubscribes unsubscribes,
			@Value("${krug.notifications.public-base-url:http://localhost:8080}") String baseUrl) {
		this.unsubscribes = unsubscribes;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The links of one message: for its category (or all e-mail, for essential ones) and for all e-mail. */
	record Links(String category, String all) {
	}

	Links links(Message message) {
		boolean essential = Preferences.ESSENTIAL.contains(message.category());
		String all = url(unsubscribes.issue(message.programId(), message.memberId(), null));
		String category = essential ? all
				: url(unsubscribes.issue(message.programId(), message.memberId(), message.category()));
		return new Links(category, all);
	}

	void decorate(jakarta.mail.internet.MimeMessage mime, Links links) throws MessagingException {
		mime.setHeader("List-Unsubscribe", "<" + links.category() + ">");
		mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
	}

	static String textFooter(Links links, String locale) {
		boolean ru = locale.startsWith("ru");
		return "\n\n--\n" + (ru ? "Отписаться от таких писем: " : "Unsubscribe from these e-mails: ")
				+ links.category() + "\n" + (ru ? "Отписаться от всех писем: " : "Unsubscribe from all e-mail: ")
				+ links.all() + "\n";
	}

	static String htmlFooter(Links links, String locale) {
		boolean ru = locale.startsWith("ru");
		return "<hr><p style=\"font-size:12px;color:#888\"><a href=\"" + links.category() + "\">"
				+ (ru ? "Отписаться от таких писем" : "Unsubscribe from these e-mails") + "</a> · <a href=\""
				+ links.all() + "\">" + (ru ? "Отписаться от всех писем" : "Unsubscribe from all e-mail")
				+ "</a></p>";
	}

	private String url(String token) {
		return baseUrl + "/api/v1/notifications/unsubscribe?token=" + token;
	}
}
