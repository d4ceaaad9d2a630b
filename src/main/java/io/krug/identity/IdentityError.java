package io.krug.identity;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The identity module's stable error codes. */
public enum IdentityError implements ErrorCode {

	INVALID_PHONE(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid phone number"),
	INVALID_CODE(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid or expired code"),
	REGISTRATION_REQUIRED(HttpStatus.NOT_FOUND, "No member with this phone"),
	ALREADY_REGISTERED(HttpStatus.CONFLICT, "Already registered"),
	CONSENT_REQUIRED(HttpStatus.UNPROCESSABLE_CONTENT, "Consent to personal-data processing required"),
	EMAIL_TAKEN(HttpStatus.CONFLICT, "E-mail already in use"),
	INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "Invalid or expired token"),
	INVALID_REFRESH_TOKEN(HttpStatus.UNAUTHORIZED, "Invalid refresh token"),
	INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "Invalid e-mail or password"),
	ACCOUNT_LOCKED(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins"),
	TOTP_REQUIRED(HttpStatus.UNAUTHORIZED, "Two-factor code required"),
	INVALID_TOTP(HttpStatus.UNAUTHORIZED, "Invalid two-factor code"),
	TOTP_NOT_PENDING(HttpStatus.CONFLICT, "No two-factor enrolment in progress"),
	TOTP_ENROLLMENT_REQUIRED(HttpStatus.FORBIDDEN, "Two-factor enrolment required"),
	MEMBER_NOT_FOUND(HttpStatus.NOT_FOUND, "Member not found"),
	STAFF_NOT_FOUND(HttpStatus.NOT_FOUND, "Staff member not found"),
	STAFF_EMAIL_TAKEN(HttpStatus.CONFLICT, "A staff member with this e-mail exists"),
	API_KEY_NOT_FOUND(HttpStatus.NOT_FOUND, "API key not found"),
	UNKNOWN_SCOPE(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown API scope"),
	BUSINESS_REQUIRED(HttpStatus.UNPROCESSABLE_CONTENT, "Business staff need a business_id"),
	MEMBER_INACTIVE(HttpStatus.FORBIDDEN, "Member account deactivated"),
	SMS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "SMS could not be sent");

	private final HttpStatus status;

	private final String title;

	IdentityError(HttpStatus status, String title) {
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
