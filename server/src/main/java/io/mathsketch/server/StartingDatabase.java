package io.mathsketch.server;

import io.helidon.config.Config;
import io.mathsketch.server.concurrent.Await;
import io.mathsketch.server.config.DatabaseSettings;
import io.mathsketch.server.store.Database;

import java.util.concurrent.CompletableFuture;

/**
 * The database being opened (connection pool, Flyway migration) on a thread of its own, so that a start does it while
 * the models load instead of after them: the two take a similar time and share nothing.
 */
final class StartingDatabase {

    private final CompletableFuture<Database> opening;

    private StartingDatabase(CompletableFuture<Database> opening) {
        this.opening = opening;
    }

    static StartingDatabase open(DatabaseSettings settings, Config statements) {
        CompletableFuture<Database> opening = new CompletableFuture<>();
        Thread.ofPlatform().name("database-start").daemon().start(() -> {
            try {
                opening.complete(Database.open(settings, statements));
            } catch (RuntimeException | Error e) {
                opening.completeExceptionally(e);
            }
        });
        return new StartingDatabase(opening);
    }

    /** The open database; a failure to open it is thrown here, on the starting thread, as it was thrown there. */
    Database await() {
        return Await.result(opening);
    }

    /** The start failed elsewhere: close the database once it is open (or drop the failure to open it). */
    void abandon() {
        opening.whenComplete((database, failure) -> {
            if (database != null) {
                database.close();
            }
        });
    }
}
