package org.passledger.redemption.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the issuance events said of one voucher, as this service's projection holds it. Passed into the
 * redemption command so that the decision stays a pure function.
 *
 * @param territory       département codes where the voucher may be used
 * @param allowedServices the services it pays for; empty means every service
 * @param expired         issuance declared it expired ({@code voucher.expired.v1})
 */
public record VoucherFacts(
        UUID voucherId,
        UUID programmeId,
        UUID funderId,
        long faceValueCents,
        List<String> territory,
        List<String> allowedServices,
        LocalDate acceptedUntil,
        boolean activated,
        boolean distributed,
        boolean cancelled,
        boolean expired) {

    public VoucherFacts {
        Objects.requireNonNull(voucherId, "voucherId");
        Objects.requireNonNull(programmeId, "programmeId");
        Objects.requireNonNull(funderId, "funderId");
        territory = List.copyOf(territory);
        allowedServices = List.copyOf(allowedServices);
        Objects.requireNonNull(acceptedUntil, "acceptedUntil");
    }
}
