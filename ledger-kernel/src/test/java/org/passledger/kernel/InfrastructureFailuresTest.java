package org.passledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.projection.InfrastructureFailures;

/** Which failures a consumer waits out, and which make a record a dead letter. */
class InfrastructureFailuresTest {

    @Test
    void theDatabaseGoneOrRestarting_isWaitedOut_howeverDeeplyWrapped() {
        assertThat(InfrastructureFailures.isTransient(new SocketException("Connection reset"))).isTrue();
        assertThat(InfrastructureFailures.isTransient(new CompletionException(new HibernateException(
                new ConnectException("Connection refused"))))).isTrue();
        assertThat(InfrastructureFailures.isTransient(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(InfrastructureFailures.isTransient(new VertxException("Connection reset", true))).isTrue();
        assertThat(InfrastructureFailures.isTransient(pg("57P01", "terminating connection due to administrator command")))
                .isTrue();
        assertThat(InfrastructureFailures.isTransient(pg("40P01", "deadlock detected"))).isTrue();
        assertThat(InfrastructureFailures.isTransient(pg("08006", "connection failure"))).isTrue();
    }

    @Test
    void aFailureOfTheRecordItself_isNot() {
        assertThat(InfrastructureFailures.isTransient(new IllegalStateException("voucher event for unknown voucher")))
                .isFalse();
        assertThat(InfrastructureFailures.isTransient(new CompletionException(
                pg("23505", "duplicate key value violates unique constraint")))).isFalse();
        assertThat(InfrastructureFailures.isTransient(pg("22P02", "invalid input syntax for type uuid"))).isFalse();
        assertThat(InfrastructureFailures.isTransient(new VertxException("Parameter at position[0]", true))).isFalse();
        assertThat(InfrastructureFailures.isTransient(
                new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected character"))).isFalse();
    }

    private static PgException pg(String sqlState, String message) {
        return new PgException(message, "ERROR", sqlState, null);
    }
}
