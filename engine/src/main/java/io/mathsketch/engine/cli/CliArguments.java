package io.mathsketch.engine.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line words split into positional arguments, {@code --key value} options and {@code --flag}s. Unknown
 * options are refused so that a typo does not silently fall back to a default.
 */
final class CliArguments {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    private CliArguments() {
    }

    /**
     * @param args the words after the sub-command
     * @param valued option names that take a value
     * @param flags option names that take none
     */
    static CliArguments parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        CliArguments parsed = new CliArguments();
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (!word.startsWith("--")) {
                parsed.positional.add(word);
                continue;
            }
            String key = word.substring(2);
            if (flags.contains(key)) {
                parsed.options.put(key, "true");
            } else if (valued.contains(key)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("option --" + key + " needs a value");
                }
                parsed.options.put(key, args.get(++i));
            } else {
                throw new UsageException("unknown option --" + key);
            }
        }
        return parsed;
    }

    List<String> positional() {
        return positional;
    }

    Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    boolean flag(String key) {
        return options.containsKey(key);
    }

    /** Wrong usage of the command line; the message is printed with the usage text. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
