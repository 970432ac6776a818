package io.accord.common;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;

/**
 * Tells a failure that means "the database cannot be reached right now" from a bug. PostgreSQL restarting or a
 * connection being cut shows up as a closed connection, a refused or reset socket, or a server error of class 08
 * (connection exception), 57P (the server is shutting down or starting) or 53300 (too many connections). Such a
 * request is answered {@code 503} with {@code Retry-After}, not {@code 500}.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** True when {@code e} or one of its causes says the database is unreachable for now. */
    public static boolean is(Throwable e) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof ClosedConnectionException || cause instanceof ConnectException
                    || cause instanceof SocketException) {
                return true;
            }
            if (cause instanceof PgException pg && sqlState(pg.getSqlState())) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sqlState(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** SQL states of an unreachable, shutting-down or starting server. */
    public static boolean sqlState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }
}
