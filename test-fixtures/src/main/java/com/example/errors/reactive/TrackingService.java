package com.example.errors.reactive;

import java.time.Duration;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Asks the carrier's tracking API, which is slow and sometimes down. */
@Service
public class TrackingService {

    public Mono<String> status(String trackingId) {
        return Mono.just("IN_TRANSIT:" + trackingId).delayElement(Duration.ofMillis(50));
    }

    public Mono<String> eta(String trackingId) {
        return status(trackingId).map(s -> "tomorrow").timeout(Duration.ofSeconds(2));
    }
}
