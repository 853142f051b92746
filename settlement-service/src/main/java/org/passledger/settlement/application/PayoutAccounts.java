package org.passledger.settlement.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.SqlTime;
import org.passledger.settlement.domain.Iban;
import org.passledger.settlement.domain.PayoutAccount;
import org.passledger.settlement.domain.PayoutAccount.Status;

/**
 * Places' payout accounts, kept as write-side state in this service's tables: each change and its history entry
 * are written in the transaction of the command, which also locks the account's row.
 */
@ApplicationScoped
public class PayoutAccounts {

    /** One status an account went through. */
    public record HistoryEntry(Status status, Instant changedAt, String actor, String reason) {
    }

    /** An account and its history, oldest entry first. */
    public record AccountRecord(PayoutAccount account, Instant updatedAt, List<HistoryEntry> history) {
    }

    private static final String COLUMNS = "cast(account_id as text), cast(structure_id as text), iban, bic, "
            + "holder_name, status, " + SqlTime.micros("registered_at") + ", " + SqlTime.micros("updated_at");

    private final Clock clock;

    public PayoutAccounts(Clock clock) {
        this.clock = clock;
    }

    /** Registers the place's account details; the same details again change nothing. */
    public Uni<PayoutAccount> register(Mutiny.Session session, UUID structureId, String iban, String bic,
                                       String holderName, String actor) {
        Iban checked = Iban.parse(iban);
        Instant now = clock.instant();
        return lockPlace(session, structureId)
                .chain(() -> current(session, structureId, true))
                .chain(current -> {
                    var registration = PayoutAccount.register(current, UUID.randomUUID(), structureId, checked,
                            bic, holderName.strip(), now);
                    if (registration.unchanged()) {
                        return Uni.createFrom().item(registration.registered());
                    }
                    Uni<Void> closing = current != null && current.status() != registration.current().status()
                            ? update(session, registration.current(), actor, "replaced by a new account", now)
                            : Uni.createFrom().voidItem();
                    return closing.chain(() -> insert(session, registration.registered(), actor, now))
                            .replaceWith(registration.registered());
                });
    }

    public Uni<PayoutAccount> verify(Mutiny.Session session, UUID accountId, String actor, String reason) {
        return change(session, accountId, PayoutAccount::verify, actor, reason);
    }

    public Uni<PayoutAccount> refuse(Mutiny.Session session, UUID accountId, String actor, String reason) {
        return change(session, accountId, PayoutAccount::refuse, actor, reason);
    }

    public Uni<PayoutAccount> close(Mutiny.Session session, UUID accountId, String actor, String reason) {
        return change(session, accountId, PayoutAccount::close, actor, reason);
    }

    /** Refuses the account unless it is refused or closed already (a rejected transfer to an old account). */
    public Uni<Void> refuseIfOpen(Mutiny.Session session, UUID accountId, String actor, String reason) {
        Instant now = clock.instant();
        return session.createNativeQuery("select " + COLUMNS
                        + " from payout_accounts where account_id = cast(:id as uuid) for update", Object[].class)
                .setParameter("id", accountId.toString())
                .getSingleResult()
                .chain(row -> {
                    PayoutAccount account = account(row);
                    return account.isOpen() ? update(session, account.refuse(), actor, reason, now)
                            : Uni.createFrom().voidItem();
                });
    }

