package org.passledger.kernel.projection;

import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.hibernate.JDBCException;

/**
 * Tells a failure of the database or the network, which says nothing of the records being applied, from a
 * failure of a record. A consumer waits out the first (the same records are applied once PostgreSQL answers
 * again) and dead-letters only for the second: a good record must never land on a dead-letter topic because
 * the database was restarting.
 */
public final class InfrastructureFailures {

    // SQLSTATE classes: connection exception, insufficient resources, operator intervention (shutdown,
    // cannot connect now), system error, and transaction rollback (serialization failure, deadlock)
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57", "58", "40");

    private InfrastructureFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable f = failure; f != null; f = f.getCause() == f ? null : f.getCause()) {
            if (f instanceof SocketException || f instanceof SocketTimeoutException
                    || f instanceof ClosedChannelException || f instanceof TimeoutException
                    || f instanceof ClosedConnectionException) {
                return true;
            }
            String sqlState = sqlState(f);
            if (sqlState != null) {
                return sqlState.length() >= 2 && TRANSIENT_CLASSES.contains(sqlState.substring(0, 2));
            }
            if (f instanceof VertxException && lostConnection(f.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable failure) {
        if (failure instanceof DatabaseException database) {
            return database.getSqlState();
        }
        if (failure instanceof SQLException sql) {
            return sql.getSQLState();
        }
        if (failure instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        return null;
    }

    // the PostgreSQL client reports a connection that went away as a plain VertxException
    private static boolean lostConnection(String message) {
        if (message == null) {
            return false;
        }
        String text = message.toLowerCase(Locale.ROOT);
        return text.contains("connection reset") || text.contains("connection refused")
                || text.contains("connection closed") || text.contains("connection was closed")
                || text.contains("connection may have been lost") || text.contains("timeout");
    }
}
