package io.mathsketch.server.api;

import io.helidon.common.parameters.Parameters;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemText;
import io.mathsketch.server.problem.ProblemType;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which top-level fields of a recognition the client wants, from {@code ?fields=text,confidence} (a sparse fieldset):
 * a client reading one digit needs a few dozen bytes, not the ten probabilities twice and the timings. {@code id} is
 * always included (corrections need it); without the parameter, every field. Only what is asked for is built.
 */
record ResponseFields(Set<String> names) {

    /** Every top-level field of a recognition, in response order; {@code RecognitionJsonTest} keeps it true. */
    static final List<String> ALL = List.of("id", "createdAt", "mode", "text", "digit", "confidence", "probabilities",
            "topK", "digits", "expression", "model", "engine", "device", "timings", "stored", "feedback", "links");
    static final ResponseFields EVERY = new ResponseFields(Set.copyOf(ALL));
    private static final int MAX_LENGTH = 400;

    ResponseFields {
        names = Set.copyOf(names);
    }

    static ResponseFields fromQuery(Parameters query) {
        return QueryParameter.once(query, "fields").map(ResponseFields::parse).orElse(EVERY);
    }

    static ResponseFields parse(String value) {
        if (value.length() > MAX_LENGTH) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "fields is longer than " + MAX_LENGTH + " characters");
        }
        Set<String> names = new LinkedHashSet<>();
        names.add("id");
        for (String name : value.split(",", -1)) {
            String field = name.strip();
            if (!ALL.contains(field)) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "fields: '" + ProblemText.echo(field)
                        + "' is not a field of a recognition (" + String.join(", ", ALL) + ")");
            }
            names.add(field);
        }
        return new ResponseFields(names);
    }

    boolean has(String name) {
        return names.contains(name);
    }
}
