package org.passledger.issuance.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What decisions about one programme need to know of its past: its terms, the budget committed and its orders. */
public record ProgrammeState(boolean opened, UUID funderId, String name, long budgetCents, long faceValueCents, int bookSize,
                             int feeRateBasisPoints, List<String> territory, List<String> allowedServices,
                             LocalDate validUntil, LocalDate acceptedUntil, long committedCents,
                             Map<UUID, Order> orders) {

    public static final ProgrammeState UNOPENED =
            new ProgrammeState(false, null, null, 0, 0, 0, 0, List.of(), List.of(), null, null, 0, Map.of());

    /** One book order, funded once its payment order is received. */
    public record Order(UUID orderId, int books, int voucherCount, long amountCents, long feeCents,
                        String paymentOrderReference) {

        public boolean funded() {
            return paymentOrderReference != null;
        }
    }

    public ProgrammeState {
        orders = Map.copyOf(orders);
    }

    /** Face value still free for new orders, before any cancellation gave some back. */
    public long remainingCents() {
        return budgetCents - committedCents;
    }

    /** Face value still free for new orders once cancelled vouchers gave {@code releasedCents} back. */
    public long remainingCents(long releasedCents) {
        return budgetCents - committedCents + releasedCents;
    }

    ProgrammeState withOrder(Order order, long committed) {
        Map<UUID, Order> next = new LinkedHashMap<>(orders);
        next.put(order.orderId(), order);
        return new ProgrammeState(opened, funderId, name, budgetCents, faceValueCents, bookSize, feeRateBasisPoints,
                territory, allowedServices, validUntil, acceptedUntil, committed, next);
    }
}
