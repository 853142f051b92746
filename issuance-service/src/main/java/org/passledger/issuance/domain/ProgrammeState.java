package org.passledger.issuance.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What decisions about one programme need to know of its past: its terms (with the dates of its last
 * programme-wide extension), the budget committed and released by cancellations, its orders, its registered
 * distributors and its cancelled books.
 */
public record ProgrammeState(boolean opened, UUID funderId, String name, long budgetCents, long faceValueCents, int bookSize,
                             int feeRateBasisPoints, List<String> territory, List<String> allowedServices,
                             LocalDate validUntil, LocalDate acceptedUntil, long committedCents,
                             Map<UUID, Order> orders, long releasedCents, Map<UUID, String> distributors,
                             Set<UUID> cancelledBooks) {

    public static final ProgrammeState UNOPENED = new ProgrammeState(false, null, null, 0, 0, 0, 0, List.of(),
            List.of(), null, null, 0, Map.of(), 0, Map.of(), Set.of());

    /** One book order, funded once its payment order is received. */
    public record Order(UUID orderId, int books, int voucherCount, long amountCents, long feeCents,
                        String paymentOrderReference) {

        public boolean funded() {
            return paymentOrderReference != null;
        }
    }

    public ProgrammeState {
        orders = Map.copyOf(orders);
        distributors = Map.copyOf(distributors);
        cancelledBooks = Set.copyOf(cancelledBooks);
    }

    /** Face value still free for new orders: budget - committed + what cancelled books gave back. */
    public long remainingCents() {
        return budgetCents - committedCents + releasedCents;
    }

    public boolean registered(UUID distributorId) {
        return distributors.containsKey(distributorId);
    }

    ProgrammeState withOrder(Order order, long committed) {
        Map<UUID, Order> next = new LinkedHashMap<>(orders);
        next.put(order.orderId(), order);
        return new ProgrammeState(opened, funderId, name, budgetCents, faceValueCents, bookSize, feeRateBasisPoints,
                territory, allowedServices, validUntil, acceptedUntil, committed, next, releasedCents, distributors,
                cancelledBooks);
    }

    ProgrammeState withDistributor(UUID distributorId, String distributorName) {
        Map<UUID, String> next = new LinkedHashMap<>(distributors);
        next.put(distributorId, distributorName);
        return new ProgrammeState(opened, funderId, name, budgetCents, faceValueCents, bookSize, feeRateBasisPoints,
                territory, allowedServices, validUntil, acceptedUntil, committedCents, orders, releasedCents, next,
                cancelledBooks);
    }

    ProgrammeState withCancelled(List<UUID> books, long released) {
        Set<UUID> next = new HashSet<>(cancelledBooks);
        next.addAll(books);
        return new ProgrammeState(opened, funderId, name, budgetCents, faceValueCents, bookSize, feeRateBasisPoints,
                territory, allowedServices, validUntil, acceptedUntil, committedCents, orders,
                releasedCents + released, distributors, next);
    }

    ProgrammeState withValidity(LocalDate valid, LocalDate accepted) {
        return new ProgrammeState(opened, funderId, name, budgetCents, faceValueCents, bookSize, feeRateBasisPoints,
                territory, allowedServices, valid, accepted, committedCents, orders, releasedCents, distributors,
                cancelledBooks);
    }
}