    /** The place's verified account, locked against a concurrent change until the transaction ends. */
    public Uni<PayoutAccount> requireVerified(Mutiny.Session session, UUID structureId) {
        return session.createNativeQuery("select " + COLUMNS + """
                         from payout_accounts
                        where structure_id = cast(:structure as uuid) and status = 'VERIFIED'
                        for share""", Object[].class)
                .setParameter("structure", structureId.toString())
                .getResultList()
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw PayoutAccount.noVerifiedAccount(structureId);
                    }
                    return account(rows.get(0));
                });
    }

    /** The place's latest account with its history, or null when it never registered one. */
    public Uni<AccountRecord> latest(Mutiny.Session session, UUID structureId) {
        return session.createNativeQuery("select " + COLUMNS + """
                         from payout_accounts where structure_id = cast(:structure as uuid)
                        order by (status in ('PENDING', 'VERIFIED')) desc, registered_at desc limit 1""",
                        Object[].class)
                .setParameter("structure", structureId.toString())
                .getResultList()
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().nullItem() : withHistory(session, rows.get(0)));
    }

    /** One account with its history, or null. */
    public Uni<AccountRecord> find(Mutiny.Session session, UUID accountId) {
        return session.createNativeQuery("select " + COLUMNS
                        + " from payout_accounts where account_id = cast(:id as uuid)", Object[].class)
                .setParameter("id", accountId.toString())
                .getResultList()
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().nullItem() : withHistory(session, rows.get(0)));
    }

    private Uni<AccountRecord> withHistory(Mutiny.Session session, Object[] row) {
        PayoutAccount account = account(row);
        return session.createNativeQuery("select status, " + SqlTime.micros("changed_at") + """
                        , actor, reason from payout_account_history
                        where account_id = cast(:id as uuid) order by entry_id""", Object[].class)
                .setParameter("id", account.accountId().toString())
                .getResultList()
                .map(entries -> new AccountRecord(account, SqlTime.fromMicros(row[7]), entries.stream()
                        .map(e -> new HistoryEntry(Status.valueOf((String) e[0]), SqlTime.fromMicros(e[1]),
                                (String) e[2], (String) e[3]))
                        .toList()));
    }

    private Uni<PayoutAccount> change(Mutiny.Session session, UUID accountId,
                                      java.util.function.UnaryOperator<PayoutAccount> transition, String actor,
                                      String reason) {
        Instant now = clock.instant();
        return session.createNativeQuery("select " + COLUMNS
                        + " from payout_accounts where account_id = cast(:id as uuid) for update", Object[].class)
                .setParameter("id", accountId.toString())
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        throw Refusal.notFound("payout-account", accountId);
                    }
                    PayoutAccount next = transition.apply(account(rows.get(0)));
                    return update(session, next, actor, reason, now).replaceWith(next);
                });
    }

    /** Serialises registrations of one place, so two at once cannot both stand. */
    private static Uni<Void> lockPlace(Mutiny.Session session, UUID structureId) {
        return session.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "payout-account:" + structureId)
                .getSingleResult()
                .replaceWithVoid();
    }

    private Uni<PayoutAccount> current(Mutiny.Session session, UUID structureId, boolean forUpdate) {
        return session.createNativeQuery("select " + COLUMNS + """
                         from payout_accounts
                        where structure_id = cast(:structure as uuid) and status in ('PENDING', 'VERIFIED')"""
                        + (forUpdate ? " for update" : ""), Object[].class)
                .setParameter("structure", structureId.toString())
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : account(rows.get(0)));
    }

    private static Uni<Void> insert(Mutiny.Session session, PayoutAccount account, String actor, Instant now) {
        return session.createNativeQuery("""
                        insert into payout_accounts (account_id, structure_id, iban, bic, holder_name, status,
                                                     registered_at, updated_at)
                        values (cast(:id as uuid), cast(:structure as uuid), :iban, :bic, :holder, :status, :at, :at)""")
                .setParameter("id", account.accountId().toString())
                .setParameter("structure", account.structureId().toString())
                .setParameter("iban", account.iban().value())
                .setParameter("bic", account.bic())
                .setParameter("holder", account.holderName())
                .setParameter("status", account.status().name())
                .setParameter("at", now.atOffset(ZoneOffset.UTC))
                .executeUpdate()
                .chain(() -> history(session, account, actor, "registered", now));
    }

    private static Uni<Void> update(Mutiny.Session session, PayoutAccount account, String actor, String reason,
                                    Instant now) {
        return session.createNativeQuery("""
                        update payout_accounts set status = :status, updated_at = :at
                        where account_id = cast(:id as uuid)""")
                .setParameter("status", account.status().name())
                .setParameter("at", now.atOffset(ZoneOffset.UTC))
                .setParameter("id", account.accountId().toString())
                .executeUpdate()
                .chain(() -> history(session, account, actor, reason, now));
    }

    private static Uni<Void> history(Mutiny.Session session, PayoutAccount account, String actor, String reason,
                                     Instant now) {
        return session.createNativeQuery("""
                        insert into payout_account_history (account_id, status, changed_at, actor, reason)
                        values (cast(:id as uuid), :status, :at, :actor, :reason)""")
                .setParameter("id", account.accountId().toString())
                .setParameter("status", account.status().name())
                .setParameter("at", now.atOffset(ZoneOffset.UTC))
                .setParameter("actor", actor)
                .setParameter("reason", reason)
                .executeUpdate()
                .replaceWithVoid();
    }

    static PayoutAccount account(Object[] row) {
        return new PayoutAccount(UUID.fromString((String) row[0]), UUID.fromString((String) row[1]),
                new Iban((String) row[2]), (String) row[3], (String) row[4], Status.valueOf((String) row[5]),
                SqlTime.fromMicros(row[6]));
    }
}
