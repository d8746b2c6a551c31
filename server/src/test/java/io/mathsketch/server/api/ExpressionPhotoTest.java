package io.mathsketch.server.api;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.corpus.snapshot.Snapshots;
import io.mathsketch.corpus.symbols.ExpressionWriter;
import io.mathsketch.corpus.symbols.HandwrittenExpression;
import io.mathsketch.engine.expression.ExpressionParser;
import io.mathsketch.engine.expression.Rational;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerFixture;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A phone photo of a handwritten expression posted as JPEG in expression mode is read, and its value answered: the
 * photo's ink is found as digit mode finds it (noise floor, light normalised, specks dropped), not by the canvas rule,
 * which turned a photo's grain into hundreds of marks (422 too-many-symbols). The photo is expression #10006 of the
 * held-out hand as {@link Snapshots} takes it in {@code ExpressionPhotoTuning}'s set (one photo; corpus's
 * {@code ExpressionPhotoQualityTest} measures the rate on a held-out set).
 */
class ExpressionPhotoTest {

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2();

    @Test
    void aPhotoOfAnExpressionIsReadAndItsValueAnswered() throws Exception {
        HandwrittenExpression written = new ExpressionWriter(HandConfig.HELD_OUT).write(10_006);
        // Photo 6 of that set: a snapshot depends only on the seed, its index and its source.
        Snapshots camera = new Snapshots(0x5A4F_0041L, Collections.nCopies(7, new Snapshots.Source(0, written.text(),
                new CanvasRasterizer().png(written.ink()))));
        byte[] jpeg = camera.snapshot(6).jpeg();

        Http.Response response = SERVER.http().post("/api/v1/recognitions?mode=expression&fields=text,expression",
                "image/jpeg", jpeg);

        assertEquals(201, response.status(), response::toString);
        assertEquals(written.text(), response.json().getString("text"), response::toString);
        Rational truth = new ExpressionParser().evaluate(written.truth()).value();
        JsonObject value = response.json().getJsonObject("expression").getJsonObject("value");
        assertEquals(truth.isInteger() ? truth.numerator().toString() : truth.toString(),
                value.getString(truth.isInteger() ? "integer" : "fraction"), response::toString);
    }
}
