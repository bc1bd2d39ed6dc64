package com.example.shop.web.reactive;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** In-memory review store with a reactive facade. */
@Component
public class ReviewStore {

    private final Map<String, Review> reviews = new ConcurrentHashMap<>();

    public Flux<Review> byProduct(long productId) {
        return Flux.fromIterable(reviews.values()).filter(r -> r.productId() == productId);
    }

    public Mono<Review> save(Review review) {
        Review stored = new Review(UUID.randomUUID().toString(), review.productId(), review.author(),
                review.stars(), review.text());
        reviews.put(stored.id(), stored);
        return Mono.just(stored);
    }

    public Mono<Void> delete(String id) {
        return Mono.fromRunnable(() -> reviews.remove(id));
    }
}
