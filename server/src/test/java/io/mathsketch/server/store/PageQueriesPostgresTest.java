package io.mathsketch.server.store;

import io.mathsketch.server.testing.PostgresTestDatabase;
import io.mathsketch.server.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageQueriesPostgresTest extends AbstractPageQueriesTest {

    @Override
    protected TestDatabase createDatabase() {
        return new PostgresTestDatabase();
    }

    /**
     * The test's tables are small enough for a scan and a sort to look cheapest: with them priced out, the plan walks
     * an index in the statement's order exactly when one can serve it.
     */
    @Override
    protected void beforeExplain(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET enable_seqscan = off");
            s.execute("SET enable_bitmapscan = off");
            s.execute("SET enable_sort = off");
        }
    }

    @Override
    protected String plan(PreparedStatement explained) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = explained.executeQuery()) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /** PostgreSQL: "Index [Only] Scan [Backward] using INDEX", then "Index Cond: (...)", and no Sort node. */
    @Override
    protected void assertIndexWalk(String plan, String index, String condition) {
        String name = index.equals("primary key") ? "recognitions_pkey" : index;
        String read = plan.replace("(owner)::text", "owner"); // a VARCHAR column compared with a text parameter
        assertTrue(Pattern.compile("Index (Only )?Scan (Backward )?using " + Pattern.quote(name) + " on recognitions"
                + "[^\\n]*\\n\\s*Index Cond: [^\\n]*" + Pattern.quote(condition)).matcher(read).find(),
                index + ", from " + condition + ": " + plan);
        assertFalse(plan.contains("Sort"), "no sort of the rows read: " + plan);
    }
}
