package org.passledger.labelling.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.passledger.events.values.Address;
import org.passledger.events.values.GeoPoint;

/**
 * What a place tells the public about itself beyond its registration: opening hours, the organisation's
 * contact (never a private person's), its sites and the catalogue of services it offers.
 */
public record StructureProfile(List<OpeningHours> openingHours, OrganisationContact contact, List<Site> sites,
                               List<CatalogueService> catalogue) {

    public static final StructureProfile EMPTY = new StructureProfile(List.of(), null, List.of(), List.of());

    public StructureProfile {
        openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
        sites = sites == null ? List.of() : List.copyOf(sites);
        catalogue = catalogue == null ? List.of() : List.copyOf(catalogue);
    }

    public List<String> serviceCodes() {
        return catalogue.stream().map(CatalogueService::code).toList();
    }

    /** One opening slot on one day of the week, e.g. Monday 09:00-12:00. */
    public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {

        public OpeningHours {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(opens, "opens");
            Objects.requireNonNull(closes, "closes");
        }
    }

    /** The organisation's own contact points: a shared mailbox, a switchboard, a website. */
    public record OrganisationContact(String email, String phone, String website) {
    }

    /** Another address where the place runs its workshops. */
    public record Site(String name, Address address, GeoPoint location) {

        public Site {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
        }
    }

    /** A service of the catalogue, e.g. "online-procedures" for 90 minutes. */
    public record CatalogueService(String code, String label, int durationMinutes) {

        public CatalogueService {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
        }
    }
}
