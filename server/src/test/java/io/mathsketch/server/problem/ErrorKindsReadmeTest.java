package io.mathsketch.server.problem;

import io.mathsketch.engine.testing.Checkout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's list of error kinds against {@link ProblemType}: a kind added without its line fails here. */
class ErrorKindsReadmeTest {

    private static final Pattern KIND = Pattern.compile("`([a-z-]+)` (\\d{3})");

    @Test
    void theReadmeListsEveryProblemTypeWithItsStatus() throws IOException {
        String readme = Files.readString(readme());
        int start = readme.indexOf("Error kinds:");
        int end = readme.indexOf("When the database is down", start);
        assertTrue(start >= 0 && end > start, "README has an 'Error kinds:' paragraph");
        Set<String> listed = new TreeSet<>();
        Matcher kinds = KIND.matcher(readme.substring(start, end));
        while (kinds.find()) {
            listed.add(kinds.group(1) + " " + kinds.group(2));
        }
        Set<String> types = Arrays.stream(ProblemType.values())
                .map(t -> t.uri().substring("urn:mathsketch:problem:".length()) + " " + t.status())
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(types, listed);
    }

    private static Path readme() {
        return Checkout.root().resolve("README.md");
    }
}
