package io.chokepoint.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.chokepoint.local.RepositoryFiles.ROOT;
import static io.chokepoint.local.RepositoryFiles.SERVICES;
import static io.chokepoint.local.RepositoryFiles.serviceConfig;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/postgres/roles.sql on the real PostgreSQL, with each service's real migrations: in a scratch schema and
 * with roles of unique names, the script runs as before a first start, the migrations run as the owner role, the
 * script runs again, and then the application role works on the tables. It may change the rows of every ordinary
 * table, only add to and read the audit tables (those the migrations make append-only), and neither change the
 * schema nor remove the audit tables' triggers.
 */
class DatabaseRolesTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final Path SCRIPT = ROOT.resolve("deploy/postgres/roles.sql");
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final Set<String> ROW_PRIVILEGES = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");
    private static final Set<String> APPEND_PRIVILEGES = Set.of("SELECT", "INSERT");
    private static final List<String> TABLE_PRIVILEGES =
            List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER");
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    /** A row of each audit table, as its service writes one. */
    private static final Map<String, String> AUDIT_ROWS = Map.of(
            "transition_audit", "INSERT INTO transition_audit (requested_at, actor, alert_id, remote_address, outcome,"
                    + " http_status) VALUES (now(), 'officer-7', 'no-such-alert', '192.0.2.7', 'REFUSED', 404)",
            "list_change_request", "INSERT INTO list_change_request (id, received_at, actor, action, outcome, status)"
                    + " VALUES (gen_random_uuid(), now(), 'admin-3', 'DELETE', 'REFUSED', 404)",
            "audit_entry", "INSERT INTO audit_entry (at, actor, action, entity_id, list_version)"
                    + " VALUES (now(), 'admin-3', 'CREATE', gen_random_uuid(), 'v-test')");

    /** Every service keeps the platform's outbox: an ordinary table the service inserts, updates and deletes. */
    private static final String OUTBOX_ROW = "INSERT INTO outbox_message (topic, message_key, payload, ce_id, ce_type,"
            + " created_at) VALUES ('alerts.raised', 'key-1', '{}', 'ce-1', 'io.chokepoint.test', now())";

    static final List<String> services = SERVICES;

    @Test
    void theScriptGivesEveryServiceSchemaRolesOfItsOwn() {
        List<ServiceRoles> declared = RolesScript.read().services();
        Set<String> schemas = SERVICES.stream().map(DatabaseRolesTest::schemaOf).collect(Collectors.toSet());
        assertEquals(schemas, declared.stream().map(ServiceRoles::schema).collect(Collectors.toSet()),
                "roles.sql names each service's schema (chokepoint.db.schema)");
        Set<String> roles = new HashSet<>();
        for (ServiceRoles service : declared) {
            assertTrue(roles.add(service.owner()), service.owner() + " serves two schemas");
            assertTrue(roles.add(service.app()), service.app() + " serves two schemas or owns one");
        }
    }

    @ParameterizedTest
    @FieldSource("services")
    void theServiceMayChangeItsRowsButOnlyAppendToItsAudit(String service) throws SQLException {
        RolesScript script = RolesScript.read();
        ServiceRoles declared = script.forSchema(schemaOf(service));
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ServiceRoles scratch = new ServiceRoles(declared.schema() + "_roles_" + run, "roles_" + run + "_owner",
                "roles_" + run + "_app", declared.auditTables());
        try {
            script.apply(scratch);
            migrateAsOwner(service, scratch);
            assertEquals(new TreeSet<>(declared.auditTables()), appendOnlyTables(scratch.schema()),
                    service + ": roles.sql's audit tables are those its migrations make append-only");

            // Until the script runs again, the default privileges give the service every new table's rows.
            Map<String, Set<String>> afterMigrations = tablePrivileges(scratch);
            afterMigrations.forEach((table, privileges) -> assertEquals(ROW_PRIVILEGES, privileges,
                    service + ": default privileges on " + table));

            script.apply(scratch);
            Map<String, Set<String>> expected = new TreeMap<>();
            afterMigrations.keySet().forEach(table -> expected.put(table, table.equals(FLYWAY_HISTORY) ? Set.of()
                    : declared.auditTables().contains(table) ? APPEND_PRIVILEGES : ROW_PRIVILEGES));
            assertEquals(expected, tablePrivileges(scratch), service + ": the service role's privileges");
            script.apply(scratch);
            assertEquals(expected, tablePrivileges(scratch), service + ": running the script again changes nothing");
            assertEquals(Set.of(), sequencesNotUsable(scratch), service + ": sequences the service role cannot draw from");

            try (Connection app = connect(scratch.app(), scratch.schema()); Statement sql = app.createStatement()) {
                assertEquals(1, sql.executeUpdate(OUTBOX_ROW), service + ": insert into an ordinary table");
                assertEquals(1, sql.executeUpdate("UPDATE outbox_message SET attempts = attempts + 1"));
                assertEquals(1, sql.executeUpdate("DELETE FROM outbox_message"));
                refused(sql, "CREATE TABLE intruder (id integer)", "permission denied for schema " + scratch.schema());
                for (String table : declared.auditTables()) {
                    checkAppendOnly(service, sql, table);
                }
            }
        } finally {
            drop(scratch);
        }
    }

    private static void checkAppendOnly(String service, Statement sql, String table) throws SQLException {
        String row = AUDIT_ROWS.get(table);
        assertNotNull(row, service + ": no sample row for the audit table " + table + " in this test");
        assertEquals(1, sql.executeUpdate(row), service + ": the service role adds to " + table);
        String column = firstColumn(sql, table);
        String denied = "permission denied for table " + table;
        // The privilege is checked before any trigger fires: these refusals are the role's, not the triggers'.
        assertAll(service + ": " + table,
                () -> refused(sql, "UPDATE " + table + " SET " + column + " = " + column, denied),
                () -> refused(sql, "DELETE FROM " + table, denied),
                () -> refused(sql, "TRUNCATE " + table, denied),
                () -> refused(sql, "ALTER TABLE " + table + " DISABLE TRIGGER ALL", "must be owner of table " + table),
                () -> refused(sql, "DROP TABLE " + table, "must be owner of table " + table));
        try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM " + table)) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1), service + ": the service role reads " + table + ", its row still there");
        }
    }

    private static void refused(Statement sql, String statement, String message) {
        SQLException refusal = assertThrows(SQLException.class, () -> sql.execute(statement), statement);
        assertEquals(INSUFFICIENT_PRIVILEGE, refusal.getSQLState(), statement + ": " + refusal.getMessage());
        assertTrue(refusal.getMessage().contains(message), statement + ": " + refusal.getMessage());
    }

    private static String firstColumn(Statement sql, String table) throws SQLException {
        try (ResultSet columns = sql.executeQuery("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = '" + table + "' ORDER BY ordinal_position")) {
            assertTrue(columns.next(), table + " has no columns");
            return columns.getString(1);
        }
    }

    /** The service's migrations in version order, run as the owner role the way Flyway runs them. */
    private static void migrateAsOwner(String service, ServiceRoles roles) throws SQLException {
        Path migrations = ROOT.resolve("services").resolve(service).resolve("src/main/resources/db/migration");
        List<Path> files;
        try (Stream<Path> listing = Files.list(migrations)) {
            files = listing.filter(file -> file.getFileName().toString().matches("V[0-9._]+__.*\\.sql"))
                    .sorted(Comparator.comparing(DatabaseRolesTest::version, DatabaseRolesTest::compareVersions))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(files.isEmpty(), service + ": no migrations in " + migrations);
        try (Connection owner = connect(roles.owner(), roles.schema()); Statement sql = owner.createStatement()) {
            sql.execute("CREATE TABLE " + FLYWAY_HISTORY + " (installed_rank integer PRIMARY KEY,"
                    + " version varchar(50), script varchar(1000) NOT NULL, success boolean NOT NULL)");
            int rank = 0;
            for (Path file : files) {
                try {
                    sql.execute(Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (SQLException e) {
                    throw new AssertionError(file.getFileName() + " fails as the owner role: " + e.getMessage(), e);
                }
                sql.execute("INSERT INTO " + FLYWAY_HISTORY + " VALUES (" + ++rank + ", '" + version(file) + "', '"
                        + file.getFileName() + "', true)");
            }
        }
    }

    private static int[] version(Path file) {
        String name = file.getFileName().toString();
        return Arrays.stream(name.substring(1, name.indexOf("__")).split("[._]")).mapToInt(Integer::parseInt).toArray();
    }

    private static int compareVersions(int[] a, int[] b) {
        return Arrays.compare(a, b);
    }

    /** Tables with a statement-level BEFORE DELETE trigger: the migrations' append-only guard. */
    private static Set<String> appendOnlyTables(String schema) throws SQLException {
        try (Connection admin = connect("postgres", null); PreparedStatement query = admin.prepareStatement(
                "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND NOT t.tgisinternal"
                        + " AND (t.tgtype & 1) = 0 AND (t.tgtype & 2) = 2 AND (t.tgtype & 8) = 8")) {
            query.setString(1, schema);
            Set<String> tables = new TreeSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            return tables;
        }
    }

    /** What the application role may do to each table of the schema. */
    private static Map<String, Set<String>> tablePrivileges(ServiceRoles roles) throws SQLException {
        String checks = TABLE_PRIVILEGES.stream().map(p -> "has_table_privilege(?, c.oid, '" + p + "')")
                .collect(Collectors.joining(", "));
        try (Connection admin = connect("postgres", null); PreparedStatement query = admin.prepareStatement(
                "SELECT c.relname, " + checks + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p')")) {
            for (int i = 1; i <= TABLE_PRIVILEGES.size(); i++) {
                query.setString(i, roles.app());
            }
            query.setString(TABLE_PRIVILEGES.size() + 1, roles.schema());
            Map<String, Set<String>> privileges = new TreeMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Set<String> held = new TreeSet<>();
                    for (int i = 0; i < TABLE_PRIVILEGES.size(); i++) {
                        if (rows.getBoolean(i + 2)) {
                            held.add(TABLE_PRIVILEGES.get(i));
                        }
                    }
                    privileges.put(rows.getString(1), held);
                }
            }
            assertFalse(privileges.isEmpty(), roles.schema() + " has no tables");
            return privileges;
        }
    }

    private static Set<String> sequencesNotUsable(ServiceRoles roles) throws SQLException {
        try (Connection admin = connect("postgres", null); PreparedStatement query = admin.prepareStatement(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?"
                        // CASE: the planner may test the privilege before the kind, and only a sequence has it.
                        + " AND CASE WHEN c.relkind = 'S' THEN NOT has_sequence_privilege(?, c.oid, 'USAGE') END")) {
            query.setString(1, roles.schema());
            query.setString(2, roles.app());
            Set<String> sequences = new TreeSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sequences.add(rows.getString(1));
                }
            }
            return sequences;
        }
    }

    private static void drop(ServiceRoles roles) throws SQLException {
        try (Connection admin = connect("postgres", null); Statement sql = admin.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS \"" + roles.schema() + "\" CASCADE");
            for (String role : List.of(roles.app(), roles.owner())) {
                try (ResultSet exists = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                    if (!exists.next()) {
                        continue;
                    }
                }
                sql.execute("DROP OWNED BY \"" + role + "\"");
                sql.execute("DROP ROLE \"" + role + "\"");
            }
        }
    }

    private static Connection connect(String user, String schema) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (schema != null) {
            properties.setProperty("currentSchema", schema);
        }
        return DriverManager.getConnection(SERVER, properties);
    }

    private static String schemaOf(String service) {
        return serviceConfig(service).getProperty("chokepoint.db.schema").trim();
    }

    /** A service's schema, its two roles and its audit tables, as one call of the script names them. */
    record ServiceRoles(String schema, String owner, String app, List<String> auditTables) {
    }

    /** roles.sql: the helper it defines, and the call that applies it to each service. */
    record RolesScript(String helper, List<ServiceRoles> services) {

        private static final String CALL = "SELECT pg_temp.chokepoint_service_roles(";
        private static final Pattern CALL_PATTERN = Pattern.compile(Pattern.quote(CALL)
                + "'([^']+)',\\s*'([^']+)',\\s*'([^']+)',\\s*ARRAY\\[([^\\]]*)\\](?:::text\\[\\])?\\s*\\);");

        static RolesScript read() {
            String text;
            try {
                text = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int firstCall = text.indexOf(CALL);
            assertTrue(firstCall > 0, "roles.sql applies its helper to no service");
            List<ServiceRoles> services = new ArrayList<>();
            Matcher call = CALL_PATTERN.matcher(text);
            while (call.find()) {
                Set<String> audit = new LinkedHashSet<>();
                for (String table : call.group(4).split(",")) {
                    if (!table.isBlank()) {
                        audit.add(table.trim().replace("'", ""));
                    }
                }
                services.add(new ServiceRoles(call.group(1), call.group(2), call.group(3), List.copyOf(audit)));
            }
            assertEquals(text.split(Pattern.quote(CALL), -1).length - 1, services.size(),
                    "every call in roles.sql reads as (schema, owner, application role, ARRAY[audit tables])");
            return new RolesScript(text.substring(0, firstCall), services);
        }

        ServiceRoles forSchema(String schema) {
            return services.stream().filter(s -> s.schema().equals(schema)).findFirst()
                    .orElseThrow(() -> new AssertionError("roles.sql has no roles for the schema " + schema));
        }

        /** Runs the script's helper, as the script does, for the given schema, roles and audit tables. */
        void apply(ServiceRoles roles) throws SQLException {
            try (Connection admin = connect("postgres", null)) {
                try (Statement sql = admin.createStatement()) {
                    sql.execute(helper);
                }
                try (PreparedStatement call = admin.prepareStatement(
                        "SELECT pg_temp.chokepoint_service_roles(?, ?, ?, ?)")) {
                    call.setString(1, roles.schema());
                    call.setString(2, roles.owner());
                    call.setString(3, roles.app());
                    call.setArray(4, admin.createArrayOf("text", roles.auditTables().toArray()));
                    call.execute();
                }
            }
        }
    }
}
