package com.example.cors.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.cors.config.CorsConstants;

/** Method-level @CrossOrigin variants on a controller whose class-level annotation names its origin. */
@RestController
@RequestMapping("/orders")
// ok: permissive-cors
@CrossOrigin(origins = CorsConstants.APP_ORIGIN)
public class OrderController {

    // inherits the class origin: class and method origins are combined
    // ok: permissive-cors
    // ruleid: missing-authentication
    @CrossOrigin(maxAge = 600)
    @GetMapping
    public List<String> list() {
        return List.of("o-1", "o-2");
    }

    // ruleid: permissive-cors contains: together with allowCredentials = "true"
    // ruleid: missing-authentication
    @CrossOrigin(origins = "*", allowCredentials = "true")
    @GetMapping("/{id}")
    public String get(@PathVariable String id) {
        return id;
    }

    // ruleid: permissive-cors contains: @CrossOrigin(originPatterns = "*") allows any origin on OrderController.create(String)
    // ruleid: missing-authentication
    @CrossOrigin(originPatterns = "*")
    @PostMapping
    public String create(@RequestBody String order) {
        return order;
    }

    // ok: permissive-cors
    // ruleid: missing-authentication
    @CrossOrigin(originPatterns = "https://*.example.com", allowCredentials = "true")
    @PutMapping("/{id}")
    public String update(@PathVariable String id, @RequestBody String order) {
        return order;
    }

    // ok: permissive-cors
    // ruleid: missing-authentication
    @CrossOrigin(origins = "${app.cors.allowed-origins}")
    @DeleteMapping("/{id}")
    public void delete(@PathVariable String id) {
    }

    // ruleid: missing-authentication
    @GetMapping("/{id}/receipt")
    public ResponseEntity<String> receipt(@PathVariable String id) {
        // ruleid: permissive-cors contains: Access-Control-Allow-Origin is set to "*"
        return ResponseEntity.ok()
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .body("receipt " + id);
    }

    // ruleid: missing-authentication
    @GetMapping("/{id}/invoice")
    public ResponseEntity<String> invoice(@PathVariable String id) {
        HttpHeaders headers = new HttpHeaders();
        // ok: permissive-cors
        headers.setAccessControlAllowOrigin(CorsConstants.APP_ORIGIN);
        return ResponseEntity.ok().headers(headers).body("invoice " + id);
    }
}
