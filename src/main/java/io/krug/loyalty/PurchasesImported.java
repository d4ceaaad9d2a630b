package io.krug.loyalty;

import io.krug.platform.tenancy.ProgramId;
import java.util.List;
import java.util.UUID;

/**
 * A batch of an import recorded members' purchases (ADR 0014): what {@link PurchaseRecorded} says of each, in one
 * event, so listeners handle the batch at once instead of one event publication per purchase. Published in the
 * transaction that stored them; an import publishes no {@link PurchaseRecorded} of its own, and none for purchases
 * of phones that are no member.
 *
 * @param purchases the batch's purchases by members, in the file's order
 */
public record PurchasesImported(ProgramId programId, UUID importId, UUID businessId, List<PurchaseRecorded> purchases) {
}
