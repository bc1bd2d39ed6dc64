package com.example.secured.lambda;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** access(...) with an authorization manager apisec cannot read: CUSTOM, never a confident finding. */
@RestController
@RequestMapping(Routes.BASE + "/partners")
public class PartnerController {

    // ok: missing-authentication
    // ok: missing-authorization
    @PostMapping("/admin/sync")
    public void sync() {
    }
}
