package org.passledger.issuance.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a funder (or the operator) may ask of a funding programme. */
public sealed interface ProgrammeCommand {

    UUID programmeId();

    record OpenProgramme(UUID programmeId, UUID funderId, String funderName, String funderType, String name,
                         long budgetCents, long faceValueCents, int bookSize, List<String> territory,
                         LocalDate validUntil, LocalDate acceptedUntil, List<String> targetPublics,
                         List<String> allowedServices, int feeRateBasisPoints) implements ProgrammeCommand {
    }

    /**
     * {@code funderId} is the caller: only the programme's own funder orders books for it. {@code asJob} allows
     * a large order, whose vouchers are issued afterwards in chunks (the budget is reserved by the order itself).
     */
    record OrderBooks(UUID programmeId, UUID orderId, UUID funderId, int books, boolean asJob)
            implements ProgrammeCommand {

        public OrderBooks(UUID programmeId, UUID orderId, UUID funderId, int books) {
            this(programmeId, orderId, funderId, books, false);
        }
    }

    /** The funder (the caller) registers a distributor, by its party id, for the programme. */
    record RegisterDistributor(UUID programmeId, UUID funderId, UUID distributorId, String name, String kind)
            implements ProgrammeCommand {
    }

    /**
     * Books move into a registered distributor's stock; {@code previousDistributorId} is who held them (null:
     * the funder), {@code voucherCount} how many vouchers they hold.
     */
    record ConsignBooks(UUID programmeId, UUID funderId, UUID distributorId, UUID previousDistributorId,
                        List<UUID> bookIds, int voucherCount) implements ProgrammeCommand {
    }

    /**
     * Records books whose vouchers were just cancelled (each voucher's own stream refused any handed out), so
     * their face value {@code releasedCents} returns to the budget; {@code funderId} null when the operator asks.
     */
    record CancelBooks(UUID programmeId, UUID funderId, List<UUID> bookIds, int voucherCount, long releasedCents,
                       String reason) implements ProgrammeCommand {
    }

    /** New dates for the vouchers ordered from now on; {@code funderId} null when the operator asks. */
    record ExtendProgrammeValidity(UUID programmeId, UUID funderId, LocalDate validUntil, LocalDate acceptedUntil)
            implements ProgrammeCommand {
    }

    /** {@code funderId} is the calling funder, or null when the operator records the payment order. */
    record ConfirmFunding(UUID programmeId, UUID orderId, UUID funderId, String paymentOrderReference)
            implements ProgrammeCommand {
    }
}
