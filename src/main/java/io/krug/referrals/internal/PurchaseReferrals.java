package io.krug.referrals.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The referral each member's purchases may reward, remembered per replica (up to 100,000 members) so that a purchase
 * by a member who was not referred costs no look-up. Safe to keep without expiry: a member's referral is written in
 * the transaction that registers the member ({@link ReferralAttributions}), before any purchase can name the member,
 * and its id, campaign, status and time never change afterwards. An answer is remembered only once the transaction
 * that read it has committed, and an attribution on this replica drops the member's entry.
 */
@Component
class PurchaseReferrals {

	private record Key(ProgramId program, UUID member) {
	}

	private final ReferralStore referrals;

	private final Cache<Key, Optional<Referral>> known = Caffeine.newBuilder().maximumSize(100_000).build();

	PurchaseReferrals(ReferralStore referrals) {
		this.referrals = referrals;
	}

	/** The member's attributed referral with a campaign, if any: the only kind a purchase can reward. */
	Optional<Referral> of(UUID member) {
		Key key = new Key(TenantContext.require(), member);
		Optional<Referral> cached = known.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		Optional<Referral> found = referrals.of(member).filter(r -> r.attributed() && r.campaignId() != null);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					known.put(key, found);
				}
			});
		}
		else {
			known.put(key, found);
		}
		return found;
	}

	/** Forgets what is known of the member (a referral was just written for them). */
	void forget(UUID member) {
		known.invalidate(new Key(TenantContext.require(), member));
	}
}
