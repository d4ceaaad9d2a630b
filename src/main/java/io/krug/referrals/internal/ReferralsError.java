package io.krug.referrals.internal;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The referrals module's errors; {@link #code()} is public API. */
public enum ReferralsError implements ErrorCode {

	/** A registration named a referral code no member of the program has. */
	REFERRAL_CODE_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown referral code"),
	/** The landing lookup of a code no member of the program has. */
	REFERRAL_CODE_NOT_FOUND(HttpStatus.NOT_FOUND, "Referral code not found"),
	CAMPAIGN_NOT_FOUND(HttpStatus.NOT_FOUND, "Referral campaign not found"),
	/** Referral pages are about the calling member; staff and API keys use the admin endpoints. */
	MEMBERS_ONLY(HttpStatus.FORBIDDEN, "Only members have referrals");

	private final HttpStatus status;

	private final String title;

	ReferralsError(HttpStatus status, String title) {
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
