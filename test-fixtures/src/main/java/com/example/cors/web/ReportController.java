package com.example.cors.web;

import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.cors.config.CorsConstants;

/** Origins from a placeholder and from project constants: nothing to report. */
@RestController
@RequestMapping("/reports")
// ok: permissive-cors
@CrossOrigin("${app.cors.report-origins}")
public class ReportController {

    // ok: permissive-cors
    // ruleid: missing-authentication
    @CrossOrigin(origins = {CorsConstants.APP_ORIGIN, CorsConstants.ADMIN_ORIGIN}, allowCredentials = "true")
    @GetMapping("/daily")
    public String daily() {
        return "daily";
    }
}
