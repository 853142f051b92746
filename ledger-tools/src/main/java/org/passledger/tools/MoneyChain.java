package org.passledger.tools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.passledger.events.LedgerEvent;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.SettlementEvent.VoucherReimbursed;

/**
 * The money chain across services, from their event stores (the ledger itself, not a read model): every
 * reimbursement pays a redemption of that voucher that redemption-service stored, and no voucher is reimbursed more
 * than once. A reimbursement whose redemption was reversed afterwards is a known case (settlement lists it under
 * {@code /reversal-flags}): a warning, not a difference.
 */
final class MoneyChain {

    /** The event types the chain is made of, read from every store. */
    static final List<String> TYPES = List.of("voucher.redeemed.v1", "voucher.redemption-reversed.v1",
            "voucher.reimbursed.v1");

    record Finding(String line, List<String> differences, List<String> warnings) {
    }

    private MoneyChain() {
    }

    static Finding check(List<LedgerEvent> events) {
        Map<UUID, VoucherRedeemed> redemptions = new LinkedHashMap<>();
        Set<UUID> reversed = new HashSet<>();
        Map<UUID, List<VoucherReimbursed>> reimbursed = new LinkedHashMap<>();
        for (LedgerEvent event : events) {
            if (event instanceof VoucherRedeemed r) {
                redemptions.put(r.redemptionId(), r);
            } else if (event instanceof RedemptionReversed r) {
                reversed.add(r.redemptionId());
            } else if (event instanceof VoucherReimbursed r) {
                reimbursed.computeIfAbsent(r.voucherId(), v -> new ArrayList<>()).add(r);
            }
        }
        List<String> differences = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long unredeemed = 0;
        long twice = 0;
        long reimbursements = 0;
        for (Map.Entry<UUID, List<VoucherReimbursed>> voucher : reimbursed.entrySet()) {
            List<VoucherReimbursed> payments = voucher.getValue();
            reimbursements += payments.size();
            if (payments.size() > 1) {
                twice++;
                differences.add("voucher " + voucher.getKey() + " reimbursed " + payments.size() + " times: "
                        + payments.stream().map(p -> p.amountCents() + " cents on statement " + p.statementId()).toList());
            }
            for (VoucherReimbursed payment : payments) {
                VoucherRedeemed redemption = redemptions.get(payment.redemptionId());
                if (redemption == null || !redemption.voucherId().equals(payment.voucherId())) {
                    unredeemed++;
                    differences.add("voucher " + payment.voucherId() + " reimbursed " + payment.amountCents()
                            + " cents (statement " + payment.statementId() + ") for redemption " + payment.redemptionId()
                            + ", which no store holds for this voucher: never redeemed");
                } else if (reversed.contains(payment.redemptionId())) {
                    warnings.add("voucher " + payment.voucherId() + " reimbursed, its redemption "
                            + payment.redemptionId() + " reversed (a reversal flag)");
                }
            }
        }
        String line = String.format("%-12s %d redemptions (%d reversed), %d reimbursements: %d of a voucher never"
                        + " redeemed, %d vouchers reimbursed more than once%s  %s", "money chain", redemptions.size(),
                reversed.size(), reimbursements, unredeemed, twice,
                warnings.isEmpty() ? "" : "; " + warnings.size() + " reimbursed then reversed (warning)",
                differences.isEmpty() ? "OK" : "DIFFERENT");
        return new Finding(line, differences, warnings);
    }
}
