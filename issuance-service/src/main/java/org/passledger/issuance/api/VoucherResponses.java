package org.passledger.issuance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.issuance.projection.VoucherView;

/** Response bodies of the voucher API. */
public final class VoucherResponses {

    private VoucherResponses() {
    }

    @Schema(name = "VoucherDistributed", description = "The voucher was handed out")
    public record Distributed(UUID voucherId, UUID programmeId,
                              @Schema(description = "Pseudonymous reference of the beneficiary: keep it with the "
                                      + "person's file, the ledger knows nothing else about them",
                                      example = "BEN-K7QM4XHT9BRC") String beneficiaryRef,
                              Instant distributedAt) {

        static Distributed of(VoucherDistributed event) {
            return new Distributed(event.voucherId(), event.programmeId(), event.beneficiaryRef(),
                    event.distributedAt());
        }
    }

    @Schema(name = "Voucher", description = "One voucher's life, as the read model knows it")
    public record VoucherBody(UUID voucherId, UUID programmeId, UUID funderId, UUID orderId, UUID bookId,
                              Integer positionInBook, Long faceValueCents, LocalDate validUntil,
                              LocalDate acceptedUntil,
                              @Schema(example = "DISTRIBUTED", enumeration = {"ISSUED", "ACTIVE", "DISTRIBUTED",
                                      "EXPIRED", "CANCELLED", "REDEEMED", "REIMBURSED"}) String status,
                              Instant issuedAt, Instant activatedAt, Instant distributedAt,
                              @Schema(description = "The distributor who handed it out") UUID distributedTo,
                              Instant redeemedAt, UUID structureId, Instant reimbursedAt,
                              @Schema(description = "Events this read model applied for the voucher") int eventsApplied,
                              Instant updatedAt) {

        static VoucherBody of(VoucherView v) {
            return new VoucherBody(v.voucherId, v.programmeId, v.funderId, v.orderId, v.bookId, v.positionInBook,
                    v.faceValueCents, v.validUntil, v.acceptedUntil, v.status, v.issuedAt, v.activatedAt,
                    v.distributedAt, v.distributedTo, v.redeemedAt, v.structureId, v.reimbursedAt, v.eventsApplied,
                    v.updatedAt);
        }
    }
}
