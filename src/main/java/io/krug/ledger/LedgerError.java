package io.krug.ledger;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The ledger's stable error codes. */
public enum LedgerError implements ErrorCode {

	INSUFFICIENT_BALANCE(HttpStatus.UNPROCESSABLE_CONTENT, "Insufficient balance"),
	INSUFFICIENT_CURRENCY(HttpStatus.PAYMENT_REQUIRED, "Insufficient currency"),
	INVALID_AMOUNT(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid amount"),
	INVALID_POSTING(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid posting"),
	NOT_REVERSIBLE(HttpStatus.UNPROCESSABLE_CONTENT, "Transaction cannot be reversed this way"),
	REVERSAL_EXCEEDS_ORIGINAL(HttpStatus.UNPROCESSABLE_CONTENT, "Reversal exceeds the original"),
	IDEMPOTENCY_KEY_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key used for another operation"),
	TRANSACTION_NOT_FOUND(HttpStatus.NOT_FOUND, "Ledger transaction not found"),
	MEMBER_NOT_FOUND(HttpStatus.NOT_FOUND, "Member not found");

	private final HttpStatus status;

	private final String title;

	LedgerError(HttpStatus status, String title) {
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
