package io.krug.loyalty.purchases;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.krug.partners.BusinessDeactivated;
import io.krug.partners.BusinessReactivated;
import io.krug.partners.BusinessSummary;
import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The businesses purchases name, kept for {@code krug.purchases.business-cache-ttl} (30 s) after they were read: a
 * POS sending purchases all day should not cost a look-up each. A deactivation or reactivation takes effect at once
 * on this replica (the entry is dropped when it commits), and within the TTL on the others; so does an admin's
 * change of a business's category or joining date, which announces nothing.
 */
@Component
class Businesses {

	private record Key(ProgramId program, UUID business) {
	}

	private final PartnersApi partners;

	private final Cache<Key, BusinessSummary> recent;

	Businesses(PartnersApi partners, @Value("${krug.purchases.business-cache-ttl:30s}") Duration ttl) {
		this.partners = partners;
		this.recent = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
	}

	/** The business of the current program, as read at most a TTL ago; unknown ones are looked up every time. */
	Optional<BusinessSummary> find(UUID id) {
		Key key = new Key(TenantContext.require(), id);
		BusinessSummary cached = recent.getIfPresent(key);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<BusinessSummary> found = partners.findBusiness(id);
		found.ifPresent(business -> recent.put(key, business));
		return found;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(BusinessDeactivated event) {
		recent.invalidate(new Key(event.programId(), event.businessId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(BusinessReactivated event) {
		recent.invalidate(new Key(event.programId(), event.businessId()));
	}
}
