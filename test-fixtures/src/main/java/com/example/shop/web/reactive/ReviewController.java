package com.example.shop.web.reactive;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.web.ApiPaths;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Product reviews, served by the WebFlux stack (annotated controller). */
@RestController
@RequestMapping(ApiPaths.REVIEWS)
public class ReviewController {

    private final ReviewStore store;

    public ReviewController(ReviewStore store) {
        this.store = store;
    }

    // ruleid: missing-authentication
    @GetMapping(value = "/products/{productId}", produces = MediaType.APPLICATION_NDJSON_VALUE)
    public Flux<Review> forProduct(@PathVariable long productId) {
        return store.byProduct(productId);
    }

    @PostMapping("/products/{productId}")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Review> write(@PathVariable long productId, @Valid @RequestBody Mono<Review> review,
                              Mono<Principal> principal) {
        return principal.zipWith(review, (p, r) -> new Review(null, productId, p.getName(), r.stars(), r.text()))
                .flatMap(store::save);
    }

    @DeleteMapping("/{reviewId}")
    public Mono<Void> delete(@PathVariable String reviewId) {
        return store.delete(reviewId);
    }
}
