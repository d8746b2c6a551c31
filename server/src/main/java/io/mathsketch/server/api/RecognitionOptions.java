package io.mathsketch.server.api;

import io.helidon.common.parameters.Parameters;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemText;
import io.mathsketch.server.problem.ProblemType;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The options of a recognition request, from the query string or the JSON body (the body wins when both say).
 *
 * @param model model reference {@code name} or {@code name:version}
 * @param mode digit, number or expression
 * @param store whether to keep the recognition
 */
record RecognitionOptions(Optional<String> model, Optional<RecognitionRequest.Mode> mode, Optional<Boolean> store) {

    private static final Pattern MODEL_REFERENCE = Pattern.compile("[A-Za-z0-9._-]{1,100}(:[A-Za-z0-9._+-]{1,50})?");

    static final RecognitionOptions NONE = new RecognitionOptions(Optional.empty(), Optional.empty(), Optional.empty());

    static RecognitionOptions fromQuery(Parameters query) {
        return new RecognitionOptions(
                QueryParameter.once(query, "model").map(RecognitionOptions::model),
                QueryParameter.once(query, "mode").map(RecognitionOptions::mode),
                QueryParameter.once(query, "store").map(RecognitionOptions::store));
    }

    /** This request's options, with {@code fallback} filling what is not set here. */
    RecognitionOptions orElse(RecognitionOptions fallback) {
        return new RecognitionOptions(model.or(fallback::model), mode.or(fallback::mode), store.or(fallback::store));
    }

    static String model(String value) {
        if (!MODEL_REFERENCE.matcher(value).matches()) {
            throw new ProblemException(ProblemType.BAD_REQUEST,
                    "model '" + ProblemText.echo(value) + "' is not a model reference (name or name:version)");
        }
        return value;
    }

    /** The engine's mode of that name, in any case (the names are the engine's, lower-cased). */
    static RecognitionRequest.Mode mode(String value) {
        String name = value.toLowerCase(Locale.ROOT);
        for (RecognitionRequest.Mode mode : RecognitionRequest.Mode.values()) {
            if (modeName(mode).equals(name)) {
                return mode;
            }
        }
        throw new ProblemException(ProblemType.BAD_REQUEST, "mode '" + ProblemText.echo(value) + "' is not one of "
                + Arrays.stream(RecognitionRequest.Mode.values()).map(RecognitionOptions::modeName)
                        .collect(Collectors.joining(", ")));
    }

    private static String modeName(RecognitionRequest.Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    static boolean store(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ProblemException(ProblemType.BAD_REQUEST,
                    "store '" + ProblemText.echo(value) + "' is not true or false");
        };
    }
}
