package io.mathsketch.server.ui;

import java.util.Map;

/**
 * A browser test of the page's Expression mode: a desktop viewport, a server that loads the symbol model beside the
 * digit model, and the live previews of a half-drawn sum ("2+" has no right operand yet) answered 422 as expected.
 */
abstract class ExpressionPageTest extends BrowserTest {

    @Override
    protected HeadlessChromium.Viewport viewport() {
        return HeadlessChromium.Viewport.DESKTOP;
    }

    @Override
    protected boolean expectedConsoleError(String message) {
        return message.contains("/api/v1/recognitions") && message.contains("422");
    }

    @Override
    protected RunningServer startServer() {
        return RunningServer.start(Map.of("engine.models", "mnist-cnn,mathsketch-symbols"));
    }

    /** Opens the page and switches to Expression mode once the page offers it. */
    protected void openExpressionMode() {
        page.open(server.baseUrl());
        page.waiting().until(d -> page.find("#mode-expression-label").isDisplayed());
        page.find("label[for=mode-expression]").click();
    }
}
