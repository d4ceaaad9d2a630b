package io.krug.referrals.internal;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The referrals module's settings ({@code krug.referrals.*}).
 *
 * @param linkBase what a member's referral link starts with; the code is appended
 * @param bonusExpiry how long referral bonuses last, in the program's calendar
 * @param defaultMonthlyLimit rewarded referrals per referrer per calendar month when no campaign is in force
 */
@ConfigurationProperties("krug.referrals")
public record ReferralProperties(@DefaultValue("http://localhost:8080/join?ref=") String linkBase,
		@DefaultValue("P12M") Period bonusExpiry, @DefaultValue("20") int defaultMonthlyLimit) {
}
