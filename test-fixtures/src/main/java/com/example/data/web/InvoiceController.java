package com.example.data.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.data.domain.Invoice;
import com.example.data.dto.InvoiceRequest;
import com.example.data.service.InvoiceService;

@RestController
@RequestMapping("/data/admin/invoices")
public class InvoiceController {

    private final InvoiceService invoices;

    public InvoiceController(InvoiceService invoices) {
        this.invoices = invoices;
    }

    /** The customer relation drags the whole account, password hash included, into the JSON. */
    // ruleid: entity-exposure contains: customer.passwordHash
    @GetMapping("/{id}")
    public Invoice get(@PathVariable long id) {
        return invoices.find(id);
    }

    // ruleid: entity-exposure
    // ruleid: mass-assignment contains: the request type carries the privilege fields status
    @PatchMapping("/{id}")
    public Invoice amend(@PathVariable long id, @RequestBody InvoiceRequest request) {
        return invoices.amend(id, request);
    }
}
