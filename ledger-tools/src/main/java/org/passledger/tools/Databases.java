package org.passledger.tools;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/** Creates the databases that are missing on a PostgreSQL server. */
final class Databases {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Databases() {
    }

    static void validateNames(List<String> names) {
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new Args.UsageException("invalid database name '" + name
                        + "' (lower-case letters, digits and _ only)");
            }
        }
    }

    /** Creates each missing database; prints one line per database. */
    static void ensure(Connection connection, List<String> names) throws SQLException {
        validateNames(names);
        for (String name : names) {
            if (exists(connection, name)) {
                System.out.println("database " + name + " exists");
                continue;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE \"" + name + "\"");
                System.out.println("database " + name + " created");
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState())) { // created meanwhile by someone else
                    System.out.println("database " + name + " exists");
                } else if ("42501".equals(e.getSQLState())) {
                    throw new Cli.ToolException("the user may not create database " + name
                            + ": create it as an administrator (CREATE DATABASE " + name + ") or grant CREATEDB", e);
                } else {
                    throw e;
                }
            }
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
