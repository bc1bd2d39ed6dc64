package com.example.securityconfig.web;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** Mappings declared on an interface (as OpenAPI generators write them). */
public interface AccountApi {

    // ruleid: unrestricted-request-mapping contains: AccountController.close(long) (mapping declared on AccountApi.close(long)) is mapped with @RequestMapping without a method
    @RequestMapping("/securityconfig/app/accounts/{id}/close")
    String close(@PathVariable("id") long id);
}
