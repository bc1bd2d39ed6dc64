package dev.apisec.core.model;

import dev.apisec.core.parse.JavaSources;
import dev.apisec.core.parse.ParsedFile;
import dev.apisec.core.source.FileFacts;
import dev.apisec.core.source.SourceFile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fully qualified name → declaration facts, for the whole project. Built from the pre-scan (which knows every
 * file's package and top-level types) and filled lazily: a file is parsed the first time one of its types is
 * asked for, its facts are kept, its syntax tree is not. Thread-safe.
 */
public final class TypeIndex {

    private final JavaSources sources;
    private final Map<String, SourceFile> topLevel = new HashMap<>();
    private final Map<String, List<String>> topLevelBySimpleName = new HashMap<>();
    private final Map<String, FileFacts> factsByFile = new HashMap<>();
    private final Map<String, SourceFile> filesByPath = new HashMap<>();
    private final Map<String, List<SourceFile>> filesBySupertypeName = new HashMap<>();
    private final ConcurrentHashMap<String, List<TypeInfo>> typesByFile = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TypeInfo> types = new ConcurrentHashMap<>();
    private final TypeFactsExtractor extractor = new TypeFactsExtractor(this);
    private final List<SourceFile> sortedFiles;
    private final Map<dev.apisec.core.source.Marker, List<SourceFile>> filesByMarker =
            new java.util.EnumMap<>(dev.apisec.core.source.Marker.class);

    public TypeIndex(JavaSources sources, Map<SourceFile, FileFacts> prescan) {
        this.sources = sources;
        prescan.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    SourceFile file = e.getKey();
                    FileFacts facts = e.getValue();
                    factsByFile.put(file.relativePath(), facts);
                    filesByPath.put(file.relativePath(), file);
                    for (String sup : facts.supertypeNames()) {
                        filesBySupertypeName.computeIfAbsent(sup, k -> new ArrayList<>()).add(file);
                    }
                    for (String simple : facts.topLevelTypes()) {
                        String fqn = facts.packageName().isEmpty() ? simple : facts.packageName() + "." + simple;
                        topLevel.putIfAbsent(fqn, file);
                        topLevelBySimpleName.computeIfAbsent(simple, k -> new ArrayList<>()).add(fqn);
                    }
                });
        this.sortedFiles = filesByPath.values().stream().sorted().toList();
        for (dev.apisec.core.source.Marker m : dev.apisec.core.source.Marker.values()) {
            filesByMarker.put(m, sortedFiles.stream()
                    .filter(f -> factsByFile.get(f.relativePath()).markers().contains(m)).toList());
        }
    }

    public JavaSources sources() {
        return sources;
    }

    /** All files with their pre-scan facts, sorted by path. */
    public List<SourceFile> files() {
        return sortedFiles;
    }

    /** Files whose pre-scan found {@code marker}, sorted by path. */
    public List<SourceFile> filesWith(dev.apisec.core.source.Marker marker) {
        return filesByMarker.get(marker);
    }

    public FileFacts facts(SourceFile file) {
        return factsByFile.get(file.relativePath());
    }

    public boolean isProjectType(String qualifiedName) {
        return fileOf(qualifiedName).isPresent();
    }

    /** The file declaring a (possibly nested) project type. */
    public Optional<SourceFile> fileOf(String qualifiedName) {
        String name = qualifiedName;
        while (true) {
            SourceFile f = topLevel.get(name);
            if (f != null) {
                return Optional.of(f);
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            name = name.substring(0, dot);
        }
    }

    /** Facts of a project type, parsing its file on first use; empty for library types and unparsable files. */
    public Optional<TypeInfo> type(String qualifiedName) {
        if (qualifiedName == null) {
            return Optional.empty();
        }
        TypeInfo known = types.get(qualifiedName);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<SourceFile> file = fileOf(qualifiedName);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        typesIn(file.get());
        return Optional.ofNullable(types.get(qualifiedName));
    }

    /** Every type declared in {@code file} (nested ones included), parsing it on first use. */
    public List<TypeInfo> typesIn(SourceFile file) {
        // not computeIfAbsent: that would hold a lock of the map while parsing, and block other threads whose
        // files hash nearby; parsing itself is de-duplicated by JavaSources
        List<TypeInfo> known = typesByFile.get(file.relativePath());
        if (known != null) {
            return known;
        }
        List<TypeInfo> extracted = extract(file);
        // types first, then the file: whoever sees the file as done also finds its types
        for (TypeInfo t : extracted) {
            types.putIfAbsent(t.qualifiedName(), t);
        }
        List<TypeInfo> previous = typesByFile.putIfAbsent(file.relativePath(), extracted);
        return previous != null ? previous : extracted;
    }

    private List<TypeInfo> extract(SourceFile file) {
        Optional<ParsedFile> parsed = sources.outline(file);
        if (parsed.isEmpty()) {
            return List.of();
        }
        try {
            return extractor.extract(parsed.get());
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    /** Parses {@code file} (through the bounded cache). */
    public Optional<ParsedFile> parse(SourceFile file) {
        return sources.parse(file);
    }

    /** Parses the file that declares {@code type}. */
    public Optional<ParsedFile> parse(TypeInfo type) {
        SourceFile f = filesByPath.get(type.file());
        return f == null ? Optional.empty() : sources.parse(f);
    }

    /**
     * The syntax of a method whose facts are known: the declaring type's file is parsed (through the cache) and
     * the method found by name and start line. Do not keep the node beyond one analysis step.
     */
    public Optional<com.github.javaparser.ast.body.MethodDeclaration> declaration(MethodInfo method) {
        return syntax(method).map(MethodSyntax::declaration);
    }

    /** A method's syntax and the (possibly partial) parsed file it belongs to, for locations. */
    public record MethodSyntax(ParsedFile file, com.github.javaparser.ast.body.MethodDeclaration declaration) {
    }

    /**
     * The syntax of a method whose facts are known. When the declaring file's whole tree is cached it is used;
     * otherwise the method alone is parsed (see {@link JavaSources#member}): following a call into a service reads
     * that method, not the whole service. Either way the nodes have the file's positions and anchors. Do not keep
     * the result beyond one analysis step.
     */
    public Optional<MethodSyntax> syntax(MethodInfo method) {
        Optional<TypeInfo> type = type(method.declaringType());
        SourceFile file = type.map(t -> filesByPath.get(t.file())).orElse(null);
        if (file == null) {
            return Optional.empty();
        }
        int line = method.location().startLine();
        Optional<ParsedFile> whole = sources.cached(file);
        if (whole.isEmpty()) {
            String pkg = type.get().packageName();
            String qualified = type.get().qualifiedName();
            String local = pkg.isEmpty() ? qualified : qualified.substring(pkg.length() + 1);
            Optional<ParsedFile> member = sources.member(file, method.location().startLine(),
                    method.location().startColumn(), method.location().endLine(), method.location().endColumn(),
                    method.name(), pkg,
                    List.of(local.split("\\.")));
            Optional<MethodSyntax> found = member.flatMap(pf -> pf.method(method.name(), line)
                    .map(d -> new MethodSyntax(pf, d)));
            if (found.isPresent()) {
                return found;
            }
            whole = sources.parse(file);
        }
        ParsedFile pf = whole.orElse(null);
        return pf == null ? Optional.empty() : pf.method(method.name(), line).map(d -> new MethodSyntax(pf, d));
    }

    /** Resolves a type name as written in the context of a project type. */
    public String resolve(String written, TypeInfo context) {
        Map<String, String> nested = new HashMap<>();
        // nested types visible from the context: its own, its enclosing types' and their siblings
        SourceFile f = filesByPath.get(context.file());
        if (f != null) {
            for (TypeInfo t : typesIn(f)) {
                nested.putIfAbsent(t.simpleName(), t.qualifiedName());
            }
        }
        return resolve(written, context.packageName(), context.imports(), nested);
    }

    /**
     * Resolves a type name as written: nested types of the file, single-type imports, the same package, wildcard
     * imports (project and known framework types), {@code java.lang}, then a unique known framework type of that
     * simple name. Returns the name unchanged when nothing matches.
     */
    public String resolve(String written, String packageName, List<String> imports, Map<String, String> nested) {
        if (written == null || written.isEmpty()) {
            return written;
        }
        int dot = written.indexOf('.');
        if (dot > 0) {
            String first = written.substring(0, dot);
            if (Character.isUpperCase(first.charAt(0))) {
                String head = resolve(first, packageName, imports, nested);
                if (!head.equals(first)) {
                    return head + written.substring(dot);
                }
            }
            return written;
        }
        String nestedName = nested.get(written);
        if (nestedName != null) {
            return nestedName;
        }
        for (String imp : imports) {
            if (!imp.startsWith("static ") && !imp.endsWith(".*") && imp.endsWith("." + written)) {
                return imp;
            }
        }
        String samePackage = packageName.isEmpty() ? written : packageName + "." + written;
        if (topLevel.containsKey(samePackage)) {
            return samePackage;
        }
        for (String imp : imports) {
            if (!imp.startsWith("static ") && imp.endsWith(".*")) {
                String candidate = imp.substring(0, imp.length() - 1) + written;
                if (topLevel.containsKey(candidate) || KnownTypes.isKnown(candidate)) {
                    return candidate;
                }
            }
        }
        if (KnownTypes.isJavaLang(written)) {
            return "java.lang." + written;
        }
        List<String> known = KnownTypes.bySimpleName(written);
        if (!known.isEmpty()) {
            // ambiguous between javax and jakarta: prefer the namespace a wildcard import names
            for (String k : known) {
                for (String imp : imports) {
                    if (imp.endsWith(".*") && k.startsWith(imp.substring(0, imp.length() - 1))) {
                        return k;
                    }
                }
            }
            if (known.size() == 1) {
                return known.get(0);
            }
        }
        return written;
    }

    /** Direct supertypes that are project types. */
    public List<TypeInfo> directSupertypes(TypeInfo type) {
        List<TypeInfo> out = new ArrayList<>();
        if (type.superclass() != null) {
            type(type.superclass().qualifiedName()).ifPresent(out::add);
        }
        for (TypeRef i : type.interfaces()) {
            type(i.qualifiedName()).ifPresent(out::add);
        }
        return out;
    }

    /** All project supertypes, nearest first (breadth-first), without {@code type} itself; cycles are cut. */
    public List<TypeInfo> allSupertypes(TypeInfo type) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<TypeInfo> out = new ArrayList<>();
        Deque<TypeInfo> queue = new ArrayDeque<>(directSupertypes(type));
        seen.add(type.qualifiedName());
        while (!queue.isEmpty() && out.size() < 64) {
            TypeInfo t = queue.removeFirst();
            if (seen.add(t.qualifiedName())) {
                out.add(t);
                queue.addAll(directSupertypes(t));
            }
        }
        return out;
    }

    /** Qualified names of all supertypes, project or not, as written in declarations (transitively where known). */
    public Set<String> allSupertypeNames(TypeInfo type) {
        Set<String> names = new LinkedHashSet<>();
        List<TypeInfo> chain = new ArrayList<>();
        chain.add(type);
        chain.addAll(allSupertypes(type));
        for (TypeInfo t : chain) {
            if (t.superclass() != null) {
                names.add(t.superclass().qualifiedName());
            }
            t.interfaces().forEach(i -> names.add(i.qualifiedName()));
        }
        return names;
    }

    /**
     * Project classes that extend or implement {@code supertype}, directly or through other project types. Only
     * files whose pre-scan names the supertype's simple name in a type header are parsed.
     */
    public List<TypeInfo> subtypes(TypeInfo supertype) {
        List<TypeInfo> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<TypeInfo> queue = new ArrayDeque<>();
        queue.add(supertype);
        while (!queue.isEmpty() && seen.size() < 256) {
            TypeInfo current = queue.removeFirst();
            for (SourceFile file : filesNamingSupertype(current.simpleName())) {
                for (TypeInfo candidate : typesIn(file)) {
                    if (seen.contains(candidate.qualifiedName())) {
                        continue;
                    }
                    boolean direct = (candidate.superclass() != null
                            && candidate.superclass().qualifiedName().equals(current.qualifiedName()))
                            || candidate.interfaces().stream()
                            .anyMatch(i -> i.qualifiedName().equals(current.qualifiedName()));
                    if (direct) {
                        seen.add(candidate.qualifiedName());
                        out.add(candidate);
                        queue.add(candidate);
                    }
                }
            }
        }
        return out;
    }

    /** Files whose pre-scan names {@code simpleName} in a type header (candidate subtypes; nothing is parsed). */
    public List<SourceFile> filesNamingSupertype(String simpleName) {
        return filesBySupertypeName.getOrDefault(simpleName, List.of());
    }

    /** Types whose facts have been extracted so far. */
    public Collection<TypeInfo> loadedTypes() {
        return types.values();
    }
}
