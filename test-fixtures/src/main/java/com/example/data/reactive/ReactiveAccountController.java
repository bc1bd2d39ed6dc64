package com.example.data.reactive;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.data.domain.Note;
import com.example.data.domain.UserAccount;
import com.example.data.dto.AccountView;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** WebFlux handlers: the publisher's element type is what gets serialized. */
@RestController
@RequestMapping("/data/admin/reactive")
public class ReactiveAccountController {

    private final ReactiveStore store;

    public ReactiveAccountController(ReactiveStore store) {
        this.store = store;
    }

    // ruleid: entity-exposure contains: declared return type Mono<UserAccount>
    @GetMapping("/accounts/{id}")
    public Mono<UserAccount> account(@PathVariable long id) {
        return store.account(id);
    }

    // ruleid: entity-exposure
    @GetMapping("/notes")
    public Flux<Note> notes() {
        return store.notes();
    }

    // ok: entity-exposure
    @GetMapping("/accounts/{id}/view")
    public Mono<AccountView> view(@PathVariable long id) {
        return store.account(id).map(AccountView::of);
    }
}
