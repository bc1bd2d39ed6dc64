package dev.apisec.core.lang;

import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeKind;
import dev.apisec.core.model.TypeRef;

import dev.apisec.core.parse.JavaSources;
import dev.apisec.core.parse.LineIndex;
import dev.apisec.core.parse.Outline;
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

    /** Facts of a file's skeleton (types without methods) and where its methods are. */
    private record SkeletonFacts(List<TypeInfo> types, List<Outline.Method> methods, LineIndex lines,
                                 Map<String, String> nested) {
    }

    private static final SkeletonFacts NO_SKELETON = new SkeletonFacts(List.of(), List.of(), LineIndex.of(""), Map.of());
    private final ConcurrentHashMap<String, SkeletonFacts> skeletons = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<TypeInfo>> views = new ConcurrentHashMap<>();

    /**
     * Facts of a project type listing only its methods called {@code methodName} (with {@code ""}: none; the
     * elements of an annotation type are always listed); header, annotations, fields and supertypes are complete.
     * What following a call by name needs: the file's skeleton (declarations without methods) is parsed once and
     * each method of that name on its own (the same parse later serves its body, see {@link #syntax}), instead of
     * the outline of every method of the file. Always built this way, whatever else is loaded, so that an
     * analysis using it does not depend on what other rules asked for first; the full facts only when the file has
     * no usable skeleton.
     */
    public Optional<TypeInfo> typeWithMethods(String qualifiedName, String methodName) {
        if (qualifiedName == null) {
            return Optional.empty();
        }
        String key = qualifiedName + "#" + methodName;
        Optional<TypeInfo> known = views.get(key);
        if (known != null) {
            return known;
        }
        Optional<SourceFile> file = fileOf(qualifiedName);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Optional<TypeInfo> view = skeletonView(file.get(), qualifiedName, methodName);
        if (view == null) {
            view = type(qualifiedName).map(t -> withMethodsNamed(t, methodName));
        }
        Optional<TypeInfo> previous = views.putIfAbsent(key, view);
        return previous != null ? previous : view;
    }

    private static TypeInfo withMethodsNamed(TypeInfo t, String name) {
        List<MethodInfo> named = t.methods().stream()
                .filter(m -> m.name().equals(name) || t.kind() == TypeKind.ANNOTATION).toList();
        return copyWithMethods(t, named);
    }

    private static TypeInfo copyWithMethods(TypeInfo t, List<MethodInfo> methods) {
        return new TypeInfo(t.qualifiedName(), t.simpleName(), t.kind(), t.packageName(), t.file(), t.annotations(),
                t.superclass(), t.interfaces(), t.fields(), methods, t.imports(), t.enclosingType(), t.isAbstract(),
                t.location());
    }

    /** The file's skeleton facts, parsed on first use; {@link #NO_SKELETON} when it has no usable skeleton. */
    private SkeletonFacts skeletonFacts(SourceFile file) {
        SkeletonFacts sk = skeletons.get(file.relativePath());
        if (sk == null) {
            sk = NO_SKELETON;
            Optional<JavaSources.SkeletonFile> parsed = sources.skeleton(file);
            if (parsed.isPresent()) {
                try {
                    List<TypeInfo> declared = extractor.extract(parsed.get().parsed());
                    Map<String, String> nested = new HashMap<>();
                    for (TypeInfo t : declared) {
                        nested.putIfAbsent(t.simpleName(), t.qualifiedName());
                    }
                    sk = new SkeletonFacts(declared, parsed.get().methods(), parsed.get().lines(), nested);
                } catch (RuntimeException | StackOverflowError e) {
                    sk = NO_SKELETON;
                }
            }
            SkeletonFacts previous = skeletons.putIfAbsent(file.relativePath(), sk);
            sk = previous != null ? previous : sk;
        }
        return sk;
    }

    /** The skeleton-built view, or {@code null} when the file has no usable skeleton. */
    private Optional<TypeInfo> skeletonView(SourceFile file, String qualifiedName, String methodName) {
        SkeletonFacts sk = skeletonFacts(file);
        if (sk == NO_SKELETON) {
            return null;
        }
        TypeInfo type = null;
        for (TypeInfo t : sk.types()) {
            if (t.qualifiedName().equals(qualifiedName)) {
                type = t;
            }
        }
        if (type == null) {
            return Optional.empty();
        }
        String pkg = type.packageName();
        List<String> path = typePath(qualifiedName, pkg);
        List<MethodInfo> methods = new ArrayList<>(type.methods());
        for (Outline.Method m : sk.methods()) {
            if (!m.name().equals(methodName) || !m.typePath().equals(path)) {
                continue;
            }
            int startLine = sk.lines().lineOf(m.start());
            int endLine = sk.lines().lineOf(m.end());
            int startColumn = sk.lines().columnOf(m.start());
            int endColumn = sk.lines().columnOf(m.end());
            Optional<ParsedFile> member = sources.member(file, startLine, startColumn, endLine, endColumn, m.name(),
                    pkg, path);
            Optional<com.github.javaparser.ast.body.MethodDeclaration> decl =
                    member.flatMap(pf -> pf.method(m.name(), startLine, startColumn));
            if (decl.isEmpty()) {
                return null; // the lexical skeleton and the parser disagree: use the full facts
            }
            try {
                methods.add(extractor.methodInfo(member.get(), decl.get(), type, sk.nested()));
            } catch (RuntimeException | StackOverflowError e) {
                return null;
            }
        }
        return Optional.of(copyWithMethods(type, methods));
    }

    /** Simple names of a (possibly nested) type and its enclosing types, outermost first. */
    private static List<String> typePath(String qualifiedName, String packageName) {
        String local = packageName.isEmpty() ? qualifiedName : qualifiedName.substring(packageName.length() + 1);
        return List.of(local.split("\\."));
    }

    /** The types declared in {@code file}, from whatever facts of it are loaded (their methods may be missing). */
    private List<TypeInfo> declaredTypesFor(SourceFile file) {
        List<TypeInfo> whole = typesByFile.get(file.relativePath());
        if (whole != null) {
            return whole;
        }
        SkeletonFacts sk = skeletons.get(file.relativePath());
        return sk != null && sk != NO_SKELETON ? sk.types() : typesIn(file); // the same types (only methods differ)
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

    /** The declaration of a method whose facts are known (see {@link #syntax}). */
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
        SourceFile file = fileOf(method.declaringType()).orElse(null);
        if (file == null) {
            return Optional.empty();
        }
        int line = method.location().startLine();
        int column = method.location().startColumn();
        Optional<ParsedFile> whole = sources.cached(file);
        if (whole.isEmpty()) {
            String pkg = facts(file).packageName();
            Optional<ParsedFile> member = sources.member(file, line, column, method.location().endLine(),
                    method.location().endColumn(), method.name(), pkg, typePath(method.declaringType(), pkg));
            Optional<MethodSyntax> found = member.flatMap(pf -> pf.method(method.name(), line, column)
                    .map(d -> new MethodSyntax(pf, d)));
            if (found.isPresent()) {
                return found;
            }
            whole = sources.parse(file);
        }
        ParsedFile pf = whole.orElse(null);
        return pf == null ? Optional.empty()
                : pf.method(method.name(), line, column).map(d -> new MethodSyntax(pf, d));
    }

    /** Resolves a type name as written in the context of a project type. */
    public String resolve(String written, TypeInfo context) {
        Map<String, String> nested = new HashMap<>();
        // nested types visible from the context: its own, its enclosing types' and their siblings
        SourceFile f = filesByPath.get(context.file());
        if (f != null) {
            for (TypeInfo t : declaredTypesFor(f)) {
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
        return directSupertypes(type, this::type);
    }

    private List<TypeInfo> directSupertypes(TypeInfo type,
                                            java.util.function.Function<String, Optional<TypeInfo>> read) {
        List<TypeInfo> out = new ArrayList<>();
        if (type.superclass() != null) {
            read.apply(type.superclass().qualifiedName()).ifPresent(out::add);
        }
        for (TypeRef i : type.interfaces()) {
            read.apply(i.qualifiedName()).ifPresent(out::add);
        }
        return out;
    }

    /** All project supertypes, nearest first (breadth-first), without {@code type} itself; cycles are cut. */
    public List<TypeInfo> allSupertypes(TypeInfo type) {
        return allSupertypes(type, this::type);
    }

    /**
     * The types {@link #allSupertypes} finds, read from their skeletons (as {@link #typeWithMethods} with no
     * method): headers and fields complete, methods not listed. For callers that look methods up by name.
     */
    public List<TypeInfo> allSupertypeHeaders(TypeInfo type) {
        return allSupertypes(type, fqn -> typeWithMethods(fqn, ""));
    }

    private List<TypeInfo> allSupertypes(TypeInfo type, java.util.function.Function<String, Optional<TypeInfo>> read) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<TypeInfo> out = new ArrayList<>();
        Deque<TypeInfo> queue = new ArrayDeque<>(directSupertypes(type, read));
        seen.add(type.qualifiedName());
        while (!queue.isEmpty() && out.size() < 64) {
            TypeInfo t = queue.removeFirst();
            if (seen.add(t.qualifiedName())) {
                out.add(t);
                queue.addAll(directSupertypes(t, read));
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
        return subtypes(supertype, this::typesIn);
    }

    /**
     * The types {@link #subtypes} finds, read from the candidates' skeletons: headers, annotations and fields are
     * complete, methods are not listed. For callers that then look methods up by name with
     * {@link #typeWithMethods} (an interface's implementations are not outlined whole).
     */
    public List<TypeInfo> subtypeHeaders(TypeInfo supertype) {
        return subtypes(supertype, file -> {
            SkeletonFacts sk = skeletonFacts(file);
            return sk == NO_SKELETON ? typesIn(file) : sk.types();
        });
    }

    private List<TypeInfo> subtypes(TypeInfo supertype, java.util.function.Function<SourceFile, List<TypeInfo>> read) {
        List<TypeInfo> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<TypeInfo> queue = new ArrayDeque<>();
        queue.add(supertype);
        while (!queue.isEmpty() && seen.size() < 256) {
            TypeInfo current = queue.removeFirst();
            for (SourceFile file : filesNamingSupertype(current.simpleName())) {
                for (TypeInfo candidate : read.apply(file)) {
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
