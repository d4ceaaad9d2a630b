package io.krug.ledger;

import java.math.BigDecimal;

/** What a release or expiry run did in one program: how many lots and members, and how many points moved. */
public record LotRun(int lots, int members, BigDecimal amount) {
}
