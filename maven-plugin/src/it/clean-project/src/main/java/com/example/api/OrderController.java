package com.example.api;

import java.security.Principal;
import java.util.List;

import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in customer's own orders (SecurityConfig requires authentication for every request). */
@RestController
@RequestMapping("/orders")
public class OrderController {

    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    // a named origin without credentials: nothing to report
    @CrossOrigin(origins = "https://shop.example.com")
    @GetMapping
    public List<OrderSummary> list(Principal customer) {
        return orders.recentOrdersOf(customer.getName());
    }
}
