package io.mathsketch.server;

import io.mathsketch.engine.testing.PackageFloors;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The server's packages stand on floors, and every dependency points down (README, "Dependency boundaries"): no two
 * packages depend on each other, directly or round a loop.
 */
class PackageLayersTest {

    private static final String ROOT = "io.mathsketch.server";

    /**
     * Bottom first. What a lower floor needs from a higher one it declares and the server's composition root
     * ({@code MathSketchServer}) wires: the store reports to {@code StoreEvents} and {@code HeapFailures}, which
     * {@code observe}'s metrics and heap watch implement; the health checks are handed whether a request is the
     * admin's, the direct error handler the security headers (both {@code access}'s).
     */
    private static final PackageFloors FLOORS = PackageFloors.of(Main.class, ROOT, List.of(ROOT + ".concurrent",
            ROOT + ".json", ROOT + ".config", ROOT + ".store", ROOT + ".observe", ROOT + ".problem", ROOT + ".access",
            ROOT + ".api", ROOT));

    @Test
    void everyPackageIsOnAFloor() throws IOException {
        assertEquals(new TreeSet<>(FLOORS.floors()), FLOORS.packages(),
                "the server's packages (not the Helidon class it shadows) vs the floors this test places them on");
    }

    @Test
    void everyDependencyBetweenServerPackagesPointsDown() {
        assertEquals(List.of(), FLOORS.upward(), "dependencies that point sideways or up (floors, bottom first: "
                + FLOORS.floors() + ")");
    }
}
