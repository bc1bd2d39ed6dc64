package dev.apisec.core.errors;

import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.model.SourceLocation;

import java.util.List;

/**
 * A method that turns an exception into a response: a Spring {@code @ExceptionHandler} (in a controller advice or a
 * controller), an override of a {@code ResponseEntityExceptionHandler} {@code handle*} method, or a JAX-RS
 * {@code ExceptionMapper.toResponse}.
 *
 * @param kind               which framework form
 * @param method             the handler method
 * @param handledTypes       exception types it handles (qualified when resolvable, else as written), never empty
 * @param exceptionParameter name of the parameter that carries the exception, or null when it has none
 */
public record ErrorHandler(Kind kind, MethodInfo method, List<String> handledTypes, String exceptionParameter) {

    public enum Kind {
        /** {@code @ExceptionHandler} method. */
        EXCEPTION_HANDLER,
        /** {@code handle*} override in a {@code ResponseEntityExceptionHandler} subclass. */
        RESPONSE_ENTITY_EXCEPTION_HANDLER,
        /** JAX-RS {@code ExceptionMapper<T>.toResponse(T)}. */
        EXCEPTION_MAPPER
    }

    public ErrorHandler {
        handledTypes = List.copyOf(handledTypes);
    }

    public SourceLocation location() {
        return method.location();
    }

    /** {@code GlobalErrors.handle}: the declaring type's simple name and the method name, for messages. */
    public String displayName() {
        String type = method.declaringType();
        return type.substring(type.lastIndexOf('.') + 1) + "." + method.name();
    }
}
