package org.passledger.tools;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Creates the missing databases on an external PostgreSQL server over JDBC.
 *
 * <pre>EnsureDatabases --host h [--port 5432] [--user postgres] [--password pw] --databases a,b,c</pre>
 */
public final class EnsureDatabases {

    static final String USAGE = "usage: EnsureDatabases --host HOST [--port 5432] [--user postgres] [--password PW]"
            + " --databases a,b,c [--maintenance-db postgres]";

    private EnsureDatabases() {
    }

    public static void main(String[] argv) {
        Cli.main(argv, USAGE, Set.of("host", "port", "user", "password", "databases", "maintenance-db"),
                EnsureDatabases::run);
    }

    static void run(Args args) throws SQLException {
        String host = args.required("host");
        int port = args.intValue("port", 5432, 1, 65535);
        String user = args.optional("user", "postgres");
        String password = args.optional("password", "");
        String maintenanceDb = args.optional("maintenance-db", "postgres");
        List<String> databases = args.list("databases");
        if (databases.isEmpty()) {
            throw new Args.UsageException("option --databases is required");
        }
        Databases.validateNames(databases);

        String url = "jdbc:postgresql://" + host + ":" + port + "/" + maintenanceDb;
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "ledger-tools EnsureDatabases");
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw new Cli.ToolException("cannot connect to PostgreSQL at " + host + ":" + port + " (database "
                    + maintenanceDb + ", user " + user + "): " + e.getMessage()
                    + "\n  check LEDGER_PG_HOST, LEDGER_PG_PORT, LEDGER_PG_USER and LEDGER_PG_PASSWORD", e);
        }
        try (connection) {
            Databases.ensure(connection, databases);
        }
    }
}
