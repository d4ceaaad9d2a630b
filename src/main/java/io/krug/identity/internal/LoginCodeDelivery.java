package io.krug.identity.internal;

import io.krug.identity.IdentityError;
import io.krug.platform.ratelimit.RateLimitUsage;
import io.krug.platform.ratelimit.RateLimiter;
import io.krug.platform.sms.SmsMessage;
import io.krug.platform.sms.SmsSender;
import io.krug.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;

/**
 * Sends login codes by SMS under the limits: per phone 1 a minute and 5 an hour, per IP address 30 an hour
 * ({@code krug.rate-limits.*}); checking codes is limited per phone too, so guessing stops well before the code's
 * own 5 tries matter across codes. The limits count every phone alike, so they reveal nothing about registration.
 */
@Component
public class LoginCodeDelivery {

	private final LoginCodes codes;

	private final PhoneNumbers phones;

	private final RateLimiter limiter;

	private final SmsSender sms;

	LoginCodeDelivery(LoginCodes codes, PhoneNumbers phones, RateLimiter limiter, SmsSender sms) {
		this.codes = codes;
		this.phones = phones;
		this.limiter = limiter;
		this.sms = sms;
	}

	/** What a sent code leaves: how long it is valid and how much of the tightest limit is left. */
	public record Sent(long expiresInSeconds, RateLimitUsage usage) {
	}

	public Sent send(String rawPhone, String ip) {
		String phone = phones.normalize(rawPhone);
		String program = TenantContext.require().toString();
		limiter.consume("ip:" + ip, limiter.named(RateLimiter.LOGIN_CODE_IP));
		RateLimitUsage usage = limiter.consume(program + ":" + phone,
				limiter.named(RateLimiter.LOGIN_CODE_PHONE_MINUTE), limiter.named(RateLimiter.LOGIN_CODE_PHONE_HOUR));
		String code = codes.issue(phone);
		String text = "Krug: your code is " + code + ". Valid " + codes.ttl().toMinutes() + " min. Do not share it.";
		var receipt = sms.send(new SmsMessage(TenantContext.require(), phone, text, "login_code"));
		if (!receipt.sent()) {
			throw IdentityError.SMS_UNAVAILABLE.exception("The SMS could not be sent; try again in a minute.");
		}
		return new Sent(codes.ttl().toSeconds(), usage);
	}

	/** Counts a code check against the phone's limit. */
	public void checkVerify(String rawPhone) {
		String phone = phones.normalize(rawPhone);
		limiter.consume(TenantContext.require() + ":" + phone, limiter.named(RateLimiter.LOGIN_VERIFY_PHONE));
	}
}
