package io.mathsketch.server.store;

import io.mathsketch.server.testing.H2TestDatabase;
import io.mathsketch.server.testing.TestDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PageQueriesH2Test extends AbstractPageQueriesTest {

    @Override
    protected TestDatabase createDatabase() {
        return new H2TestDatabase();
    }

    @Override
    protected String plan(PreparedStatement explained) throws SQLException {
        try (ResultSet plan = explained.executeQuery()) {
            plan.next();
            return plan.getString(1);
        }
    }

    /** H2 names the index and its conditions in a comment after FROM ("INDEX: A = ?1 AND B < ?2"), then "index sorted". */
    @Override
    protected void assertIndexWalk(String plan, String index, String condition) {
        String name = index.equals("primary key") ? "PRIMARY_KEY_\\w*" : Pattern.quote(index.toUpperCase(Locale.ROOT));
        assertTrue(Pattern.compile(name + ": [^/]*" + Pattern.quote(condition.toUpperCase(Locale.ROOT)))
                .matcher(plan).find(), index + ", from " + condition + ": " + plan);
        assertTrue(plan.contains("/* index sorted */"), "no sort of the rows read: " + plan);
    }
}
