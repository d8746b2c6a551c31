package io.mathsketch.engine.inference;

import io.mathsketch.engine.RecognitionException;

import java.util.Optional;

/**
 * A parsed model reference: {@code name} or {@code name:version}.
 *
 * @param name model name
 * @param version required version, or empty for whatever version is loaded
 */
record ModelReference(String name, Optional<String> version) {

    static ModelReference parse(String reference) throws RecognitionException.UnknownModel {
        int colon = reference.indexOf(':');
        String name = colon < 0 ? reference : reference.substring(0, colon);
        Optional<String> version = colon < 0 ? Optional.empty() : Optional.of(reference.substring(colon + 1));
        if (name.isBlank() || version.map(String::isBlank).orElse(false)) {
            throw new RecognitionException.UnknownModel(reference);
        }
        return new ModelReference(name, version);
    }

    @Override
    public String toString() {
        return version.map(v -> name + ":" + v).orElse(name);
    }
}
