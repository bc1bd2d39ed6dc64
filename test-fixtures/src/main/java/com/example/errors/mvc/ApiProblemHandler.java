package com.example.errors.mvc;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Customises Spring MVC's own problem responses. */
@ControllerAdvice(basePackages = "com.example.errors")
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    /** The parser's message names the target class, the field and the JSON position. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "unreadable request: " + ex.getMessage());
        // ruleid: exception-leak contains: ResponseEntityExceptionHandler override ApiProblemHandler.handleHttpMessageNotReadable sends the message of HttpMessageNotReadableException
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Field errors describe the request: fine to return. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Map<String, String> fields = new TreeMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            fields.put(error.getField(), error.getDefaultMessage());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "validation failed");
        problem.setProperty("fields", fields);
        // ok: exception-leak
        return handleExceptionInternal(ex, problem, headers, status, request);
    }
}
