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
     * {@code funderId} is the caller: only the programme's own funder orders books for it. {@code releasedCents}
     * is the face value cancelled vouchers gave back to the budget; {@code asJob} allows a large order, whose
     * vouchers are issued afterwards in chunks (the budget is reserved by the order itself).
     */
    record OrderBooks(UUID programmeId, UUID orderId, UUID funderId, int books, long releasedCents, boolean asJob)
            implements ProgrammeCommand {

        public OrderBooks(UUID programmeId, UUID orderId, UUID funderId, int books) {
            this(programmeId, orderId, funderId, books, 0, false);
        }
    }

    /** {@code funderId} is the calling funder, or null when the operator records the payment order. */
    record ConfirmFunding(UUID programmeId, UUID orderId, UUID funderId, String paymentOrderReference)
            implements ProgrammeCommand {
    }
}
