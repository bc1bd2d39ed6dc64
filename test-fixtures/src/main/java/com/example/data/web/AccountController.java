package com.example.data.web;

import java.util.List;

import org.springframework.beans.BeanUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.example.data.domain.UserAccount;
import com.example.data.domain.Views;
import com.example.data.dto.AccountForm;
import com.example.data.dto.AccountSummary;
import com.example.data.dto.AccountView;
import com.example.data.repository.AccountRepository;
import com.fasterxml.jackson.annotation.JsonView;

/** User accounts: some handlers leak the entity, others do it right. */
@RestController
@RequestMapping("/data/admin/accounts")
public class AccountController {

    private final AccountRepository accounts;

    public AccountController(AccountRepository accounts) {
        this.accounts = accounts;
    }

    // ruleid: entity-exposure contains: the sensitive fields passwordHash, which no @JsonIgnore
    @GetMapping("/{id}")
    public UserAccount get(@PathVariable long id) {
        return accounts.findById(id).orElseThrow();
    }

    // ruleid: entity-exposure contains: declared return type List<UserAccount>
    @GetMapping
    public List<UserAccount> list() {
        return accounts.findAll();
    }

    // ruleid: entity-exposure contains: returns account in ResponseEntity.ok(account)
    @GetMapping("/{id}/raw")
    public ResponseEntity<?> raw(@PathVariable long id) {
        UserAccount account = accounts.findById(id).orElseThrow();
        return ResponseEntity.ok(account);
    }

    // ruleid: entity-exposure contains: ResponseEntity.status(HttpStatus.OK).body(found)
    @GetMapping("/by-name/{username}")
    public ResponseEntity<Object> byName(@PathVariable String username) {
        var found = accounts.findByUsername(username);
        if (found.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.status(HttpStatus.OK).body(found);
    }

    // ruleid: entity-exposure contains: @JsonView limits the serialized fields
    @JsonView(Views.Public.class)
    @GetMapping("/{id}/public")
    public UserAccount publicView(@PathVariable long id) {
        return accounts.findById(id).orElseThrow();
    }

    // ok: entity-exposure
    @GetMapping("/{id}/summary")
    public AccountView summary(@PathVariable long id) {
        return AccountView.of(accounts.findById(id).orElseThrow());
    }

    // ok: entity-exposure
    @GetMapping("/search")
    public List<AccountSummary> search(@RequestParam String domain) {
        return accounts.findByEmailEndingWith(domain);
    }

    // ok: entity-exposure
    @GetMapping("/{id}/dto")
    public ResponseEntity<?> dto(@PathVariable long id) {
        UserAccount account = accounts.findById(id).orElseThrow();
        return ResponseEntity.ok(AccountView.of(account));
    }

    // ruleid: mass-assignment contains: privilege or ownership fields role, enabled
    // ruleid: entity-exposure
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public UserAccount create(@RequestBody UserAccount account) {
        return accounts.save(account);
    }

    // ruleid: mass-assignment contains: BeanUtils.copyProperties(form, account) (AccountController.java:
    @PutMapping("/{id}")
    public AccountView update(@PathVariable long id, @RequestBody AccountForm form) {
        UserAccount account = accounts.findById(id).orElseThrow();
        BeanUtils.copyProperties(form, account);
        return AccountView.of(accounts.save(account));
    }

    // ok: mass-assignment
    @PutMapping("/{id}/email")
    public AccountView changeEmail(@PathVariable long id, @RequestBody AccountForm form) {
        UserAccount account = accounts.findById(id).orElseThrow();
        account.setEmail(form.getEmail());
        return AccountView.of(accounts.save(account));
    }

    // ok: entity-exposure
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id) {
        accounts.deleteById(id);
    }
}
