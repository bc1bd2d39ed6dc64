package com.example.secured.methods;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

// ok: method-security-disabled
@Service
@PreAuthorize("hasRole('ADMIN')")
public class CatalogAdminService {

    // ok: method-security-disabled
    @IsAdmin
    public void retire(String sku) {
    }

    public void rename(String sku, String name) {
    }
}
