package com.example.data.repository;

import java.util.List;

import org.springframework.data.repository.Repository;

import com.example.data.domain.AuditEntry;

public interface AuditEntryRepository extends Repository<AuditEntry, String> {

    List<AuditEntry> findTop50ByOrderByAtDesc();
}
