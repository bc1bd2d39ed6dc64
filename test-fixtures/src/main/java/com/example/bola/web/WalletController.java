package com.example.bola.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;

import org.springframework.data.repository.CrudRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.bola.domain.Wallet;
import com.example.bola.domain.WalletRepository;
import com.example.bola.security.CurrentUser;
import com.example.bola.security.TokenUsers;
import com.example.bola.service.AuditTrail;
import com.example.bola.service.WalletService;

import jakarta.servlet.http.HttpServletRequest;

/** Wallets of signed-in customers: every form of object access, checked and unchecked. */
@RestController
@RequestMapping("/bola/wallets")
public class WalletController {

    private final WalletRepository wallets;
    private final WalletService service;
    private final TokenUsers tokens;
    private final AuditTrail audit;
    private final CrudRepository<Wallet, Long> generic;

    public WalletController(WalletRepository wallets, WalletService service, TokenUsers tokens, AuditTrail audit,
                            CrudRepository<Wallet, Long> generic) {
        this.wallets = wallets;
        this.service = service;
        this.tokens = tokens;
        this.audit = audit;
        this.generic = generic;
    }

    // ruleid: missing-ownership-check contains: GET /bola/wallets/{id}: 'id' reaches WalletRepository.findById without an ownership check
    @GetMapping("/{id}")
    public WalletView wallet(@PathVariable Long id) {
        return WalletView.of(wallets.findById(id).orElseThrow());
    }

    // ruleid: missing-ownership-check contains: reaches WalletRepository.findById without an ownership check (through 1 call)
    @GetMapping("/{walletId}/summary")
    public WalletView viaService(@PathVariable Long walletId) {
        return WalletView.of(service.wallet(walletId));
    }

    // ruleid: missing-ownership-check contains: 'walletId' reaches WalletRepository.deleteById without an ownership check (through 2 calls)
    @DeleteMapping("/{walletId}")
    public ResponseEntity<Void> close(@PathVariable Long walletId) {
        service.close(walletId);
        return ResponseEntity.noContent().build();
    }

    // ruleid: missing-ownership-check contains: 'request.fromWalletId' reaches WalletRepository.findById
    @PostMapping("/transfers")
    public WalletView transfer(@RequestBody TransferRequest request) {
        Wallet from = wallets.findById(request.fromWalletId()).orElseThrow();
        from.credit(request.amount().negate());
        return WalletView.of(wallets.save(from));
    }

    // ruleid: missing-ownership-check
    @PutMapping("/{id}/top-up")
    public WalletView topUp(@PathVariable Long id, @RequestBody BigDecimal amount) {
        Wallet wallet = wallets.findById(id).orElseThrow();
        wallet.credit(amount);
        return WalletView.of(wallets.save(wallet));
    }

    // ruleid: missing-ownership-check contains: domain class conversion of Wallet
    @GetMapping("/by-entity/{id}")
    public WalletView converted(@PathVariable("id") Wallet wallet) {
        return WalletView.of(wallet);
    }

    // ruleid: missing-ownership-check contains: recognised by name only
    @GetMapping("/generic/{id}")
    public WalletView generic(@PathVariable Long id) {
        return WalletView.of(generic.findById(id).orElseThrow());
    }

    // ok: missing-ownership-check
    @GetMapping("/mine/{id}")
    public WalletView mine(@PathVariable Long id, Principal me) {
        return WalletView.of(wallets.findByIdAndOwner(id, me.getName()).orElseThrow());
    }

    // ok: missing-ownership-check
    @GetMapping("/mine/{walletId}/summary")
    public WalletView mineViaService(@PathVariable Long walletId, Principal me) {
        return WalletView.of(service.walletOf(me.getName(), walletId));
    }

    // ok: missing-ownership-check
    @GetMapping("/{id}/checked")
    public WalletView compared(@PathVariable Long id, @CurrentUser UserDetails me) {
        Wallet wallet = wallets.findById(id).orElseThrow();
        if (!wallet.getOwner().equals(me.getUsername())) {
            throw new IllegalStateException("not your wallet");
        }
        return WalletView.of(wallet);
    }

    // ok: missing-ownership-check
    @GetMapping("/{id}/filtered")
    public WalletView filtered(@PathVariable Long id, Principal me) {
        String owner = me.getName();
        return wallets.findById(id).filter(w -> w.getOwner().equals(owner)).map(WalletView::of).orElseThrow();
    }

    // ok: missing-ownership-check
    @PreAuthorize("@walletSecurity.isOwner(#id, authentication)")
    @GetMapping("/{id}/guarded")
    public WalletView guarded(@PathVariable Long id) {
        return WalletView.of(wallets.findById(id).orElseThrow());
    }

    // ok: missing-ownership-check
    @PostAuthorize("returnObject.id() != null and hasPermission(returnObject.id(), 'Wallet', 'read')")
    @GetMapping("/{id}/post-checked")
    public WalletView postChecked(@PathVariable Long id) {
        return WalletView.of(wallets.findById(id).orElseThrow());
    }

    // ok: missing-ownership-check
    @PreAuthorize("hasPermission(#id, 'Wallet', 'read')")
    @GetMapping("/{id}/permitted")
    public WalletView permitted(@PathVariable Long id) {
        return WalletView.of(wallets.findById(id).orElseThrow());
    }

    // ok: missing-ownership-check
    @GetMapping("/{id}/token")
    public WalletView byToken(@PathVariable Long id, HttpServletRequest request) {
        String user = tokens.userFromToken(request);
        Wallet wallet = wallets.findById(id).orElseThrow();
        if (!user.equals(wallet.getOwner())) {
            throw new IllegalStateException("not your wallet");
        }
        return WalletView.of(wallet);
    }

    // ok: missing-ownership-check
    @PostMapping("/{id}/audit")
    public void auditOnly(@PathVariable Long id) {
        audit.record("viewed", id);
    }

    // ok: missing-ownership-check
    @GetMapping
    public List<WalletView> all(Principal me) {
        return wallets.findAllByOwner(me.getName()).stream().map(WalletView::of).toList();
    }

    // ok: missing-ownership-check
    @PostMapping
    public WalletView open(Principal me) {
        return WalletView.of(wallets.save(new Wallet()));
    }
}
