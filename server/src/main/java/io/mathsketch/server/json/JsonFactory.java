package io.mathsketch.server.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParser;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;

import java.io.InputStream;
import java.io.Reader;
import java.util.Collection;

/**
 * JSON-P builders and readers from one provider looked up once. Every {@code jakarta.json.JsonFactory.createX} call looks the
 * provider up again through {@code ServiceLoader}, scanning the class path; under load that was about a third of the
 * server's CPU samples.
 */
public final class JsonFactory {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonFactory() {
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    public static JsonParser createParser(InputStream in) {
        return PROVIDER.createParser(in);
    }

    public static JsonReader createReader(InputStream in) {
        return PROVIDER.createReader(in);
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }
}
