package dev.apisec.rules.errors;

import dev.apisec.core.errors.DetailLeak;
import dev.apisec.core.errors.ExceptionDetailFlows;
import dev.apisec.core.model.FlowStep;
import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;
import dev.apisec.core.errors.ErrorHandler;
import dev.apisec.core.errors.ErrorHandling;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.model.SourceLocation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reports exception detail sent to API clients: the message, the stack trace or the exception object flowing
 * into the response of an {@code @ExceptionHandler}, a {@code ResponseEntityExceptionHandler} override, a JAX-RS
 * {@code ExceptionMapper}, or a {@code catch} block of an endpoint handler (see {@code DetailFlow} for sources,
 * propagation and sinks). HIGH for stack traces, the exception object, causes, and messages of broad types
 * ({@code Exception}, {@code RuntimeException}, data-access and persistence exceptions); MEDIUM for messages of
 * other library exceptions. Messages of project exceptions whose every message is written by the project, and of
 * validation exceptions, are not reported.
 */
@RuleDescriptor(
        id = "exception-leak",
        title = "Exception detail sent to the client",
        description = "An exception's message, stack trace or the exception object itself is put into an API "
                + "response, revealing queries, file paths, class names and library versions to callers.",
        severity = Severity.HIGH,
        cwe = {209},
        owasp = "API8",
        precision = Precision.MEDIUM,
        tags = {"error-handling", "information-disclosure"})
public final class ExceptionLeak implements Rule {

    /** Exceptions that wrap whatever went wrong below: database, I/O, framework and library errors. */
    static final Set<String> BROAD = Set.of("Exception", "Throwable", "RuntimeException", "Error",
            "DataAccessException", "SQLException", "PersistenceException", "HibernateException", "JDBCException",
            "JpaSystemException", "DataIntegrityViolationException", "BadSqlGrammarException",
            "UncategorizedSQLException", "InvalidDataAccessResourceUsageException",
            "InvalidDataAccessApiUsageException", "TransactionSystemException", "NestedRuntimeException",
            "SQLGrammarException", "DataRetrievalFailureException", "QueryTimeoutException");
    /** Validation failures: their messages and field errors describe the request, not the server. */
    static final Set<String> VALIDATION = Set.of("MethodArgumentNotValidException", "BindException",
            "WebExchangeBindException", "HandlerMethodValidationException", "MethodValidationException",
            "ConstraintViolationException");

    @Override
    public void check(RuleContext context) {
        ProjectModel model = context.model();
        ErrorHandling errors = model.errorHandling();
        Set<String> analysed = new HashSet<>();
        for (ErrorHandler h : errors.handlers()) {
            if (analysed.add(key(h.method()))) {
                analyse(context, errors, h.method(), h.exceptionParameter(), h.handledTypes(), where(h), null);
            }
        }
        for (Endpoint e : model.endpoints()) {
            if (analysed.add(key(e.handler()))) {
                analyse(context, errors, e.handler(), null, List.of(), e.route(), e.route());
            }
        }
    }

    private static String key(MethodInfo m) {
        return m.location().file() + ":" + m.location().startLine() + ":" + m.name();
    }

    private static String where(ErrorHandler h) {
        return switch (h.kind()) {
            case EXCEPTION_HANDLER -> "@ExceptionHandler " + h.displayName();
            case RESPONSE_ENTITY_EXCEPTION_HANDLER -> "ResponseEntityExceptionHandler override " + h.displayName();
            case EXCEPTION_MAPPER -> "ExceptionMapper " + h.displayName();
        };
    }

    private void analyse(RuleContext context, ErrorHandling errors, MethodInfo method, String exceptionParam,
                         List<String> handledTypes, String where, String endpoint) {
        ExceptionDetailFlows flows = context.model().fact(ExceptionDetailFlows.FACT);
        Set<Integer> reportedLines = new HashSet<>();
        for (DetailLeak d : flows.leaks(method, exceptionParam, handledTypes)) {
            List<String> types = d.exceptionTypes();
            Severity severity = severity(errors, d, types);
            if (severity == null) {
                continue;
            }
            SourceLocation sink = d.sink();
            if (!reportedLines.add(sink.startLine())) {
                continue;
            }
            SourceLocation source = d.source();
            String place = endpoint != null
                    ? (d.catchParameter() ? "catch block of " : "error handler of ") + where
                    : d.catchParameter() ? "catch block in " + where : where;
            String message = place + " sends " + what(d, types) + " to the client, " + d.sinkDescription()
                    + why(d, types);
            context.report(sink, severity, message, endpoint, List.of(source), List.of(
                    new FlowStep(source, "exception detail: " + text(d)),
                    new FlowStep(sink, "reaches the client " + d.sinkDescription())));
        }
    }

    /** Null when the detail is harmless: project-written or validation messages. */
    static Severity severity(ErrorHandling errors, DetailLeak d, List<String> types) {
        if (d.kind() != DetailLeak.Kind.MESSAGE || d.chained()) {
            return Severity.HIGH;
        }
        if (types.stream().anyMatch(ExceptionLeak::isBroad)) {
            return Severity.HIGH;
        }
        boolean allHarmless = types.stream().allMatch(t -> isValidation(t) || errors.hasProjectWrittenMessages(t));
        return allHarmless ? null : Severity.MEDIUM;
    }

    static boolean isBroad(String type) {
        if (type.startsWith("org.hibernate.") && simple(type).equals("ConstraintViolationException")) {
            return true; // Hibernate's is a database constraint, not Bean Validation
        }
        return BROAD.contains(simple(type)) || type.startsWith("jakarta.persistence.")
                || type.startsWith("javax.persistence.") || type.startsWith("org.springframework.dao.")
                || type.startsWith("java.sql.");
    }

    static boolean isValidation(String type) {
        return VALIDATION.contains(simple(type)) && !type.startsWith("org.hibernate.");
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String typeNames(List<String> types) {
        return String.join("/", types.stream().map(ExceptionLeak::simple).toList());
    }

    private static String what(DetailLeak d, List<String> types) {
        return switch (d.kind()) {
            case STACK_TRACE -> "the stack trace (" + text(d) + ")";
            case EXCEPTION -> "the exception object (" + text(d) + "), serialized with its stack trace and message,";
            case MESSAGE -> (d.chained() ? "the message of a cause of " : "the message of ") + typeNames(types)
                    + " (" + text(d) + ")";
        };
    }

    private static String why(DetailLeak d, List<String> types) {
        if (d.kind() != DetailLeak.Kind.MESSAGE) {
            return "; stack traces reveal class names, library versions and code paths";
        }
        if (d.chained()) {
            return "; a cause can be any exception, including database and library errors whose messages reveal "
                    + "queries, file paths and internal names";
        }
        List<String> broad = types.stream().filter(ExceptionLeak::isBroad).toList();
        if (!broad.isEmpty()) {
            return "; " + typeNames(broad) + " covers database, framework and library errors whose messages reveal "
                    + "queries, file paths and internal names";
        }
        return "; the message of " + typeNames(types) + " is not written by this project and can reveal internals";
    }

    private static String text(DetailLeak d) {
        String t = d.sourceText();
        return t.length() > 80 ? t.substring(0, 77) + "..." : t;
    }
}
