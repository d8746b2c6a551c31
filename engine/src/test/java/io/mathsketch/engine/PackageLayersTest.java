package io.mathsketch.engine;

import io.mathsketch.engine.testing.PackageFloors;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine's packages stand on floors, and every dependency points down (docs/engine.md, "Layers"): no two
 * packages depend on each other, directly or round a loop.
 */
class PackageLayersTest {

    private static final String ROOT = "io.mathsketch.engine";

    /**
     * Bottom first. Softmax, the value types and the configuration, then the engine's API (the root package: requests,
     * recognitions, errors), the codecs, the steps that use them, the orchestration of one number, the model folders
     * (which load readers to the shapes {@code number} and {@code preprocess} define: the line reader's labels and
     * field), the serving core and the command line.
     */
    private static final PackageFloors FLOORS = PackageFloors.of(Recognizer.class, ROOT, List.of(
            ROOT + ".probability", ROOT + ".image", ROOT + ".expression", ROOT + ".json", ROOT + ".config",
            ROOT + ".mnist", ROOT, ROOT + ".codec.png", ROOT + ".codec", ROOT + ".preprocess", ROOT + ".segment",
            ROOT + ".ink", ROOT + ".symbols", ROOT + ".number", ROOT + ".model", ROOT + ".inference",
            ROOT + ".cli"));

    @Test
    void everyPackageIsOnAFloor() throws IOException {
        assertEquals(new TreeSet<>(FLOORS.floors()), FLOORS.packages(),
                "the engine's packages vs the floors this test places them on");
    }

    @Test
    void everyDependencyBetweenEnginePackagesPointsDown() {
        assertEquals(List.of(), FLOORS.upward(), "dependencies that point sideways or up (floors, bottom first: "
                + FLOORS.floors() + ")");
    }
}
