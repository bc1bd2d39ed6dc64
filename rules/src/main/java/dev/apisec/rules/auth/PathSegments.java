package dev.apisec.rules.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The literal segments of an endpoint path, split into lower-case words, for matching route vocabulary such as
 * {@code admin} or {@code password-reset}. A word (one or more parts, {@code -}, {@code _}, {@code .} or camelCase
 * separated) matches when its parts occur in a row among the path's words, starting at the beginning of a
 * segment or ending at the end of one: {@code admin} matches {@code /admin}, {@code /admin-tools} and
 * {@code /adminTools} but not {@code /superadministrators}; {@code password-reset} matches {@code /password/reset}
 * and {@code /password-reset-request}. Path variables ({@code {id}}, wildcards) never match and break a row.
 */
final class PathSegments {

    /** One word of the path: its text, whether it starts or ends a segment, the segment it belongs to. */
    private record Part(String word, boolean segmentStart, boolean segmentEnd, String segment) {
    }

    private final List<List<Part>> runs;
    private final List<String> literalSegments;
    private final boolean endsWithVariables;

    private PathSegments(List<List<Part>> runs, List<String> literalSegments, boolean endsWithVariables) {
        this.runs = runs;
        this.literalSegments = literalSegments;
        this.endsWithVariables = endsWithVariables;
    }

    static PathSegments of(String path) {
        List<List<Part>> runs = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        List<Part> run = new ArrayList<>();
        int lastLiteral = -1;
        String[] segments = path.split("/");
        int index = 0;
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            if (isVariable(segment)) {
                if (!run.isEmpty()) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
                index++;
                continue;
            }
            List<String> words = words(segment);
            for (int i = 0; i < words.size(); i++) {
                run.add(new Part(words.get(i), i == 0, i == words.size() - 1, segment));
            }
            literals.add(segment);
            lastLiteral = index++;
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return new PathSegments(runs, literals, lastLiteral >= 0 && lastLiteral < index - 1);
    }

    private static boolean isVariable(String segment) {
        return segment.contains("{") || segment.contains("*") || segment.startsWith(":") || segment.contains("(");
    }

    /** {@code adminTools}, {@code admin-tools}, {@code admin_tools.json} to their lower-case words. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(current, out);
                continue;
            }
            if (Character.isUpperCase(c) && current.length() > 0
                    && Character.isLowerCase(current.charAt(current.length() - 1))) {
                flush(current, out);
            }
            current.append(c);
        }
        flush(current, out);
        return out;
    }

    private static void flush(StringBuilder current, List<String> out) {
        if (current.length() > 0) {
            out.add(current.toString().toLowerCase(Locale.ROOT));
            current.setLength(0);
        }
    }

    /** The first of {@code vocabulary} (in its order) that occurs in the path, as the segment text it matched. */
    Optional<Match> find(Collection<String> vocabulary) {
        for (String entry : vocabulary) {
            Optional<String> segment = segmentOf(entry);
            if (segment.isPresent()) {
                return Optional.of(new Match(entry, segment.get()));
            }
        }
        return Optional.empty();
    }

    boolean contains(String word) {
        return segmentOf(word).isPresent();
    }

    /** A vocabulary word found in the path and the (first) segment where it was found. */
    record Match(String word, String segment) {
    }

    private Optional<String> segmentOf(String word) {
        List<String> wanted = words(word);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        for (List<Part> run : runs) {
            for (int start = 0; start + wanted.size() <= run.size(); start++) {
                boolean same = true;
                for (int k = 0; k < wanted.size() && same; k++) {
                    same = run.get(start + k).word().equals(wanted.get(k));
                }
                if (!same) {
                    continue;
                }
                Part first = run.get(start);
                Part last = run.get(start + wanted.size() - 1);
                if (first.segmentStart() || last.segmentEnd()) {
                    return Optional.of(first.segment());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the endpoint addresses a collection named by one of {@code collections} or one member of it: the
     * last literal segment ends with the collection word and at most path variables follow ({@code /users},
     * {@code /users/{id}}, {@code /team-members/{id}}).
     */
    Optional<String> addressedCollection(Collection<String> collections) {
        if (literalSegments.isEmpty()) {
            return Optional.empty();
        }
        String last = literalSegments.get(literalSegments.size() - 1);
        List<String> words = words(last);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String lastWord = words.get(words.size() - 1);
        return collections.stream().filter(c -> c.equals(lastWord)).findFirst();
    }

    /** Whether path variables follow the last literal segment ({@code /users/{id}}). */
    boolean endsWithVariable() {
        return endsWithVariables;
    }
}
