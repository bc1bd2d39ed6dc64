package com.example.securityconfig.web;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** The class-level mapping restricts every handler to POST, so the method-level mappings inherit it. */
@RestController
@RequestMapping(path = "/securityconfig/app/settings", method = RequestMethod.POST)
public class SettingsController {

    // ok: unrestricted-request-mapping
    @RequestMapping("/theme")
    public String theme() {
        return "saved";
    }
}
