package com.example.errors.reactive;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import reactor.core.publisher.Mono;

/** WebFlux error handling of the tracking API. */
@RestControllerAdvice(assignableTypes = TrackingController.class)
public class ReactiveErrorAdvice {

    @ExceptionHandler({IllegalStateException.class, RuntimeException.class})
    public Mono<ResponseEntity<Map<String, String>>> failed(RuntimeException ex) {
        // ruleid: exception-leak contains: sends the message of IllegalStateException/RuntimeException (ex.getMessage()) to the client, returned as the response; RuntimeException covers
        return Mono.just(ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", ex.getMessage())));
    }
}
