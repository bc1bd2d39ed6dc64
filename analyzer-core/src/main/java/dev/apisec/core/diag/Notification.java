package dev.apisec.core.diag;

import java.util.Comparator;

/**
 * Something the tool wants the user to know about its own run (an unparsable file, a decoding fallback, a rule
 * that failed). {@code file} is relative to the scan base, or null.
 */
public record Notification(Level level, String file, int line, String message) {

    public enum Level { ERROR, WARNING, NOTE }

    public static final Comparator<Notification> ORDER = Comparator
            .comparing((Notification n) -> n.file() == null ? "" : n.file())
            .thenComparingInt(Notification::line)
            .thenComparing(Notification::message);

    @Override
    public String toString() {
        return (file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ") + level.name().toLowerCase() + ": "
                + message;
    }
}
