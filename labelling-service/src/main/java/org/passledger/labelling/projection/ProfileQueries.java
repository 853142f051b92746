package org.passledger.labelling.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.passledger.events.EventJson;
import org.passledger.kernel.command.Transactions;
import org.passledger.labelling.domain.StructureProfile;

/** A place's current profile (hours, contact, sites, catalogue). */
@ApplicationScoped
public class ProfileQueries {

    private final Transactions transactions;

    public ProfileQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    public Uni<Optional<StructureProfile>> profile(UUID structureId) {
        return transactions.read(session -> session.createNativeQuery("""
                        select cast(opening_hours as text), cast(contact as text), cast(sites as text),
                               cast(catalogue as text)
                        from structure_profile where structure_id = cast(:id as uuid)""", Object[].class)
                .setParameter("id", structureId.toString())
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(ProfileQueries::toProfile)));
    }

    private static StructureProfile toProfile(Object[] row) {
        try {
            var json = EventJson.mapper();
            return new StructureProfile(
                    json.readValue((String) row[0], new TypeReference<List<StructureProfile.OpeningHours>>() { }),
                    row[1] == null ? null : json.readValue((String) row[1], StructureProfile.OrganisationContact.class),
                    json.readValue((String) row[2], new TypeReference<List<StructureProfile.Site>>() { }),
                    json.readValue((String) row[3], new TypeReference<List<StructureProfile.CatalogueService>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable profile", e);
        }
    }
}
