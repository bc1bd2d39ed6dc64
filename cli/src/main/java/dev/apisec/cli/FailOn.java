package dev.apisec.cli;

import dev.apisec.core.model.Severity;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@code --fail-on} threshold: a severity, or {@code none} to never fail on findings. */
enum FailOn {
    CRITICAL(Severity.CRITICAL),
    HIGH(Severity.HIGH),
    MEDIUM(Severity.MEDIUM),
    LOW(Severity.LOW),
    INFO(Severity.INFO),
    NONE(null);

    /** "critical, high, medium, low, info, none". */
    static final String ALLOWED = Arrays.stream(values()).map(FailOn::cliName).collect(Collectors.joining(", "));

    private final Severity severity;

    FailOn(Severity severity) {
        this.severity = severity;
    }

    /** The lowest severity that fails the build, or null for {@code none}. */
    Severity severity() {
        return severity;
    }

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive; the error names the allowed values. */
    static final class Converter implements CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            for (FailOn f : values()) {
                if (f.cliName().equalsIgnoreCase(value.trim())) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a severity; allowed values: "
                    + ALLOWED);
        }
    }
}
