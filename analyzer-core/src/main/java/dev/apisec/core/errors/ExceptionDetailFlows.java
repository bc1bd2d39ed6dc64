package dev.apisec.core.errors;

import com.github.javaparser.ast.body.MethodDeclaration;
import dev.apisec.core.diag.Notifications;
import dev.apisec.core.facts.FactKey;
import dev.apisec.core.facts.FactProvider;
import dev.apisec.core.lang.Locations;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.parse.ParsedFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The flow of exception detail to the client inside one method (see {@link DetailFlow} for the sources and sinks
 * it knows). Rules ask for the leaks of the methods they judge; the syntax stays here.
 */
public final class ExceptionDetailFlows {

    public static final FactKey<ExceptionDetailFlows> FACT = FactKey.named("errors.detail-flows");

    public static FactProvider<ExceptionDetailFlows> provider() {
        return FactProvider.of(FACT, List.of(), facts -> new ExceptionDetailFlows(facts.types(),
                facts.notifications()));
    }

    private final TypeIndex index;
    private final Notifications notifications;

    ExceptionDetailFlows(TypeIndex index, Notifications notifications) {
        this.index = index;
        this.notifications = notifications;
    }

    /**
     * The exception detail {@code method} sends to the client, in the method's order.
     *
     * @param exceptionParameter the exception parameter of an exception handler or mapper, or null (only
     *                           {@code catch} blocks and error operators are sources then)
     * @param handledTypes       the exception types that parameter receives
     */
    public List<DetailLeak> leaks(MethodInfo method, String exceptionParameter, List<String> handledTypes) {
        try {
            Optional<TypeInfo> type = index.type(method.declaringType());
            Optional<TypeIndex.MethodSyntax> syntax = index.syntax(method);
            Optional<MethodDeclaration> decl = syntax.map(TypeIndex.MethodSyntax::declaration);
            Optional<ParsedFile> file = syntax.map(TypeIndex.MethodSyntax::file);
            if (type.isEmpty() || decl.isEmpty() || file.isEmpty()) {
                return List.of();
            }
            Function<String, String> resolve = written -> {
                String raw = written.replaceAll("<.*>", "").strip();
                try {
                    return index.resolve(raw, type.get());
                } catch (RuntimeException e) {
                    return raw;
                }
            };
            DetailFlow flow = new DetailFlow(decl.get(), exceptionParameter, handledTypes, resolve);
            List<DetailLeak> out = new ArrayList<>();
            for (DetailFlow.Leak leak : flow.leaks()) {
                DetailFlow.Detail d = leak.detail();
                out.add(new DetailLeak(method, d.kind(), Locations.of(file.get(), d.source()),
                        Locations.normalize(d.source().toString()), flow.typesOf(d.variable()), d.chained(),
                        flow.isCatchParameter(d.variable()), Locations.of(file.get(), leak.sink()),
                        leak.sinkDescription()));
            }
            return out;
        } catch (RuntimeException | StackOverflowError e) {
            notifications.warning(method.location().file(), method.location().startLine(),
                    "exception-leak: " + method.declaringType() + "#" + method.name() + " not analysed: " + e);
            return List.of();
        }
    }
}
