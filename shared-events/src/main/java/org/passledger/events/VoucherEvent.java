package org.passledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A voucher's life on the issuance side: issued, activated, consigned, distributed, cancelled, expired, extended.
 * Topic {@link Topics#VOUCHERS}. Redemption and reimbursement of the same voucher travel on their own
 * topics, keyed by the same voucher id.
 */
public sealed interface VoucherEvent extends LedgerEvent
        permits VoucherEvent.VoucherIssued,
                VoucherEvent.VoucherActivated,
                VoucherEvent.VoucherDistributed,
                VoucherEvent.VoucherCancelled,
                VoucherEvent.VoucherExpired,
                VoucherEvent.VoucherValidityExtended,
                VoucherEvent.VoucherConsigned {

    UUID voucherId();

    @JsonIgnore
    @Override
    default String subject() {
        return voucherId().toString();
    }

    /** Printed in a book; not usable until {@link VoucherActivated}. */
    @EventType("voucher.issued.v1")
    record VoucherIssued(
            UUID voucherId,
            String codeHash, // hex SHA-256 of the normalised code: the code itself never travels
            UUID programmeId,
            UUID funderId,
            UUID orderId,
            UUID bookId,
            int positionInBook, // 1-based
            long faceValueCents,
            List<String> territory,
            List<String> allowedServices, // empty = every service
            LocalDate validUntil,
            LocalDate acceptedUntil,
            Instant issuedAt) implements VoucherEvent {

        public VoucherIssued {
            Objects.requireNonNull(voucherId, "voucherId");
            Require.sha256Hex(codeHash, "codeHash");
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(funderId, "funderId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(bookId, "bookId");
            Require.positive(positionInBook, "positionInBook");
            Require.nonNegative(faceValueCents, "faceValueCents");
            territory = List.copyOf(Objects.requireNonNull(territory, "territory"));
            allowedServices = List.copyOf(Objects.requireNonNull(allowedServices, "allowedServices"));
            Objects.requireNonNull(validUntil, "validUntil");
            Objects.requireNonNull(acceptedUntil, "acceptedUntil");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }
    }

    /** The funder's payment order was received, so the voucher may circulate. */
    @EventType("voucher.activated.v1")
    record VoucherActivated(
            UUID voucherId,
            UUID programmeId,
            UUID funderId,
            String paymentOrderReference,
            Instant activatedAt) implements VoucherEvent {

        public VoucherActivated {
            Objects.requireNonNull(voucherId, "voucherId");
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(funderId, "funderId");
            Objects.requireNonNull(paymentOrderReference, "paymentOrderReference");
            Objects.requireNonNull(activatedAt, "activatedAt");
        }
    }

    /** Handed to a beneficiary, who stays pseudonymous: no name, no contact data. */
    @EventType("voucher.distributed.v1")
    record VoucherDistributed(
            UUID voucherId,
            UUID programmeId,
            UUID funderId,
            UUID distributorId,
            String beneficiaryRef, // the distributor's pseudonymous reference
            String ageBracket, // nullable: the beneficiary may decline to say
            String postcode, // nullable: the beneficiary may decline to say
            Instant distributedAt) implements VoucherEvent {

        public VoucherDistributed {
            Objects.requireNonNull(voucherId, "voucherId");
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(funderId, "funderId");
            Objects.requireNonNull(distributorId, "distributorId");
            Objects.requireNonNull(beneficiaryRef, "beneficiaryRef");
            Objects.requireNonNull(distributedAt, "distributedAt");
        }
    }

    @EventType("voucher.cancelled.v1")
    record VoucherCancelled(
            UUID voucherId,
            UUID programmeId,
            UUID funderId,
            long faceValueCents,
            String reason,
            Instant cancelledAt) implements VoucherEvent {

        public VoucherCancelled {
            Objects.requireNonNull(voucherId, "voucherId");
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(funderId, "funderId");
            Require.nonNegative(faceValueCents, "faceValueCents");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cancelledAt, "cancelledAt");
        }
    }

    /** Not redeemed by acceptedUntil; its face value goes back to the funder as a credit note. */
    @EventType("voucher.expired.v1")
    record VoucherExpired(
            UUID voucherId,
            UUID programmeId,
            UUID funderId,
            long faceValueCents,
            LocalDate acceptedUntil,
            Instant expiredAt) implements VoucherEvent {

        public VoucherExpired {
            Objects.requireNonNull(voucherId, "voucherId");
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(funderId, "funderId");
            Require.nonNegative(faceValueCents, "faceValueCents");
            Objects.requireNonNull(acceptedUntil, "acceptedUntil");
            Objects.requireNonNull(expiredAt, "expiredAt");
        }
    }

    /** Carries the new dates, which replace the issued ones. */
    @EventType("voucher.validity-extended.v1")
    record VoucherValidityExtended(
            UUID voucherId,
            UUID programmeId,
            LocalDate validUntil,
            LocalDate acceptedUntil,
            Instant extendedAt) implements VoucherEvent {

        public VoucherValidityExtended {
            Objects.requireNonNull(voucherId, "voucherId");
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(validUntil, "validUntil");
            Objects.requireNonNull(acceptedUntil, "acceptedUntil");
            Objects.requireNonNull(extendedAt, "extendedAt");
        }
    }

    /**
     * Moved into a distributor's stock with its book, from the funder's own stock (previousDistributorId null)
     * or from another distributor. Only the holder may hand the voucher out.
     */
    @EventType("voucher.consigned.v1")
    record VoucherConsigned(
            UUID voucherId,
            UUID programmeId,
            UUID bookId,
            UUID distributorId,
            UUID previousDistributorId, // nullable: from the funder's own stock
            Instant consignedAt) implements VoucherEvent {

        public VoucherConsigned {
            Objects.requireNonNull(voucherId, "voucherId");
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(bookId, "bookId");
            Objects.requireNonNull(distributorId, "distributorId");
            Objects.requireNonNull(consignedAt, "consignedAt");
        }
    }
}
