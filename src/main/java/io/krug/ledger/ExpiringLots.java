package io.krug.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What is left of a member's lots that expire on one day (in the program's time zone).
 *
 * @param amount the remaining points of those lots, pending or available
 * @param firstExpiry the earliest moment one of them expires
 */
public record ExpiringLots(UUID memberId, LocalDate expiresOn, BigDecimal amount, Instant firstExpiry) {
}
