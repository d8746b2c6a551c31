package io.mathsketch.server.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Saves what the browser shows to {@code target/screenshots/}, as build artifacts to look at (the best ones are
 * copied by hand to {@code docs/screenshots/}). Phone shots are taken at two device pixels per CSS pixel, not the
 * emulated three, to keep the files small.
 */
final class Screenshots {

    static final Path FOLDER = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** The visible part of the page. */
    static Path viewport(ChromeDriver driver, String name) {
        Map<?, ?> size = (Map<?, ?>) driver.executeScript(
                "return {width: window.innerWidth, height: window.innerHeight};");
        return capture(driver, name, 0, number(size.get("width")), number(size.get("height")), false);
    }

    /** The whole page, scrolled or not. */
    static Path fullPage(ChromeDriver driver, String name) {
        Map<?, ?> size = (Map<?, ?>) driver.executeScript("return {width: document.documentElement.scrollWidth,"
                + " height: document.documentElement.scrollHeight};");
        return capture(driver, name, 0, number(size.get("width")), number(size.get("height")), true);
    }

    private static Path capture(ChromeDriver driver, String name, double y, double width, double height,
                                boolean beyondViewport) {
        double ratio = number(driver.executeScript("return window.devicePixelRatio;"));
        double scale = ratio > 2 ? 2 / ratio : 1;
        double scrollY = beyondViewport ? 0 : number(driver.executeScript("return window.scrollY;"));
        Map<String, Object> clip = Map.of("x", 0, "y", y + scrollY, "width", width, "height", height, "scale", scale);
        Map<?, ?> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", beyondViewport, "clip", clip));
        try {
            Files.createDirectories(FOLDER);
            Path file = FOLDER.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
