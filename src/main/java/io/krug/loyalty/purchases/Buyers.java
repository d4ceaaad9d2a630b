package io.krug.loyalty.purchases;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberSummary;
import io.krug.loyalty.card.CardTokens;
import io.krug.loyalty.card.ResolvedCard;
import org.springframework.stereotype.Component;

/** Turns the customer of a request into a buyer, with one look-up. */
@Component
class Buyers {

	private final IdentityApi identity;

	private final CardTokens cards;

	Buyers(IdentityApi identity, CardTokens cards) {
		this.identity = identity;
		this.cards = cards;
	}

	/**
	 * @throws io.krug.platform.web.KrugException 404 {@code member_not_found} for a member id that is not an active
	 * member of the program; the card's 422s for a card token; 422 {@code invalid_phone}
	 */
	Buyer resolve(Customer customer) {
		return switch (customer) {
			case Customer.ByMember m -> identity.findMember(m.memberId())
				.filter(MemberSummary::active)
				.map(s -> Buyer.member(s.id(), s.status()))
				.orElseThrow(() -> PurchaseError.MEMBER_NOT_FOUND
					.exception("No active member " + m.memberId() + " in this program."));
			case Customer.ByCard c -> {
				ResolvedCard card = cards.resolve(c.cardToken().strip());
				yield Buyer.member(card.memberId(), card.status());
			}
			case Customer.ByPhone p -> {
				String phone = identity.normalizePhone(p.phone());
				yield identity.findMemberByPhone(phone)
					.map(s -> Buyer.member(s.id(), s.status()))
					.orElseGet(() -> Buyer.unmatched(phone));
			}
		};
	}
}
