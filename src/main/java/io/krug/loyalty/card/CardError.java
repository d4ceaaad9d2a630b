package io.krug.loyalty.card;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The QR card's errors; {@link #code()} is public API. */
public enum CardError implements ErrorCode {

	/** A genuine card token of this program whose time is up: the member should refresh the card. */
	CARD_TOKEN_EXPIRED(HttpStatus.UNPROCESSABLE_CONTENT, "Card token expired"),
	/** Anything else: garbled, forged, of another program, or of a member who is no longer active. */
	CARD_TOKEN_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "Card token invalid");

	private final HttpStatus status;

	private final String title;

	CardError(HttpStatus status, String title) {
		this.status = status;
		this.title = title;
	}

	@Override
	public HttpStatus status() {
		return status;
	}

	@Override
	public String title() {
		return title;
	}
}
