package io.krug.rewards.crosspromo;

import io.krug.platform.tenancy.ProgramId;
import java.util.UUID;

/**
 * A member bought at a business that accepted cross-promotions addressed to its customers: published by the rewards
 * module to itself, so the coupons are issued after the purchase commits (at least once; issuing is idempotent).
 */
public record CrossPromotedCustomer(ProgramId programId, UUID businessId, UUID memberId) {
}
