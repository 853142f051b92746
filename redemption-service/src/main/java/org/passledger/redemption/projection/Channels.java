package org.passledger.redemption.projection;

/** Incoming channels of this service (configured in application.properties) and its dead-letter topic. */
public final class Channels {

    /** issuance.voucher-events.v1, feeding {@link VoucherEligibility}. */
    public static final String VOUCHERS = "vouchers";
    /** issuance.voucher-events.v1 again, in a group of its own: {@link VoucherFactsFastLane}. */
    public static final String VOUCHER_FACTS = "voucher-facts";
    /** labelling.structure-events.v1, feeding {@link StructureLabel}. */
    public static final String STRUCTURES = "structures";
    /** settlement.settlement-events.v1 (VoucherReimbursed), feeding {@link ReimbursedRedemption}. */
    public static final String SETTLEMENTS = "settlements";
    /** redemption.redemption-events.v1 (this service's own events), feeding {@link RedemptionView}. */
    public static final String REDEMPTIONS = "redemptions";
    /** Where undecodable records of every incoming channel go, with the reason. */
    public static final String DEAD_LETTER_TOPIC = "redemption-service.dead-letter.v1";

    private Channels() {
    }
}
