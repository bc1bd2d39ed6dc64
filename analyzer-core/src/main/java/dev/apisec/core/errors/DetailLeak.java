package dev.apisec.core.errors;

import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.model.SourceLocation;

import java.util.List;

/**
 * Exception detail that one method sends to the client: what it is, where it comes from and where it leaves.
 *
 * @param method          the handler, exception handler or mapper
 * @param kind            message, exception object or stack trace (ordered by how much it reveals)
 * @param source          the expression the detail comes from ({@code e.getMessage()})
 * @param sourceText      that expression's text, normalized
 * @param exceptionTypes  the declared types of the exception it describes (qualified when resolvable)
 * @param chained         true when the detail is the message of a cause ({@code e.getCause().getMessage()})
 * @param catchParameter  true when the exception is a {@code catch} parameter (not the handler's parameter)
 * @param sink            where it reaches the client
 * @param sinkDescription how it reaches the client ("returned as the response")
 */
public record DetailLeak(MethodInfo method, Kind kind, SourceLocation source, String sourceText,
                         List<String> exceptionTypes, boolean chained, boolean catchParameter, SourceLocation sink,
                         String sinkDescription) {

    public DetailLeak {
        exceptionTypes = List.copyOf(exceptionTypes);
    }

    /** What reaches the client; ordered by how much it reveals. */
    public enum Kind {
        MESSAGE, EXCEPTION, STACK_TRACE
    }
}
