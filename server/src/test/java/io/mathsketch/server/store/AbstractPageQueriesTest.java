package io.mathsketch.server.store;

import io.helidon.config.Config;
import io.mathsketch.server.testing.TestDatabase;
import io.mathsketch.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The listing's pages: newest first, rows of one instant ordered by id, none missed or repeated across pages; and the
 * statements (the listings, and the retention job's oldest rows) walk an index from the cursor or bound, with no sort
 * of a client's whole listing. One subclass per database: each reads its own plans.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractPageQueriesTest {

    private static final Instant T = Instant.parse("2026-12-01T12:00:00Z");

    private final Config statements = TestServer.config(Map.of()).get("db.statements");
    private TestDatabase testDatabase;
    private Database database;
    private RecognitionStore store;

    protected abstract TestDatabase createDatabase();

    /**
     * Asserts that {@code plan} walks {@code index} (the primary key when "primary key") from {@code condition} in the
     * statement's order, without sorting what it reads.
     */
    protected abstract void assertIndexWalk(String plan, String index, String condition);

    /** The plan of {@code explained} ("EXPLAIN ...") on {@code connection}, parameters bound. */
    protected abstract String plan(PreparedStatement explained) throws SQLException;

    /** What to run on a connection before EXPLAIN: nothing, unless the database's planner needs a setting. */
    protected void beforeExplain(Connection connection) throws SQLException {
    }

    @BeforeAll
    void open() {
        testDatabase = createDatabase();
        database = TestServer.openDatabase(testDatabase);
        store = new RecognitionStore(database);
    }

    @AfterAll
    void close() {
        if (database != null) {
            database.close();
        }
        testDatabase.close();
    }

    @Test
    void pagesOfTwoSplitTheRowsOfOneInstantByIdAndMissNone() {
        List<RecognitionRecord> rows = new ArrayList<>();
        RecognitionIds ids = new RecognitionIds();
        for (int i = 0; i < 12; i++) {
            // Three rows to an instant, the owners alternating: every page boundary falls among equal times.
            Instant at = T.plusSeconds(i / 3);
            rows.add(StoredRows.row(at, 10, ids.next(at), i % 2 == 0 ? "pages-a" : "pages-b"));
        }
        store.insertAll(rows);
        Comparator<RecognitionRecord> newestFirst = Comparator.comparing(RecognitionRecord::createdAt)
                .thenComparing(RecognitionRecord::id).reversed();
        assertEquals(rows.stream().filter(r -> r.owner().orElseThrow().equals("pages-a")).sorted(newestFirst)
                .map(RecognitionRecord::id).toList(), listed(Optional.of("pages-a")));
        assertEquals(rows.stream().sorted(newestFirst).map(RecognitionRecord::id).toList(),
                listed(Optional.empty()).stream().filter(id -> rows.stream().anyMatch(r -> r.id().equals(id)))
                        .toList());
    }

    @Test
    void aRowIsFoundForItsOwnerAndForNobodyElse() {
        RecognitionIds ids = new RecognitionIds();
        String id = ids.next(T);
        store.insertAll(List.of(StoredRows.row(T, 10, id, "find-owner")));
        assertEquals(Optional.of(id), store.find(id, Optional.of("find-owner")).map(RecognitionRecord::id));
        assertEquals(Optional.empty(), store.find(id, Optional.of("find-other")), "another owner reads nothing");
        assertEquals(Optional.of(id), store.find(id, Optional.empty()).map(RecognitionRecord::id), "the admin's view");
        assertEquals(Optional.empty(), store.find(ids.next(T), Optional.of("find-owner")), "an unknown id");
    }

    @Test
    void aListingReadsNoOriginalWhichFindingTheRowDoes() {
        // Originals are up to store.max-original-bytes each; a page of a client at its share read ~10 MB of them.
        String id = new RecognitionIds().next(T);
        store.insertAll(List.of(StoredRows.row(T, 200_000, id, "page-originals")));
        for (Optional<String> owner : List.of(Optional.of("page-originals"), Optional.<String>empty())) {
            RecognitionRecord listed = store.page(100, Optional.empty(), Optional.empty(), Optional.empty(), owner)
                    .items().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
            assertEquals(Optional.empty(), listed.original(), "listed for " + owner);
            assertEquals(Optional.of("image/png"), listed.contentType());
            assertEquals(784, listed.inputPixels().length);
        }
        assertEquals(200_000, store.find(id, Optional.of("page-originals")).orElseThrow().original().orElseThrow()
                .length);
    }

    @Test
    void aClientsListingWalksTheOwnerIndexFromTheCursorWithoutASort() throws SQLException {
        assertIndexWalk(explain("select-page-of-owner"), "recognitions_owner_id", "id <");
    }

    @Test
    void theWholeListingWalksThePrimaryKeyFromTheCursorWithoutASort() throws SQLException {
        assertIndexWalk(explain("select-page"), "primary key", "id <");
    }

    @Test
    void theOldestRowsWalkThePrimaryKeyWithoutASort() throws SQLException {
        assertIndexWalk(explain("retention-oldest"), "primary key", "id <");
    }

    @Test
    void aClientsOldestRowsWalkTheOwnerIndexFromTheLastReadWithoutASort() throws SQLException {
        assertIndexWalk(explain("retention-oldest-of-owner"), "recognitions_owner_id", "id >");
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        beforeExplain(connection);
        return connection.prepareStatement(sql);
    }

    /** Every id of the listing, newest first, two to a page. */
    private List<String> listed(Optional<String> owner) {
        List<String> ids = new ArrayList<>();
        Optional<Cursor> cursor = Optional.empty();
        do {
            RecognitionStore.Page page = store.page(2, cursor, Optional.empty(), Optional.empty(), owner);
            page.items().forEach(r -> ids.add(r.id()));
            cursor = page.next();
        } while (cursor.isPresent());
        return ids;
    }

    /** The database's plan for the named statement, its named parameters bound as the store binds them. */
    private String explain(String name) throws SQLException {
        String sql = statements.get(name).asString().get();
        Matcher names = Pattern.compile(":(\\w+)").matcher(sql);
        List<String> order = new ArrayList<>();
        while (names.find()) {
            order.add(names.group(1));
        }
        Map<String, Object> values = Map.of("owner", "pages-a", "beforeId", "0193f1d2-0000-7000-8000-000000000001",
                "afterId", "0193f1d2-0000-7000-8000-000000000001",
                "model", "", "label", "", "limit", 21, "before", OffsetDateTime.of(2026, 12, 1, 12, 0, 2, 0,
                        ZoneOffset.UTC), "uncorrected", true);
        try (Connection c = DriverManager.getConnection(testDatabase.url(), testDatabase.user(),
                testDatabase.password());
             PreparedStatement explain = prepare(c, "EXPLAIN " + names.replaceAll("?"))) {
            for (int i = 0; i < order.size(); i++) {
                explain.setObject(i + 1, values.get(order.get(i)));
            }
            return plan(explain);
        }
    }
}
