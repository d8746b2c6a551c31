package io.mathsketch.server.api;

import io.mathsketch.engine.json.ByteJsonParser;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemText;
import io.mathsketch.server.problem.ProblemType;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

import java.util.NoSuchElementException;

/**
 * Reads a request body that is one JSON object, member by member, with the strict byte parser: never built into a
 * tree, so deep nesting or a number a megabyte long costs its own bytes and no stack or decimal; a member named
 * twice refused (the parser's rule). Whatever is not such an object is a 400 {@code bad-request} in the parser's own
 * words, never an exception of a JSON library.
 */
final class JsonBody {

    private JsonBody() {
    }

    /** What reads each member of the object, from its name, with the parser at the name. */
    @FunctionalInterface
    interface Members<E extends Exception> {
        void read(String name, ByteJsonParser parser) throws E;
    }

    /**
     * Reads {@code body} (UTF-8, without a byte order mark) as one JSON object.
     *
     * @param notAnObject the problem's detail when it is not, saying what the object should be
     */
    static <E extends Exception> void read(byte[] body, String notAnObject, Members<E> members) throws E {
        try (ByteJsonParser parser = new ByteJsonParser(body)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new ProblemException(ProblemType.BAD_REQUEST, notAnObject);
            }
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                members.read(parser.getString(), parser);
            }
            if (parser.hasNext()) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "the body holds more than one JSON value");
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            // The byte parser's messages are this project's own ("expected ':' at byte 12"), never a library's.
            throw new ProblemException(ProblemType.BAD_REQUEST, notAnObject + ": "
                    + ProblemText.echo(String.valueOf(e.getMessage())));
        }
    }
}
