package com.example.data.repository;

import org.springframework.data.repository.CrudRepository;

import com.example.data.domain.Invoice;

public interface InvoiceRepository extends BaseRepository<Invoice>, CrudRepository<Invoice, Long> {
}
