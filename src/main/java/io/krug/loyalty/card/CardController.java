package io.krug.loyalty.card;

import io.krug.identity.KrugPrincipal;
import io.krug.platform.qr.QrCodes;
import io.krug.platform.web.PlatformError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "QR card", description = """
		The member's digital club card (seed 003's QR wallet). The QR code carries a signed token that expires 60 s \
		after it is issued (krug.card.token-ttl), so a screenshot is useless a minute later: the app fetches a new \
		card at refresh_at, 5 s before token_expires_at (krug.card.clock-skew), which is the grace for scan \
		latency and server clock skew. Cashiers and POS systems turn a scanned token into the member with \
		POST /api/v1/cards/resolve.""")
class CardController {

	static final String PNG_PATH = "/api/v1/loyalty/card/qr.png";

	private static final String EXAMPLE_TOKEN = "kc1.AZq3xJ5TcnSbwlQmWv1vGAGat8ScX3NlvI2kSN9Bt4Jnq7Vg3w5xJQ.Vd2v1wqLQ7Jm8HdoS3uX1g";

	private final MemberCards cards;

	private final CardTokens tokens;

	CardController(MemberCards cards, CardTokens tokens) {
		this.cards = cards;
		this.tokens = tokens;
	}

	record CardView(@Schema(example = "1024") long memberNumber, @Schema(example = "Анна С.") @Nullable String name,
			@Schema(example = "vip") String status,
			@Schema(example = "1250.00", description = "Spendable bonuses; absent while balances are unavailable") @Nullable BigDecimal balance,
			@Schema(example = EXAMPLE_TOKEN) String cardToken,
			@Schema(description = "The token stops resolving at this moment") Instant tokenExpiresAt,
			@Schema(description = "Show a fresh card from this moment on") Instant refreshAt,
			@Schema(description = "SVG markup of the QR code carrying card_token") String qrSvg,
			@Schema(example = PNG_PATH + "?token=" + EXAMPLE_TOKEN) String qrPngUrl) {
	}

	record CardResolveRequest(@NotBlank @Size(max = 200) @Schema(example = EXAMPLE_TOKEN) String cardToken) {
	}

	record ResolvedCardView(UUID memberId, @Schema(example = "1024") long memberNumber,
			@Schema(example = "Анна С.") @Nullable String name, @Schema(example = "vip") String status) {
	}

	@GetMapping("/api/v1/loyalty/card")
	@PreAuthorize("hasAuthority('use_qr_wallet')")
	@Operation(summary = "The caller's QR card with a freshly issued token")
	@ApiResponse(responseCode = "200", description = "The card")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member")
	CardView card() {
		MemberCards.MemberCard card = cards.card(memberId());
		String token = card.token().value();
		return new CardView(card.member().memberNumber(), card.name(), card.member().status().key(), card.balance(),
				token, card.token().expiresAt(), card.token().refreshAt(), QrCodes.svg(token),
				PNG_PATH + "?token=" + token);
	}

	@GetMapping(path = PNG_PATH, produces = MediaType.IMAGE_PNG_VALUE)
	@PreAuthorize("hasAuthority('use_qr_wallet')")
	@Operation(summary = "The caller's QR code as a PNG image",
			description = "With token (the card's card_token) the image carries that token; without, a new one.")
	@ApiResponse(responseCode = "200", description = "The QR code, 8 pixels per module",
			content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE))
	@ApiResponse(responseCode = "403", description = "forbidden: not a member")
	@ApiResponse(responseCode = "422",
			description = "card_token_expired, or card_token_invalid (also another member's token)")
	ResponseEntity<byte[]> png(@Parameter(description = "A card_token of the caller") @RequestParam(
			required = false) @Nullable String token) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.body(QrCodes.png(cards.qrToken(memberId(), token)));
	}

	@PostMapping("/api/v1/cards/resolve")
	@PreAuthorize("hasAuthority('scan_qr_codes') or hasAuthority('SCOPE_cards:resolve')")
	@Operation(summary = "Who a scanned card belongs to",
			description = "For business staff (scan_qr_codes) and API keys with the cards:resolve scope.")
	@ApiResponse(responseCode = "200", description = "The member")
	@ApiResponse(responseCode = "403", description = "forbidden")
	@ApiResponse(responseCode = "422", description = "card_token_expired: the member should refresh the card; "
			+ "card_token_invalid: garbled, forged, another program's or a deactivated member's token; "
			+ "validation_failed")
	ResolvedCardView resolve(@Valid @RequestBody CardResolveRequest request) {
		ResolvedCard card = tokens.resolve(request.cardToken().strip());
		return new ResolvedCardView(card.memberId(), card.memberNumber(), card.name(), card.status().key());
	}

	private static UUID memberId() {
		KrugPrincipal caller = KrugPrincipal.require();
		if (!caller.isMember()) {
			throw PlatformError.FORBIDDEN.exception("Only members have a card.");
		}
		return caller.id();
	}
}
