package com.example.data.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.data.domain.AuditEntry;
import com.example.data.domain.Coupon;
import com.example.data.domain.Note;
import com.example.data.repository.AuditEntryRepository;

@RestController
@RequestMapping("/data/admin")
public class CatalogueController {

    private final AuditEntryRepository audit;

    public CatalogueController(AuditEntryRepository audit) {
        this.audit = audit;
    }

    // ruleid: entity-exposure contains: Coupon (@MappedSuperclass on BaseEntity)
    // ruleid: mass-assignment contains: fields price
    @PostMapping({"/coupons", "/vouchers"})
    public Coupon createCoupon(@RequestBody Coupon coupon) {
        return coupon;
    }

    // ruleid: entity-exposure contains: every readable field of the data model
    @GetMapping("/notes/{id}")
    public Note note(@PathVariable long id) {
        return new Note();
    }

    // ruleid: entity-exposure contains: AuditEntry (domain type of AuditEntryRepository)
    @GetMapping("/audit")
    public List<AuditEntry> recentAudit() {
        return audit.findTop50ByOrderByAtDesc();
    }
}
