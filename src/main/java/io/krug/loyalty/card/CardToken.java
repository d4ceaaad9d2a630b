package io.krug.loyalty.card;

import java.time.Instant;

/**
 * A freshly issued card token.
 *
 * @param value the token, e.g. {@code kc1.<payload>.<tag>}, what the QR code carries
 * @param expiresAt the last moment (exclusive) the token resolves
 * @param refreshAt when the member's app should show a new token: {@code expiresAt} minus the clock-skew grace,
 * so a code shown until then still resolves on a server whose clock runs up to the grace ahead
 */
public record CardToken(String value, Instant expiresAt, Instant refreshAt) {
}
