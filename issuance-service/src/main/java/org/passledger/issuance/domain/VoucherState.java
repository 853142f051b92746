package org.passledger.issuance.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What decisions about one voucher need to know of its issuance-side past. {@code heldBy} is the distributor
 * whose stock holds it (null: still in the funder's own stock), {@code distributorId} the one who handed it out.
 */
public record VoucherState(Status status, UUID programmeId, UUID funderId, UUID orderId, UUID bookId,
                           long faceValueCents, LocalDate validUntil, LocalDate acceptedUntil, UUID heldBy,
                           UUID distributorId) {

    public enum Status { NONE, ISSUED, ACTIVE, DISTRIBUTED, CANCELLED, EXPIRED }

    public static final VoucherState NONE =
            new VoucherState(Status.NONE, null, null, null, null, 0, null, null, null, null);

    VoucherState with(Status next) {
        return new VoucherState(next, programmeId, funderId, orderId, bookId, faceValueCents, validUntil,
                acceptedUntil, heldBy, distributorId);
    }

    VoucherState heldBy(UUID holder) {
        return new VoucherState(status, programmeId, funderId, orderId, bookId, faceValueCents, validUntil,
                acceptedUntil, holder, distributorId);
    }

    VoucherState validity(LocalDate until, LocalDate accepted) {
        return new VoucherState(status, programmeId, funderId, orderId, bookId, faceValueCents, until, accepted,
                heldBy, distributorId);
    }

    VoucherState handedOutBy(UUID distributor) {
        return new VoucherState(Status.DISTRIBUTED, programmeId, funderId, orderId, bookId, faceValueCents,
                validUntil, acceptedUntil, heldBy, distributor);
    }
}
