package io.mathsketch.server.api;

import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One address's bodies hold at most its share of the body budget: 2,500 connections from one address, each having
 * sent 40 KB of a body and then nothing, held the whole budget for 30 s, and every image upload of anyone else was
 * refused {@code overloaded} meanwhile.
 */
class BodyBudgetTest {

    private static final int CAPACITY = 100_000;

    @Test
    void oneAddresssBodiesHoldAtMostItsShareWhileOthersStillGetRoom() {
        BodyBudget budget = new BodyBudget(CAPACITY, BodyBudget.ADDRESS_SHARE_PERCENT);
        Optional<String> flooder = Optional.of("192.0.2.1"), other = Optional.of("198.51.100.7");
        try (BodyBudget.Reservation first = budget.open(flooder);
             BodyBudget.Reservation second = budget.open(flooder);
             BodyBudget.Reservation third = budget.open(flooder);
             BodyBudget.Reservation others = budget.open(other)) {
            first.growTo(20_000);
            second.growTo(30_000);
            ProblemException refused = assertThrows(ProblemException.class, () -> third.growTo(16_384));
            assertEquals(ProblemType.OVERLOADED, refused.type());
            assertTrue(refused.closesConnection());
            assertTrue(refused.getMessage().contains("this address's request bodies"), refused.getMessage());
            assertEquals(50_000, budget.heldBy("192.0.2.1"));
            // Refused at once, not after the budget's wait: the rest is someone else's.
            others.growTo(45_000);
            assertEquals(95_000, budget.inFlight());
        }
        assertEquals(0, budget.inFlight());
        assertEquals(0, budget.heldBy("192.0.2.1"));
    }

    @Test
    void aBodyAloneGrowsBeyondItsAddresssShare() {
        BodyBudget budget = new BodyBudget(CAPACITY, BodyBudget.ADDRESS_SHARE_PERCENT);
        try (BodyBudget.Reservation alone = budget.open(Optional.of("192.0.2.1"))) {
            alone.growTo(16_384);
            alone.holdWhileParsing(90_000);
            assertEquals(90_000, budget.heldBy("192.0.2.1"));
            alone.shrinkTo(10_000);
            assertEquals(10_000, budget.heldBy("192.0.2.1"));
        }
        assertEquals(0, budget.heldBy("192.0.2.1"));
    }

    @Test
    void withoutAddressesOnlyTheWholeBudgetCounts() {
        BodyBudget budget = new BodyBudget(CAPACITY, 100);
        try (BodyBudget.Reservation first = budget.open(Optional.of("192.0.2.1"));
             BodyBudget.Reservation second = budget.open(Optional.of("192.0.2.1"));
             BodyBudget.Reservation unknown = budget.open(Optional.empty())) {
            first.growTo(40_000);
            second.growTo(40_000);
            unknown.growTo(20_000);
            assertEquals(CAPACITY, budget.inFlight());
            assertThrows(ProblemException.class, () -> unknown.growTo(20_001));
        }
        assertEquals(0, budget.inFlight());
    }
}
