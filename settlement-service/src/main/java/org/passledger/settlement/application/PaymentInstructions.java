package org.passledger.settlement.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.kernel.store.SqlTime;
import org.passledger.settlement.domain.PayoutAccount;

/**
 * What a statement is paid to: the place's verified account, copied when the payment is instructed (in a
 * payment batch, or at the latest when the payment is confirmed) and never changed afterwards.
 */
@ApplicationScoped
public class PaymentInstructions {

    /** A statement's payment instruction. */
    public record Instruction(UUID statementId, UUID structureId, UUID accountId, String iban, String bic,
                              String holderName, long amountCents, UUID batchId, Instant createdAt) {
    }

    private final PayoutAccounts accounts;
    private final Clock clock;

    public PaymentInstructions(PayoutAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The statement's instruction: the one already made, or a new one copied from the place's verified account
     * (refused with no-verified-account when there is none).
     */
    public Uni<Instruction> instruct(Mutiny.Session session, UUID statementId, UUID structureId, long amountCents,
                                     UUID batchId) {
        return lock(session, statementId).chain(() -> find(session, statementId)).chain(existing -> {
            if (existing != null) {
                // instructed in a batch: the transfer went to that account, unless the bank refused it since
                return session.createNativeQuery(
                                "select status from payout_accounts where account_id = cast(:id as uuid) for share",
                                String.class)
                        .setParameter("id", existing.accountId().toString())
                        .getSingleResult()
                        .map(status -> {
                            if ("REFUSED".equals(status)) {
                                throw PayoutAccount.noVerifiedAccount(structureId);
                            }
                            return existing;
                        });
            }
            return accounts.requireVerified(session, structureId).chain(account -> {
                var instruction = new Instruction(statementId, structureId, account.accountId(),
                        account.iban().value(), account.bic(), account.holderName(), amountCents, batchId,
                        clock.instant());
                return session.createNativeQuery("""
                                insert into payment_instructions (statement_id, structure_id, account_id, iban, bic,
                                    holder_name, amount_cents, created_at)
                                values (cast(:statement as uuid), cast(:structure as uuid), cast(:account as uuid),
                                    :iban, :bic, :holder, :amount, :at)""")
                        .setParameter("statement", statementId.toString())
                        .setParameter("structure", structureId.toString())
                        .setParameter("account", account.accountId().toString())
                        .setParameter("iban", instruction.iban())
                        .setParameter("bic", instruction.bic())
                        .setParameter("holder", instruction.holderName())
                        .setParameter("amount", amountCents)
                        .setParameter("at", instruction.createdAt().atOffset(ZoneOffset.UTC))
                        .executeUpdate()
                        .call(() -> batchId == null ? Uni.createFrom().voidItem() : assign(session, statementId, batchId))
                        .replaceWith(instruction);
            });
        });
    }

    /**
     * Serialises what instructs, batches or rejects one statement's payment until the transaction ends, so a
     * confirmation and a batch at once cannot both instruct it.
     */
    public Uni<Void> lock(Mutiny.Session session, UUID statementId) {
        return session.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "payment-instruction:" + statementId)
                .getSingleResult()
                .replaceWithVoid();
    }

    /** Puts the instruction in a payment batch. */
    public Uni<Void> assign(Mutiny.Session session, UUID statementId, UUID batchId) {
        return session.createNativeQuery("update payment_instructions set batch_id = cast(:batch as uuid) "
                        + "where statement_id = cast(:statement as uuid)")
                .setParameter("batch", batchId.toString())
                .setParameter("statement", statementId.toString())
                .executeUpdate()
                .replaceWithVoid();
    }

    public Uni<Instruction> find(Mutiny.Session session, UUID statementId) {
        return session.createNativeQuery("""
                        select cast(statement_id as text), cast(structure_id as text), cast(account_id as text),
                               iban, bic, holder_name, amount_cents, cast(batch_id as text), """
                        + SqlTime.micros("created_at") + """
                         from payment_instructions where statement_id = cast(:statement as uuid)""", Object[].class)
                .setParameter("statement", statementId.toString())
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : instruction(rows.get(0)));
    }

    static Instruction instruction(Object[] row) {
        return new Instruction(UUID.fromString((String) row[0]), UUID.fromString((String) row[1]),
                UUID.fromString((String) row[2]), (String) row[3], (String) row[4], (String) row[5],
                ((Number) row[6]).longValue(), row[7] == null ? null : UUID.fromString((String) row[7]),
                SqlTime.fromMicros(row[8]));
    }
}
