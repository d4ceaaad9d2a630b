package io.krug.referrals.internal;

import io.krug.identity.IdentityApi;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a referral link's landing page shows: whose invitation it is and what the friend gets. */
@Service
public class ReferralLanding {

	private final ReferralCodes codes;

	private final ReferralCampaigns campaigns;

	private final IdentityApi identity;

	private final java.time.Clock clock;

	ReferralLanding(ReferralCodes codes, ReferralCampaigns campaigns, IdentityApi identity, java.time.Clock clock) {
		this.codes = codes;
		this.campaigns = campaigns;
		this.identity = identity;
		this.clock = clock;
	}

	/** The invitation of a code: the referrer's short name and the campaign's offer to the friend, if any. */
	public record Invitation(String code, String referrerName, @Nullable Offer offer) {
	}

	/** What the friend gets under the campaign in force now. */
	public record Offer(String campaign, BigDecimal bonusOnRegistration, BigDecimal bonusOnFirstPurchase,
			int quotaUnits, @Nullable String quotaName) {
	}

	@Transactional(readOnly = true)
	public Invitation invitation(String code) {
		String normalized = java.util.Objects.requireNonNullElse(ReferralCodes.normalize(code), "");
		UUID referrer = codes.owner(normalized, false)
			.map(ReferralCodes.Owner::memberId)
			.orElseThrow(() -> ReferralsError.REFERRAL_CODE_NOT_FOUND.exception("No member has the code "
					+ normalized + "."));
		Offer offer = campaigns.inForce(clock.instant())
			.map(c -> new Offer(c.name(), c.rewards().friendOnRegistration(), c.rewards().friendOnFirstPurchase(),
					c.rewards().quotaUnits(), c.rewards().quotaName()))
			.orElse(null);
		return new Invitation(normalized, ShortNames.of(identity.findMember(referrer)), offer);
	}
}
