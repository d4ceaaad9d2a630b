package io.krug.loyalty.card;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberSummary;
import io.krug.platform.web.PlatformError;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The member's own card: who they are, their balance and a fresh token. */
@Service
class MemberCards {

	private final IdentityApi identity;

	private final CardTokens tokens;

	private final ObjectProvider<CardBalanceSource> balances;

	private final Clock clock;

	MemberCards(IdentityApi identity, CardTokens tokens, ObjectProvider<CardBalanceSource> balances, Clock clock) {
		this.identity = identity;
		this.tokens = tokens;
		this.balances = balances;
		this.clock = clock;
	}

	/**
	 * A member's card.
	 *
	 * @param balance the available balance, {@code null} while no {@link CardBalanceSource} exists
	 */
	record MemberCard(MemberSummary member, @Nullable String name, @Nullable BigDecimal balance, CardToken token) {
	}

	/** The card of an active member of the current program, with a newly issued token. */
	@Transactional(readOnly = true)
	MemberCard card(UUID memberId) {
		MemberSummary member = identity.findMember(memberId)
			.filter(MemberSummary::active)
			.orElseThrow(() -> PlatformError.NOT_FOUND.exception("No active member card for this account."));
		CardBalanceSource source = balances.getIfAvailable();
		BigDecimal balance = source == null ? null : source.availableBalance(memberId);
		return new MemberCard(member, DisplayNames.of(member), balance, tokens.issueToken(memberId, clock.instant()));
	}

	/**
	 * The token the member's QR image should carry: {@code requested} if it is a live token of this very member
	 * (so the image shows the same code as the card), else a newly issued one when nothing was requested.
	 *
	 * @throws io.krug.platform.web.KrugException 422 {@code card_token_expired}, or {@code card_token_invalid} also
	 * when the token belongs to someone else
	 */
	@Transactional(readOnly = true)
	String qrToken(UUID memberId, @Nullable String requested) {
		if (requested == null) {
			return tokens.issue(memberId, clock.instant());
		}
		ResolvedCard resolved = tokens.resolve(requested);
		if (!resolved.memberId().equals(memberId)) {
			throw CardError.CARD_TOKEN_INVALID.exception("This card code belongs to another member.");
		}
		return requested;
	}
}
