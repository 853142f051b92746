package org.passledger.labelling.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.passledger.events.StructureEvent.ProfileChanged;
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

    /** The {@code structure.profile-changed.v1} event that records this profile. */
    public ProfileChanged changed(UUID structureId, Instant at) {
        return new ProfileChanged(structureId,
                openingHours.stream().map(h -> new org.passledger.events.values.OpeningHours(h.day().name(),
                        h.opens().toString(), h.closes().toString())).toList(),
                contact == null ? null : new org.passledger.events.values.OrganisationContact(contact.email(),
                        contact.phone(), contact.website()),
                sites.stream().map(s -> new org.passledger.events.values.Site(s.name(), s.address(), s.location()))
                        .toList(),
                catalogue.stream().map(c -> new org.passledger.events.values.CatalogueService(c.code(), c.label(),
                        c.durationMinutes())).toList(),
                at);
    }

    /** The profile a {@code structure.profile-changed.v1} event records. */
    public static StructureProfile of(ProfileChanged event) {
        return new StructureProfile(
                event.openingHours().stream().map(h -> new OpeningHours(DayOfWeek.valueOf(h.day()),
                        LocalTime.parse(h.opens()), LocalTime.parse(h.closes()))).toList(),
                event.contact() == null ? null : new OrganisationContact(event.contact().email(),
                        event.contact().phone(), event.contact().website()),
                event.sites().stream().map(s -> new Site(s.name(), s.address(), s.location())).toList(),
                event.catalogue().stream().map(c -> new CatalogueService(c.code(), c.label(), c.durationMinutes()))
                        .toList());
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
