package com.example.errors.reactive;

import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** WebFlux handlers that turn errors into responses inline. */
@RestController
@RequestMapping("/errors/tracking")
public class TrackingController {

    private final TrackingService tracking;

    public TrackingController(TrackingService tracking) {
        this.tracking = tracking;
    }

    @GetMapping("/{trackingId}")
    public Mono<ResponseEntity<String>> track(@PathVariable String trackingId) {
        // ruleid: exception-leak contains: error handler of GET /errors/tracking/{trackingId} sends the message of Throwable (e.getMessage())
        return tracking.status(trackingId)
                .map(ResponseEntity::ok)
                .onErrorResume(e -> Mono.just(ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(e.getMessage())));
    }

    @GetMapping("/{trackingId}/eta")
    public Mono<ResponseEntity<String>> eta(@PathVariable String trackingId) {
        // ok: exception-leak
        return tracking.eta(trackingId)
                .map(ResponseEntity::ok)
                .onErrorResume(TimeoutException.class,
                        e -> Mono.just(ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body("tracking timed out")));
    }
}
