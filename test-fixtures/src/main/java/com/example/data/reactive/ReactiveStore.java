package com.example.data.reactive;

import org.springframework.stereotype.Component;

import com.example.data.domain.Note;
import com.example.data.domain.UserAccount;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reactive facade over the account and note stores. */
@Component
public class ReactiveStore {

    public Mono<UserAccount> account(long id) {
        return Mono.empty();
    }

    public Flux<Note> notes() {
        return Flux.empty();
    }
}
