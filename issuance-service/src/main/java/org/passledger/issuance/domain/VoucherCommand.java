package org.passledger.issuance.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What may be asked of one voucher on the issuance side. */
public sealed interface VoucherCommand {

    UUID voucherId();

    /** Issued in a book of an order; the code itself stays out of the ledger, only its hash is kept. */
    record IssueVoucher(UUID voucherId, String codeHash, UUID programmeId, UUID funderId, UUID orderId, UUID bookId,
                        int positionInBook, long faceValueCents, List<String> territory,
                        List<String> allowedServices, LocalDate validUntil, LocalDate acceptedUntil)
            implements VoucherCommand {
    }

    record ActivateVoucher(UUID voucherId, String paymentOrderReference) implements VoucherCommand {
    }

    /** Into this distributor's stock, with its whole book (the funder consigns books). */
    record ConsignVoucher(UUID voucherId, UUID distributorId) implements VoucherCommand {
    }

    /** {@code distributorId} is the caller; the beneficiary is known only by a pseudonymous reference. */
    record DistributeVoucher(UUID voucherId, UUID distributorId, String beneficiaryRef, String ageBracket,
                             String postcode) implements VoucherCommand {
    }

    /** {@code funderId} is the calling funder; only a voucher never handed out is cancelled. */
    record CancelVoucher(UUID voucherId, UUID funderId, String reason) implements VoucherCommand {
    }

    /** New dates, later than the current ones; {@code funderId} is the calling funder, or null for the operator. */
    record ExtendValidity(UUID voucherId, UUID funderId, LocalDate validUntil, LocalDate acceptedUntil)
            implements VoucherCommand {
    }

    /** After its acceptance date, an active voucher that was not redeemed expires (the expiry job asks). */
    record ExpireVoucher(UUID voucherId) implements VoucherCommand {
    }
}
