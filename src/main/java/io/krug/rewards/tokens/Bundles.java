package io.krug.rewards.tokens;

import io.krug.platform.Ids;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The program's token bundles: listing and administration. A bundle once bought can be deactivated, not deleted. */
@Service
class Bundles {

	private final BundleStore store;

	private final Clock clock;

	Bundles(BundleStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<Bundle> list(boolean activeOnly) {
		return store.list(activeOnly);
	}

	@Transactional(readOnly = true)
	Bundle get(UUID id) {
		return store.find(id).orElseThrow(() -> notFound(id));
	}

	@Transactional
	Bundle create(BundleDraft draft) {
		Bundle bundle = bundle(Ids.newId(), draft);
		store.insert(bundle);
		return bundle;
	}

	@Transactional
	Bundle update(UUID id, BundleDraft draft) {
		Bundle bundle = bundle(id, draft);
		if (!store.update(bundle, clock.instant())) {
			throw notFound(id);
		}
		return store.find(id).orElseThrow();
	}

	@Transactional
	void delete(UUID id) {
		if (store.purchased(id)) {
			throw TokenError.BUNDLE_PURCHASED.exception("Bundle " + id + " was bought; set active to false instead.");
		}
		if (!store.delete(id)) {
			throw notFound(id);
		}
	}

	private Bundle bundle(UUID id, BundleDraft draft) {
		Bundle bundle = new Bundle(id, draft.name().strip(), draft.description(), draft.tokenCount(),
				draft.durationHours(), draft.scope(), draft.basePrice(), draft.discountPercent(), draft.active(),
				clock.instant());
		if (bundle.totalPrice().signum() <= 0) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "discount_percent",
					"leaves nothing to pay for base_price " + draft.basePrice().toPlainString());
		}
		return bundle;
	}

	static KrugException notFound(UUID id) {
		return TokenError.BUNDLE_NOT_FOUND.exception("No bundle " + id + ".");
	}
}
