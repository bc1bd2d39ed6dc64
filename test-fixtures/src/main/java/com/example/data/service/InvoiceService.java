package com.example.data.service;

import org.springframework.beans.BeanUtils;
import org.springframework.stereotype.Service;

import com.example.data.domain.Invoice;
import com.example.data.dto.InvoiceRequest;
import com.example.data.repository.InvoiceRepository;

@Service
public class InvoiceService {

    private final InvoiceRepository invoices;

    public InvoiceService(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    public Invoice amend(long id, InvoiceRequest request) {
        Invoice invoice = invoices.findById(id).orElseThrow();
        BeanUtils.copyProperties(request, invoice);
        return invoices.save(invoice);
    }

    public Invoice find(long id) {
        return invoices.findById(id).orElseThrow();
    }
}
