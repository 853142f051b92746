package org.passledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A funder's funding programme and its book orders. Topic {@link Topics#PROGRAMMES}. */
public sealed interface ProgrammeEvent extends LedgerEvent
        permits ProgrammeEvent.ProgrammeOpened,
                ProgrammeEvent.BooksOrdered,
                ProgrammeEvent.FundingConfirmed {

    UUID programmeId();

    @JsonIgnore
    @Override
    default String subject() {
        return programmeId().toString();
    }

    /** The terms every voucher of the programme inherits. */
    @EventType("programme.opened.v1")
    record ProgrammeOpened(
            UUID programmeId,
            UUID funderId,
            String funderName,
            String funderType,
            String name,
            long budgetCents,
            long faceValueCents,
            int bookSize,
            List<String> territory, // département codes
            LocalDate validUntil,
            LocalDate acceptedUntil,
            List<String> targetPublics,
            List<String> allowedServices, // empty = every service
            int feeRateBasisPoints, // 400 = 4 %
            Instant openedAt) implements ProgrammeEvent {

        public ProgrammeOpened {
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(funderId, "funderId");
            Objects.requireNonNull(funderName, "funderName");
            Objects.requireNonNull(funderType, "funderType");
            Objects.requireNonNull(name, "name");
            Require.nonNegative(budgetCents, "budgetCents");
            Require.nonNegative(faceValueCents, "faceValueCents");
            Require.positive(bookSize, "bookSize");
            territory = List.copyOf(Objects.requireNonNull(territory, "territory"));
            Objects.requireNonNull(validUntil, "validUntil");
            Objects.requireNonNull(acceptedUntil, "acceptedUntil");
            targetPublics = List.copyOf(Objects.requireNonNull(targetPublics, "targetPublics"));
            allowedServices = List.copyOf(Objects.requireNonNull(allowedServices, "allowedServices"));
            Require.between(feeRateBasisPoints, 0, 10_000, "feeRateBasisPoints");
            Objects.requireNonNull(openedAt, "openedAt");
        }
    }

    /** Books are printed at once but their vouchers stay inactive until {@link FundingConfirmed}. */
    @EventType("programme.books-ordered.v1")
    record BooksOrdered(
            UUID programmeId,
            UUID orderId,
            UUID funderId,
            int books,
            int bookSize,
            int voucherCount,
            long faceValueCents,
            long amountCents, // face value total: voucherCount x faceValueCents
            long feeCents,
            Instant orderedAt) implements ProgrammeEvent {

        public BooksOrdered {
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(funderId, "funderId");
            Require.positive(books, "books");
            Require.positive(bookSize, "bookSize");
            Require.positive(voucherCount, "voucherCount");
            Require.nonNegative(faceValueCents, "faceValueCents");
            Require.nonNegative(amountCents, "amountCents");
            Require.nonNegative(feeCents, "feeCents");
            Objects.requireNonNull(orderedAt, "orderedAt");
        }
    }

    /** The funder's payment order for an order was received: its vouchers may now be activated. */
    @EventType("programme.funding-confirmed.v1")
    record FundingConfirmed(
            UUID programmeId,
            UUID orderId,
            UUID funderId,
            String paymentOrderReference,
            long amountCents,
            Instant confirmedAt) implements ProgrammeEvent {

        public FundingConfirmed {
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(funderId, "funderId");
            Objects.requireNonNull(paymentOrderReference, "paymentOrderReference");
            Require.nonNegative(amountCents, "amountCents");
            Objects.requireNonNull(confirmedAt, "confirmedAt");
        }
    }
}
