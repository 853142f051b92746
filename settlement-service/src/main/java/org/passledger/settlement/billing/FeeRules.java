package org.passledger.settlement.billing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.FeeRulePublished;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.store.SqlTime;

/**
 * Publishes fee rules, which never change once published, and finds the rule in force on a day. Within one
 * scope (a programme, or the scheme-wide default) validity periods never overlap, so at most one rule of each
 * scope is in force on a day; a programme's rule comes before the default.
 */
@ApplicationScoped
public class FeeRules {

    /** A published rule. */
    @Schema(name = "FeeRule", description = "A published fee rule: it never changes")
    public record FeeRule(String feeRuleId, UUID programmeId, int rateBasisPoints, LocalDate validFrom,
                          LocalDate validUntil, java.time.Instant publishedAt, String publishedBy) {
    }

    /** What the operator asks to publish. */
    public record Publish(String feeRuleId, UUID programmeId, int rateBasisPoints, LocalDate validFrom,
                          LocalDate validUntil) {
    }

    private static final String COLUMNS = """
            select fee_rule_id, cast(programme_id as text), rate_basis_points, cast(valid_from as text),
                   cast(valid_until as text), """ + SqlTime.micros("published_at") + ", published_by from fee_rules ";

    private static final IssueOnce ONCE = new IssueOnce("fee-rule-exists");

    private final CommandHandler handler;
    private final Clock clock;

    public FeeRules(CommandHandler handler, Clock clock) {
        this.handler = handler;
        this.clock = clock;
    }

    public Uni<FeeRule> publish(Mutiny.Session session, Publish command, EventMetadata metadata) {
        if (command.rateBasisPoints() < 0 || command.rateBasisPoints() > 10_000) {
            throw Refusal.invalid("validation-failed", "rateBasisPoints must be within 0..10000.");
        }
        if (command.validUntil() != null && command.validUntil().isBefore(command.validFrom())) {
            throw Refusal.invalid("invalid-period", "validUntil is before validFrom.");
        }
        String scope = command.programmeId() == null ? "default" : command.programmeId().toString();
        return session.createNativeQuery("select cast(pg_advisory_xact_lock(hashtext(:key)) as text)", String.class)
                .setParameter("key", "fee-rules:" + scope)
                .getSingleResult()
                .chain(() -> exists(session, command.feeRuleId()))
                .chain(exists -> {
                    if (exists) {
                        throw Refusal.rule("fee-rule-exists",
                                "Fee rule '" + command.feeRuleId() + "' exists already: rules never change.");
                    }
                    return overlapping(session, command);
                })
                .chain(overlap -> {
                    if (overlap != null) {
                        throw Refusal.rule("fee-rule-overlaps", "The validity overlaps fee rule '" + overlap
                                + "' of the same scope (" + scope + "): publish a rule for the days after it.");
                    }
                    var event = new FeeRulePublished(command.feeRuleId(), command.programmeId(),
                            command.rateBasisPoints(), command.validFrom(), command.validUntil(), clock.instant());
                    return handler.handle(session, command.feeRuleId(), ONCE, SettlementEvent.class, event, metadata)
                            .chain(() -> insert(session, event, metadata.actor()))
                            .replaceWith(new FeeRule(event.feeRuleId(), event.programmeId(), event.rateBasisPoints(),
                                    event.validFrom(), event.validUntil(), event.publishedAt(), metadata.actor()));
                });
    }

    public Uni<List<FeeRule>> list(Mutiny.Session session) {
        return session.createNativeQuery(COLUMNS + "order by programme_id nulls first, valid_from", Object[].class)
                .getResultList()
                .map(FeeRules::rules);
    }

    /** The rule in force on the day for the programme: its own first, else the default; null if none. */
    public Uni<FeeRule> inForce(Mutiny.Session session, UUID programmeId, LocalDate day) {
        return session.createNativeQuery(COLUMNS + """
                        where (programme_id = cast(:programme as uuid) or programme_id is null)
                          and valid_from <= cast(:day as date)
                          and (valid_until is null or valid_until >= cast(:day as date))
                        order by programme_id nulls last
                        limit 1""", Object[].class)
                .setParameter("programme", programmeId.toString())
                .setParameter("day", day)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : rules(rows).get(0));
    }

    private static Uni<Boolean> exists(Mutiny.Session session, String feeRuleId) {
        return session.createNativeQuery("select count(*) from fee_rules where fee_rule_id = :id", Long.class)
                .setParameter("id", feeRuleId)
                .getSingleResult()
                .map(count -> count > 0);
    }

    private static Uni<String> overlapping(Mutiny.Session session, Publish command) {
        return session.createNativeQuery("""
                        select fee_rule_id from fee_rules
                        where programme_id is not distinct from cast(:programme as uuid)
                          and daterange(valid_from, valid_until, '[]')
                              && daterange(cast(:from as date), cast(:until as date), '[]')
                        order by valid_from limit 1""", String.class)
                .setParameter("programme", command.programmeId() == null ? null : command.programmeId().toString())
                .setParameter("from", command.validFrom())
                .setParameter("until", command.validUntil())
                .getResultList()
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    private static Uni<Void> insert(Mutiny.Session session, FeeRulePublished event, String actor) {
        return session.createNativeQuery("""
                        insert into fee_rules (fee_rule_id, programme_id, rate_basis_points, valid_from, valid_until,
                                               published_at, published_by)
                        values (:id, cast(:programme as uuid), :rate, cast(:from as date), cast(:until as date),
                                :publishedAt, :actor)""")
                .setParameter("id", event.feeRuleId())
                .setParameter("programme", event.programmeId() == null ? null : event.programmeId().toString())
                .setParameter("rate", event.rateBasisPoints())
                .setParameter("from", event.validFrom())
                .setParameter("until", event.validUntil())
                .setParameter("publishedAt", event.publishedAt().atOffset(ZoneOffset.UTC))
                .setParameter("actor", actor)
                .executeUpdate()
                .replaceWithVoid();
    }

    private static List<FeeRule> rules(List<Object[]> rows) {
        List<FeeRule> rules = new ArrayList<>();
        for (Object[] row : rows) {
            rules.add(new FeeRule((String) row[0], row[1] == null ? null : UUID.fromString((String) row[1]),
                    ((Number) row[2]).intValue(), LocalDate.parse((String) row[3]),
                    row[4] == null ? null : LocalDate.parse((String) row[4]), SqlTime.fromMicros(row[5]),
                    (String) row[6]));
        }
        return rules;
    }
}
