package com.example.secured.lambda;

import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(Routes.BASE + "/orders")
public class OrderAdminController {

    // ok: missing-authorization
    @DeleteMapping("/{orderId}")
    public void cancel(@PathVariable long orderId) {
    }

    // ruleid: missing-authorization contains: (bulk operation: handler deleteAllOrders)
    @DeleteMapping
    public void deleteAllOrders() {
    }

    // ruleid: missing-authorization contains: bulk operation: path segment "bulk"
    @PostMapping("/bulk")
    public void importMany(@RequestBody List<String> orders) {
    }

    // ruleid: missing-authorization
    @GetMapping("/export")
    public String exportCsv() {
        return "";
    }

    // ok: missing-authorization
    @GetMapping("/my-orders")
    public List<String> mine() {
        return List.of();
    }
}
