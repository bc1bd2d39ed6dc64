package dev.apisec.core.parse;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import dev.apisec.core.engine.Notifications;
import dev.apisec.core.source.SourceFile;
import dev.apisec.core.source.TextDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses Java files on demand, thread-safe, with a small LRU cache of syntax trees so that a large tree is never
 * held in memory at once. Files that cannot be read or parsed yield a notification once and an empty result.
 */
public final class JavaSources {

    /** Files larger than this are not parsed (generated code); a notification says so. */
    public static final long MAX_PARSE_BYTES = 4L * 1024 * 1024;

    private static final ParserConfiguration.LanguageLevel LANGUAGE_LEVEL = newestLanguageLevel();

    private final Notifications notifications;
    private final Map<String, ParsedFile> cache;
    private final int cacheSize;
    private final long cacheSourceBytes;
    private long cachedBytes;
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final Set<String> parsedOnce = ConcurrentHashMap.newKeySet();
    /** Parses in progress: a second thread asking for the same file waits for the first instead of parsing it too. */
    private final ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<Optional<ParsedFile>>> inFlight =
            new ConcurrentHashMap<>();

    /** Source bytes whose trees the cache may hold at once (a tree takes about 40 times its source). */
    public static final long DEFAULT_CACHE_SOURCE_BYTES = 8L * 1024 * 1024;

    public JavaSources(Notifications notifications, int cacheSize) {
        this(notifications, cacheSize, DEFAULT_CACHE_SOURCE_BYTES);
    }

    /**
     * @param cacheSize        most trees kept at once
     * @param cacheSourceBytes most source bytes whose trees are kept at once (bounds memory on large files)
     */
    public JavaSources(Notifications notifications, int cacheSize, long cacheSourceBytes) {
        this.notifications = notifications;
        this.cacheSize = cacheSize;
        this.cacheSourceBytes = cacheSourceBytes;
        this.cache = new LinkedHashMap<>(64, 0.75f, true);
    }

    /** The newest Java language level this JavaParser knows (its default is Java 11). */
    static ParserConfiguration.LanguageLevel newestLanguageLevel() {
        return Arrays.stream(ParserConfiguration.LanguageLevel.values())
                .filter(l -> l.name().matches("JAVA_\\d+"))
                .max(Comparator.comparingInt(l -> Integer.parseInt(l.name().substring(5))))
                .orElse(ParserConfiguration.LanguageLevel.BLEEDING_EDGE);
    }

    public static ParserConfiguration.LanguageLevel languageLevel() {
        return LANGUAGE_LEVEL;
    }

    /** A parser configured like apisec's (newest language level, no symbol resolution). */
    public static JavaParser newParser() {
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(LANGUAGE_LEVEL)
                // must stay true: without tokens JavaParser's post-processor clears every node's range, so
                // every location would fall back to line 1
                .setStoreTokens(true)
                .setAttributeComments(false);
        return new JavaParser(configuration);
    }

    /** Number of distinct files parsed so far. */
    public int parsedCount() {
        return parsedOnce.size();
    }

    public Optional<ParsedFile> parse(SourceFile file) {
        String key = file.relativePath();
        if (failed.contains(key)) {
            return Optional.empty();
        }
        synchronized (cache) {
            ParsedFile cached = cache.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        java.util.concurrent.CompletableFuture<Optional<ParsedFile>> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Optional<ParsedFile>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Optional<ParsedFile> parsed = parseAndCache(file, key);
            mine.complete(parsed);
            return parsed;
        } catch (RuntimeException | Error e) {
            mine.complete(Optional.empty());
            throw e;
        } finally {
            inFlight.remove(key);
        }
    }

    private Optional<ParsedFile> parseAndCache(SourceFile file, String key) {
        synchronized (cache) {
            ParsedFile cached = cache.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<ParsedFile> parsed = parseUncached(file);
        if (parsed.isEmpty()) {
            failed.add(key);
            return Optional.empty();
        }
        parsedOnce.add(key);
        synchronized (cache) {
            ParsedFile previous = cache.put(key, parsed.get());
            if (previous != null) {
                cachedBytes -= previous.text().length();
            }
            cachedBytes += parsed.get().text().length();
            var eldest = cache.entrySet().iterator();
            while (cache.size() > 1 && (cache.size() > cacheSize || cachedBytes > cacheSourceBytes) && eldest.hasNext()) {
                ParsedFile evicted = eldest.next().getValue();
                cachedBytes -= evicted.text().length();
                eldest.remove();
            }
        }
        return parsed;
    }

    private Optional<ParsedFile> parseUncached(SourceFile file) {
        String rel = file.relativePath();
        if (file.size() > MAX_PARSE_BYTES) {
            notifications.warning(rel, 0, "file not analysed: larger than " + (MAX_PARSE_BYTES / 1024 / 1024)
                    + " MB (generated code?)");
            return Optional.empty();
        }
        String text;
        try {
            text = TextDecoder.decode(Files.readAllBytes(file.path())).text();
        } catch (IOException e) {
            notifications.error(rel, 0, "cannot read file: " + e.getMessage());
            return Optional.empty();
        }
        try {
            ParseResult<CompilationUnit> result = newParser().parse(text);
            if (result.isSuccessful() && result.getResult().isPresent()) {
                return Optional.of(new ParsedFile(file, result.getResult().get(), text));
            }
            Problem first = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
            int line = first == null ? 0 : first.getLocation()
                    .flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(0);
            String message = first == null ? "unknown parse error" : firstLine(first.getMessage());
            notifications.error(rel, line, "file not analysed: syntax error: " + message);
        } catch (StackOverflowError e) {
            notifications.error(rel, 0, "file not analysed: too deeply nested (stack overflow while parsing)");
        } catch (RuntimeException e) {
            notifications.error(rel, 0, "file not analysed: parser failure: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())));
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        String m = message.strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}
