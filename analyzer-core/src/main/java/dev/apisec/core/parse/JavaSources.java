package dev.apisec.core.parse;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import dev.apisec.core.diag.Notifications;
import dev.apisec.core.source.SourceFile;
import dev.apisec.core.source.TextDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses Java files on demand, thread-safe, with small LRU caches so that a large tree is never held in memory at
 * once. Files that cannot be read or parsed yield a notification once and an empty result.
 *
 * <p>A file can be read at four depths, cheapest first: its {@linkplain #skeleton skeleton} (declarations without
 * methods: what following a call by name needs), one {@linkplain #member method} on its own, its
 * {@linkplain #outline outline} (every declaration, no bodies: what type facts need), and the {@linkplain #parse
 * whole tree}. All four give nodes with the file's own lines and columns, so findings do not depend on the depth a
 * file happened to be read at.
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
    private final Set<String> outlinedOnce = ConcurrentHashMap.newKeySet();
    private final Set<String> skeletonOnce = ConcurrentHashMap.newKeySet();
    /**
     * Methods parsed on their own, by file and start line. Bounded by count and by bytes: each method's own source
     * plus, once per file, the file text its entries share (for snippets).
     */
    private final Map<String, Member> members = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, Integer> memberFiles = new java.util.HashMap<>();
    private long memberBytes;

    private record Member(ParsedFile parsed, int size) {
    }
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

    /**
     * A parser configured like apisec's: newest language level (its grammar: {@code yield}, records, patterns; its
     * post-processing: {@code var}), no symbol resolution, no comment attribution, no line-separator detection, and
     * without JavaParser's language-level validators. The validators reject code that is syntactically Java but
     * that javac would reject too (modifier combinations, misplaced keywords); apisec reads code that compiles, and
     * skipping them saves about a fifth of every parse.
     */
    public static JavaParser newParser() {
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(LANGUAGE_LEVEL)
                // must stay true: without tokens JavaParser's post-processor clears every node's range, so
                // every location would fall back to line 1
                .setStoreTokens(true)
                .setAttributeComments(false)
                .setDetectOriginalLineSeparator(false);
        withoutValidators(configuration);
        return new JavaParser(configuration);
    }

    /** The language level's post-processor (what turns {@code var} into a VarType), when JavaParser has one. */
    private static final com.github.javaparser.Processor LEVEL_POST_PROCESSOR = levelPostProcessor();

    private static com.github.javaparser.Processor levelPostProcessor() {
        try {
            Object p = Class.forName("com.github.javaparser.ast.validator.postprocessors."
                    + LANGUAGE_LEVEL.name().replace("JAVA_", "Java") + "PostProcessor")
                    .getDeclaredConstructor().newInstance();
            if (!(p instanceof com.github.javaparser.ast.validator.postprocessors.PostProcessors post)) {
                return null;
            }
            return new com.github.javaparser.Processor() {
                @Override
                public void postProcess(ParseResult<? extends com.github.javaparser.ast.Node> result,
                                        ParserConfiguration configuration) {
                    post.postProcess(result, configuration);
                }
            };
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /**
     * Replaces JavaParser's language-level processor (post-processing and validation, one anonymous class) by the
     * post-processing alone. Left as it is when this JavaParser's processors are not laid out as expected.
     */
    static void withoutValidators(ParserConfiguration configuration) {
        if (LEVEL_POST_PROCESSOR == null) {
            return;
        }
        var processors = configuration.getProcessors();
        for (int i = 0; i < processors.size(); i++) {
            com.github.javaparser.Processor p = processors.get(i).get();
            if (p.getClass().getName().equals("com.github.javaparser.ParserConfiguration$2")) {
                processors.set(i, () -> LEVEL_POST_PROCESSOR);
                return;
            }
        }
    }

    /** Number of distinct files parsed so far, whole, as an outline or as a skeleton. */
    public int parsedCount() {
        Set<String> all = new java.util.HashSet<>(parsedOnce);
        all.addAll(outlinedOnce);
        all.addAll(skeletonOnce);
        return all.size();
    }

    /** Number of distinct files of which only a skeleton (and single methods) was parsed. */
    public int partiallyOutlinedCount() {
        Set<String> only = new java.util.HashSet<>(skeletonOnce);
        only.removeAll(parsedOnce);
        only.removeAll(outlinedOnce);
        return only.size();
    }

    /** Number of distinct files parsed whole so far. */
    public int wholeParsedCount() {
        return parsedOnce.size();
    }

    /** Number of distinct files whose outline (declarations without bodies) was parsed instead of the whole file. */
    public int outlinedCount() {
        return outlinedOnce.size();
    }

    /** Distinct files that were both outlined and parsed whole (the outline was wasted work). */
    public int outlinedThenParsedCount() {
        int n = 0;
        for (String k : outlinedOnce) {
            if (parsedOnce.contains(k)) {
                n++;
            }
        }
        return n;
    }

    /** The whole tree of {@code file} when the cache holds it; never parses. */
    public Optional<ParsedFile> cached(SourceFile file) {
        synchronized (cache) {
            return Optional.ofNullable(cache.get(file.relativePath()));
        }
    }

    /**
     * The declarations of {@code file} — types, fields, signatures, annotations — without method bodies (see
     * {@link Outline}): what type facts need, at about a third of the cost of a full parse. Positions are those of
     * the file. The whole tree is returned when the cache holds it, or when the outline cannot be made or parsed
     * (the full parse then reports the problem). Outlines are not cached: their facts are extracted once.
     */
    public Optional<ParsedFile> outline(SourceFile file) {
        // not refused when the whole file failed to parse: whether another thread's whole parse failed first must
        // not decide what this one reads (the outline may parse where the file does not)
        String key = file.relativePath();
        Optional<ParsedFile> whole = cached(file);
        if (whole.isPresent() || file.size() > MAX_PARSE_BYTES) {
            return whole.isPresent() ? whole : parse(file);
        }
        return once(OUTLINE + key, () -> outlineUncached(file, key));
    }

    /**
     * Runs {@code work} unless another thread is already running it for {@code key}, in which case its result is
     * awaited: two rules asking for the same file at once parse it once.
     */
    private Optional<ParsedFile> once(String key, java.util.function.Supplier<Optional<ParsedFile>> work) {
        java.util.concurrent.CompletableFuture<Optional<ParsedFile>> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Optional<ParsedFile>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Optional<ParsedFile> result = work.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.complete(Optional.empty());
            throw e;
        } finally {
            inFlight.remove(key);
        }
    }

    /** A parsed skeleton (declarations without methods) and where the file's methods are. */
    public record SkeletonFile(ParsedFile parsed, List<Outline.Method> methods, LineIndex lines) {
    }

    /**
     * The skeleton of {@code file} (see {@link Outline#skeleton}): every declaration but methods, parsed, with the
     * offsets of the methods left out. Not cached. Empty when it cannot be made or parsed (the caller then uses the
     * whole outline).
     */
    public Optional<SkeletonFile> skeleton(SourceFile file) {
        if (file.size() > MAX_PARSE_BYTES) {
            return Optional.empty();
        }
        SourceText source = text(file);
        if (source == null) {
            return Optional.empty();
        }
        Outline.Skeleton skeleton = Outline.skeleton(source.text());
        if (skeleton == null) {
            return Optional.empty();
        }
        ParsedFile parsed = parseDeclarations(file, source.text(), skeleton.text());
        if (parsed == null) {
            return Optional.empty(); // the caller falls back to the whole outline
        }
        skeletonOnce.add(file.relativePath());
        return Optional.of(new SkeletonFile(parsed, skeleton.methods(), source.lines()));
    }

    /**
     * Parses {@code declarations}, an outline or skeleton of {@code text}, with the imports read lexically (the
     * parser spends as long on a file's imports as on its other declarations); null when it does not parse.
     */
    private static ParsedFile parseDeclarations(SourceFile file, String text, String declarations) {
        Outline.Imports imports = Outline.imports(text);
        String parsed = imports == null ? declarations : Outline.withoutImports(declarations, imports);
        try {
            ParseResult<CompilationUnit> result = newParser().parse(parsed);
            if (result.isSuccessful() && result.getResult().isPresent()) {
                return new ParsedFile(file, result.getResult().get(), text, imports == null ? null : imports.names());
            }
        } catch (RuntimeException | StackOverflowError e) {
            // the caller falls back to a deeper read, which reports the problem
        }
        return null;
    }

    private static final String OUTLINE = "\0outline:";

    private Optional<ParsedFile> outlineUncached(SourceFile file, String key) {
        String text;
        try {
            text = TextDecoder.decode(Files.readAllBytes(file.path())).text();
        } catch (IOException e) {
            return parse(file); // reports the failure once
        }
        String outline = Outline.of(text);
        ParsedFile parsed = outline == null ? null : parseDeclarations(file, text, outline);
        if (parsed != null) {
            outlinedOnce.add(key);
            return Optional.of(parsed);
        }
        return parse(file);
    }

    /**
     * One method of {@code file}, parsed on its own from the text between the given start and end (1-based, end
     * column exclusive: the range of the declaration, as the file's outline gives it) and placed in a synthetic compilation unit with the
     * package and the (nested) type names {@code typeNames}, so that its positions and anchors are those of the
     * file. Empty when the text there is not a method called {@code name} (the caller then parses the file).
     */
    public Optional<ParsedFile> member(SourceFile file, int startLine, int startColumn, int endLine, int endColumn,
                                       String name, String packageName, java.util.List<String> typeNames) {
        String key = file.relativePath() + "@" + startLine + ":" + startColumn;
        synchronized (members) {
            Member known = members.get(key);
            if (known != null) {
                return Optional.of(known.parsed());
            }
        }
        // a method parses on its own even when its file does not (and whether the file's whole parse was tried
        // before must not change what is read: results never depend on timing)
        if (file.size() > MAX_PARSE_BYTES || typeNames.isEmpty()) {
            return Optional.empty();
        }
        SourceText source = text(file);
        if (source == null) {
            return Optional.empty();
        }
        String text = source.text();
        int from = source.lines().offset(startLine, startColumn);
        int to = source.lines().offset(endLine, endColumn);
        if (from < 0 || to <= from || to > text.length()) {
            return Optional.empty();
        }
        // later lines of the snippet are whole lines of the file: their columns are right, and positions on the
        // snippet's first line are shifted by the method's column afterwards (no padding: a method far to the right
        // of a generated one-line file would otherwise cost as many space tokens)
        String snippet = text.substring(from, to);
        try {
            ParseResult<com.github.javaparser.ast.body.BodyDeclaration<?>> result = newParser()
                    .parseBodyDeclaration(snippet);
            if (!result.isSuccessful() || result.getResult().isEmpty()
                    || !(result.getResult().get() instanceof com.github.javaparser.ast.body.MethodDeclaration m)
                    || !m.getNameAsString().equals(name)) {
                return Optional.empty();
            }
            shift(m, startLine - 1, startColumn - 1);
            CompilationUnit unit = new CompilationUnit();
            if (!packageName.isEmpty()) {
                com.github.javaparser.ast.expr.Name qualified = null;
                for (String part : packageName.split("\\.")) {
                    qualified = new com.github.javaparser.ast.expr.Name(qualified, part);
                }
                unit.setPackageDeclaration(new com.github.javaparser.ast.PackageDeclaration(qualified));
            }
            com.github.javaparser.ast.body.ClassOrInterfaceDeclaration type =
                    new com.github.javaparser.ast.body.ClassOrInterfaceDeclaration();
            type.setName(typeNames.get(0));
            unit.addType(type);
            for (String nested : typeNames.subList(1, typeNames.size())) {
                com.github.javaparser.ast.body.ClassOrInterfaceDeclaration inner =
                        new com.github.javaparser.ast.body.ClassOrInterfaceDeclaration();
                inner.setName(nested);
                type.addMember(inner);
                type = inner;
            }
            type.addMember(m);
            ParsedFile parsed = new ParsedFile(file, unit, text);
            synchronized (members) {
                Member added = new Member(parsed, to - from);
                Member previous = members.put(key, added);
                if (previous != null) {
                    release(previous);
                }
                memberBytes += added.size();
                if (memberFiles.merge(file.relativePath(), 1, Integer::sum) == 1) {
                    memberBytes += text.length();
                }
                var eldest = members.entrySet().iterator();
                while (members.size() > 1 && (members.size() > 4 * cacheSize || memberBytes > cacheSourceBytes)
                        && eldest.hasNext()) {
                    Member evicted = eldest.next().getValue();
                    eldest.remove();
                    release(evicted);
                }
            }
            return Optional.of(parsed);
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /** Accounting of a member leaving the cache (caller holds the lock). */
    private void release(Member m) {
        memberBytes -= m.size();
        String f = m.parsed().file().relativePath();
        if (memberFiles.merge(f, -1, Integer::sum) <= 0) {
            memberFiles.remove(f);
            memberBytes -= m.parsed().text().length();
        }
    }

    /** Moves a snippet's nodes to the file's positions: every line by {@code lines}, the first line's columns too. */
    private static void shift(com.github.javaparser.ast.Node root, int lines, int firstLineColumns) {
        if (lines == 0 && firstLineColumns == 0) {
            return;
        }
        for (com.github.javaparser.ast.Node n : root.findAll(com.github.javaparser.ast.Node.class)) {
            n.getRange().ifPresent(r -> n.setRange(new com.github.javaparser.Range(
                    shifted(r.begin, lines, firstLineColumns), shifted(r.end, lines, firstLineColumns))));
        }
    }

    private static com.github.javaparser.Position shifted(com.github.javaparser.Position p, int lines,
                                                          int firstLineColumns) {
        return new com.github.javaparser.Position(p.line + lines, p.line == 1 ? p.column + firstLineColumns : p.column);
    }

    /** A decoded file with its line starts, kept for the files whose methods are being read one by one. */
    private record SourceText(String text, LineIndex lines) {
    }

    private final Map<String, SourceText> texts = new LinkedHashMap<>(64, 0.75f, true);
    private long textBytes;

    private SourceText text(SourceFile file) {
        String key = file.relativePath();
        synchronized (texts) {
            SourceText known = texts.get(key);
            if (known != null) {
                return known;
            }
        }
        SourceText read;
        try {
            String text = TextDecoder.decode(Files.readAllBytes(file.path())).text();
            read = new SourceText(text, LineIndex.of(text));
        } catch (IOException e) {
            return null;
        }
        synchronized (texts) {
            SourceText previous = texts.put(key, read);
            textBytes += read.text().length() - (previous == null ? 0 : previous.text().length());
            var eldest = texts.entrySet().iterator();
            while (texts.size() > 1 && (texts.size() > cacheSize || textBytes > cacheSourceBytes) && eldest.hasNext()) {
                textBytes -= eldest.next().getValue().text().length();
                eldest.remove();
            }
        }
        return read;
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
        return once(key, () -> parseAndCache(file, key));
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
            // when its outline or skeleton parsed, the file's declarations (and each method that parses on its
            // own) were analysed: only what needed this whole tree is missing
            String scope = outlinedOnce.contains(rel) || skeletonOnce.contains(rel)
                    ? "file partly analysed (its declarations and the methods that parse): " : "file not analysed: ";
            notifications.error(rel, line, scope + "syntax error: " + message);
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
