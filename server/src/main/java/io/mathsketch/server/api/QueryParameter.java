package io.mathsketch.server.api;

import io.helidon.common.parameters.Parameters;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;

import java.util.List;
import java.util.Optional;

/**
 * Reads a query parameter the API takes once. Given twice ({@code limit=1&limit=xyz}) it is 400 naming it: taking the
 * first would quietly ignore what the client also said, and a proxy or cache may pick the other one.
 */
final class QueryParameter {

    private QueryParameter() {
    }

    /** The parameter's one value; empty when it is absent. */
    static Optional<String> once(Parameters query, String name) {
        List<String> values = query.all(name, List::of);
        if (values.size() > 1) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "query parameter '" + name + "' is given "
                    + values.size() + " times; give it once");
        }
        return values.stream().findFirst();
    }
}
