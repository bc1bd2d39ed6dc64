package com.example.errors.mvc;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.example.errors.service.CarrierUnavailableException;
import com.example.errors.service.ShipmentNotFoundException;
import com.example.errors.service.ShipmentRejectedException;

/** Error handling of the shipment API: some handlers leak exception detail, some answer generically. */
@RestControllerAdvice(basePackages = "com.example.errors")
public class GlobalExceptionHandler {

    private static final Logger log = Logger.getLogger(GlobalExceptionHandler.class.getName());

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, Object>> unexpected(Exception ex) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 500);
        body.put("error", ex.getMessage());
        // ruleid: exception-leak contains: @ExceptionHandler GlobalExceptionHandler.unexpected sends the message of Exception (ex.getMessage()) to the client, returned as the response; Exception covers database, framework and library errors
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(body);
    }

    @ExceptionHandler(SQLException.class)
    public ProblemDetail database(SQLException ex) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
        problem.setDetail(String.format("query failed: %s", ex.getLocalizedMessage()));
        // ruleid: exception-leak contains: sends the message of SQLException (ex.getLocalizedMessage())
        return problem;
    }

    @ExceptionHandler(IllegalStateException.class)
    public ProblemDetail conflict(IllegalStateException ex) {
        // ruleid: exception-leak contains: the message of IllegalStateException is not written by this project
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    }

    @ExceptionHandler(UnsupportedOperationException.class)
    public ResponseEntity<ApiError> unsupported(UnsupportedOperationException ex) {
        ApiError error = new ApiError();
        error.setCode("UNSUPPORTED");
        error.setDetail(ex.toString());
        // ruleid: exception-leak contains: (ex.toString())
        return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).body(error);
    }

    @ExceptionHandler(ArithmeticException.class)
    public ResponseEntity<ApiError> arithmetic(ArithmeticException ex) {
        String detail = "calculation failed: " + ex;
        // ruleid: exception-leak contains: the message of ArithmeticException
        return ResponseEntity.unprocessableEntity().body(ApiError.builder().code("CALCULATION").detail(detail).build());
    }

    @ExceptionHandler(IndexOutOfBoundsException.class)
    public ResponseEntity<ApiError> outOfBounds(IndexOutOfBoundsException ex) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        // ruleid: exception-leak contains: sends the stack trace (ex.printStackTrace(new PrintWriter(trace)))
        return ResponseEntity.internalServerError().body(new ApiError("INTERNAL", trace.toString()));
    }

    @ExceptionHandler(CarrierUnavailableException.class)
    public ResponseEntity<Object> carrierDown(CarrierUnavailableException ex) {
        // ruleid: exception-leak contains: sends the exception object (ex), serialized with its stack trace
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(ex);
    }

    @ExceptionHandler(NumberFormatException.class)
    public ResponseEntity<ApiError> badNumber(NumberFormatException ex) {
        String reason = ex.getCause() != null ? ex.getCause().getMessage() : "invalid number";
        // ruleid: exception-leak contains: the message of a cause of NumberFormatException
        return ResponseEntity.badRequest().body(new ApiError("NUMBER", reason));
    }

    /** The message is the carrier's: the project wraps it, it does not write it. */
    @ExceptionHandler(ShipmentRejectedException.class)
    public ProblemDetail rejected(ShipmentRejectedException ex) {
        // ruleid: exception-leak contains: the message of ShipmentRejectedException (ex.getMessage())
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
    }

    /** "Shipment 42 not found": written by the project, safe to show. */
    @ExceptionHandler(ShipmentNotFoundException.class)
    public ProblemDetail notFound(ShipmentNotFoundException ex) {
        // ok: exception-leak
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    /** Bean Validation failures: which properties are invalid, never the server's internals. */
    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Map<String, Object>> invalid(ConstraintViolationException ex) {
        List<String> fields = ex.getConstraintViolations().stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .sorted()
                .toList();
        // ok: exception-leak
        return ResponseEntity.badRequest().body(Map.of("error", "validation failed", "fields", fields));
    }

    /** Logs the detail for operators, answers the client generically. */
    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ApiError> badArgument(IllegalArgumentException ex) {
        log.log(Level.WARNING, "rejected request: " + ex.getMessage(), ex);
        // ok: exception-leak
        return ResponseEntity.badRequest().body(new ApiError("BAD_REQUEST", "the request could not be processed"));
    }

    /** The detail travels through a helper method: apisec follows flows within one method only. */
    @ExceptionHandler(ClassCastException.class)
    public ResponseEntity<ApiError> wrongType(ClassCastException ex) {
        // todoruleid: exception-leak
        return internalError(ex);
    }

    private ResponseEntity<ApiError> internalError(RuntimeException ex) {
        return ResponseEntity.internalServerError().body(new ApiError("INTERNAL", ex.getMessage()));
    }
}
