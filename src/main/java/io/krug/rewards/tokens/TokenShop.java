package io.krug.rewards.tokens;

import io.krug.ledger.CurrencyMove;
import io.krug.ledger.Source;
import io.krug.ledger.SourceType;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.TenantContext;
import io.krug.rewards.BundlePurchased;
import io.krug.rewards.currency.CurrencySettings;
import io.krug.rewards.currency.Wallets;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sells access tokens for the program's currency: bundles and single tokens. Each sale is one database transaction:
 * the currency debit (refused with 402 {@code insufficient_currency} when the wallet is short, leaving nothing
 * written), the purchase and its tokens.
 */
@Service
class TokenShop {

	private final Bundles bundles;

	private final BundleStore store;

	private final AccessTokens tokens;

	private final Wallets wallets;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TokenShop(Bundles bundles, BundleStore store, AccessTokens tokens, Wallets wallets,
			ApplicationEventPublisher events, Clock clock) {
		this.bundles = bundles;
		this.store = store;
		this.tokens = tokens;
		this.wallets = wallets;
		this.events = events;
		this.clock = clock;
	}

	/** Buys an active bundle; publishes {@link BundlePurchased}. */
	@Transactional
	Sale buyBundle(UUID bundleId, UUID member, String actor) {
		Bundle bundle = store.find(bundleId).filter(Bundle::active).orElseThrow(() -> Bundles.notFound(bundleId));
		UUID purchaseId = Ids.newId();
		CurrencyMove paid = wallets.pay(member, bundle.totalPrice(), Source.of(SourceType.BUNDLE, purchaseId),
				"Bundle " + bundle.name() + " (" + bundle.tokenCount() + " tokens)", actor, null);
		Instant at = clock.instant();
		store.insertPurchase(purchaseId, member, bundle, paid.transactionId(), at);
		List<AccessTokens.Issued> issued = new ArrayList<>();
		for (int i = 0; i < bundle.tokenCount(); i++) {
			issued.add(tokens.issue(member, bundle.scope(), bundle.durationHours(), purchaseId, paid.transactionId()));
		}
		events.publishEvent(new BundlePurchased(TenantContext.require(), purchaseId, member, bundle.id(),
				bundle.totalPrice(), bundle.tokenCount(), at));
		return new Sale(purchaseId, bundle.name(), bundle.totalPrice(), paid.balance(), issued);
	}

	/** Buys one token of a duration the program's price list sells. */
	@Transactional
	Sale buyToken(UUID member, int durationHours, String scope, String actor) {
		CurrencySettings settings = wallets.settings();
		BigDecimal price = settings.priceOf(durationHours)
			.orElseThrow(() -> TokenError.DURATION_NOT_SOLD.exception("No single token of " + durationHours
					+ " hours is sold; durations sold: " + settings.tokenPrices()
						.stream()
						.map(CurrencySettings.TokenPrice::durationHours)
						.toList()
					+ "."));
		UUID tokenId = Ids.newId();
		CurrencyMove paid = wallets.pay(member, price, Source.of(SourceType.ACCESS_TOKEN, tokenId),
				"Access token, " + durationHours + " h", actor, null);
		AccessTokens.Issued issued = tokens.issue(tokenId, member, scope, durationHours, null, paid.transactionId());
		return new Sale(tokenId, "Access token " + durationHours + " h", price, paid.balance(), List.of(issued));
	}

	/** A sale: what was paid, the balance left, the tokens with their secrets. */
	record Sale(UUID purchaseId, String name, BigDecimal price, BigDecimal balance, List<AccessTokens.Issued> tokens) {
	}
}
