package org.passledger.settlement.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passledger.events.EventEnvelope;
import org.passledger.events.LedgerEvent;
import org.passledger.events.ProgrammeEvent.BooksOrdered;
import org.passledger.events.ProgrammeEvent.FundingConfirmed;
import org.passledger.events.ProgrammeEvent.ProgrammeOpened;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherExpired;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.passledger.testkit.KafkaTopics;

/** A programme's life published as issuance and redemption would publish it. */
final class ProgrammeFixtures {

    final UUID programmeId = UUID.randomUUID();
    final UUID funderId = UUID.randomUUID();
    final UUID orderId = UUID.randomUUID();
    final long faceValueCents;
    final Instant at;

    ProgrammeFixtures(long budgetCents, long faceValueCents, int vouchersOrdered, Instant at) {
        this.faceValueCents = faceValueCents;
        this.at = at;
        publish(Topics.PROGRAMMES, new ProgrammeOpened(programmeId, funderId, "Conseil départemental", "departement",
                "Pass test", budgetCents, faceValueCents, 10, List.of("30"), LocalDate.parse("2027-12-31"),
                LocalDate.parse("2027-12-31"), List.of(), List.of(), 400, at));
        publish(Topics.PROGRAMMES, new BooksOrdered(programmeId, orderId, funderId, 1, 10, vouchersOrdered,
                faceValueCents, vouchersOrdered * faceValueCents, 0, at));
        publish(Topics.PROGRAMMES, new FundingConfirmed(programmeId, orderId, funderId, "PO-1",
                vouchersOrdered * faceValueCents, at));
    }

    /** Issued and activated; handed out if asked. */
    UUID voucher(boolean handedOut) {
        UUID voucher = UUID.randomUUID();
        publish(Topics.VOUCHERS, new VoucherIssued(voucher, "a".repeat(64), programmeId, funderId, orderId,
                UUID.randomUUID(), 1, faceValueCents, List.of("30"), List.of(), LocalDate.parse("2027-12-31"),
                LocalDate.parse("2027-12-31"), at));
        publish(Topics.VOUCHERS, new VoucherActivated(voucher, programmeId, funderId, "PO-1", at.plusSeconds(60)));
        if (handedOut) {
            publish(Topics.VOUCHERS, new VoucherDistributed(voucher, programmeId, funderId, UUID.randomUUID(),
                    "ben-1", null, null, at.plusSeconds(120)));
        }
        return voucher;
    }

    void expire(UUID voucher, Instant when) {
        publish(Topics.VOUCHERS, new VoucherExpired(voucher, programmeId, funderId, faceValueCents,
                LocalDate.parse("2027-12-31"), when));
    }

    /** Redeemed at the place, in that département; answers the redemption event's id. */
    VoucherRedeemed redeem(UUID voucher, UUID place, String departement, Instant when) {
        var redeemed = new VoucherRedeemed(voucher, UUID.randomUUID(), programmeId, funderId, place, departement,
                "first-steps-computer", faceValueCents, null, null, when);
        publish(Topics.REDEMPTIONS, redeemed);
        return redeemed;
    }

    /** A reimbursement nobody earned, as a faulty producer would send it. */
    void injectReimbursement(UUID voucher, UUID place, long cents) {
        publish(Topics.SETTLEMENTS, new VoucherReimbursed(voucher, UUID.randomUUID(), UUID.randomUUID(), place,
                programmeId, funderId, cents, at.plusSeconds(3600)));
    }

    static void publish(String topic, LedgerEvent event) {
        EventEnvelope envelope = EventEnvelope.of(event, UUID.randomUUID(), "/pass-ledger/test", Instant.now(), 1,
                UUID.randomUUID(), null, "system:test");
        KafkaTopics.send(topic, envelope.kafkaKey(), envelope.kafkaValue(), envelope.toKafkaHeaders());
    }
}
