package io.mathsketch.server.api;

import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A correction's body is a label, a few bytes: one larger than any label needs ({@link FeedbackLabel#MAX_BODY_BYTES})
 * is 413 before it is parsed. Under the 8 MiB an image may take, 8 MB of padding beside the label cost 170-220 ms of
 * the server's CPU to parse, for one token.
 */
class FeedbackBodyTest {

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2();

    @Test
    void aFeedbackBodyLargerThanAnyLabelNeedsIsRefusedUnparsed() {
        Http client = SERVER.http().asClient("feedback-body-0123456789");
        Http.Response stored = client.post("/api/v1/recognitions", "image/png", Digits.canvasPng(7));
        assertEquals(201, stored.status(), stored::toString);
        String feedback = stored.header("Location").orElseThrow() + "/feedback";

        Http.Response padded = client.putJson(feedback, "{\"label\": 7, \"pad\": \""
                + "a".repeat(FeedbackLabel.MAX_BODY_BYTES) + "\"}");
        assertEquals(413, padded.status(), padded::toString);
        assertEquals("payload-too-large", padded.problem());

        // The longest label a request may name, every character escaped, still fits.
        Http.Response escaped = client.putJson(feedback, "{\"label\": \""
                + "\\u0037".repeat(RecognitionService.MAX_LABEL) + "\"}");
        assertEquals(400, escaped.status(), "read, and refused as a label: " + escaped);
        assertEquals(200, client.putJson(feedback, "{\"label\": 7}").status());
    }
}
