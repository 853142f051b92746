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
                ProgrammeEvent.FundingConfirmed,
                ProgrammeEvent.DistributorRegistered,
                ProgrammeEvent.BooksConsigned,
                ProgrammeEvent.BooksCancelled,
                ProgrammeEvent.ProgrammeValidityExtended {

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

    /** The funder registered a distributor (a CCAS, a social service, France Services...) for the programme. */
    @EventType("programme.distributor-registered.v1")
    record DistributorRegistered(
            UUID programmeId,
            UUID distributorId, // the distributor's party id
            String name,
            String kind, // ccas, social-service, france-services, job-centre, association, other
            Instant registeredAt) implements ProgrammeEvent {

        public DistributorRegistered {
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(distributorId, "distributorId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(registeredAt, "registeredAt");
        }
    }

    /** Books moved into a distributor's stock, from the funder (no previous distributor) or from another one. */
    @EventType("programme.books-consigned.v1")
    record BooksConsigned(
            UUID programmeId,
            UUID distributorId,
            UUID previousDistributorId, // null: from the funder's own stock
            List<UUID> bookIds,
            int voucherCount,
            Instant consignedAt) implements ProgrammeEvent {

        public BooksConsigned {
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(distributorId, "distributorId");
            bookIds = List.copyOf(Objects.requireNonNull(bookIds, "bookIds"));
            Require.positive(voucherCount, "voucherCount");
            Objects.requireNonNull(consignedAt, "consignedAt");
        }
    }

    /** Books never handed out were cancelled: their face value returns to the programme's budget. */
    @EventType("programme.books-cancelled.v1")
    record BooksCancelled(
            UUID programmeId,
            UUID funderId,
            List<UUID> bookIds,
            int voucherCount, // vouchers cancelled by this event
            long releasedCents, // face value returned to the budget
            String reason,
            Instant cancelledAt) implements ProgrammeEvent {

        public BooksCancelled {
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(funderId, "funderId");
            bookIds = List.copyOf(Objects.requireNonNull(bookIds, "bookIds"));
            Require.nonNegative(voucherCount, "voucherCount");
            Require.nonNegative(releasedCents, "releasedCents");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cancelledAt, "cancelledAt");
        }
    }

    /** The programme's validity was extended: the dates given to every voucher ordered from now on. */
    @EventType("programme.validity-extended.v1")
    record ProgrammeValidityExtended(
            UUID programmeId,
            LocalDate validUntil,
            LocalDate acceptedUntil,
            Instant extendedAt) implements ProgrammeEvent {

        public ProgrammeValidityExtended {
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(validUntil, "validUntil");
            Objects.requireNonNull(acceptedUntil, "acceptedUntil");
            Objects.requireNonNull(extendedAt, "extendedAt");
        }
    }
}
