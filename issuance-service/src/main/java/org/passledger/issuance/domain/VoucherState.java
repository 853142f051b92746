package org.passledger.issuance.domain;

import java.time.LocalDate;
import java.util.UUID;

/** What decisions about one voucher need to know of its issuance-side past. */
public record VoucherState(Status status, UUID programmeId, UUID funderId, UUID orderId, long faceValueCents,
                           LocalDate validUntil, LocalDate acceptedUntil, UUID distributorId) {

    public enum Status { NONE, ISSUED, ACTIVE, DISTRIBUTED, CANCELLED, EXPIRED }

    public static final VoucherState NONE = new VoucherState(Status.NONE, null, null, null, 0, null, null, null);

    VoucherState with(Status next) {
        return new VoucherState(next, programmeId, funderId, orderId, faceValueCents, validUntil, acceptedUntil,
                distributorId);
    }
}
