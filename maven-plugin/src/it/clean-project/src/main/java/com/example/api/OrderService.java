package com.example.api;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/** Orders by customer; at most {@link #PAGE_SIZE} of the most recent ones are returned. */
@Service
public class OrderService {

    static final int PAGE_SIZE = 20;

    private final Map<String, List<OrderSummary>> byCustomer = Map.of(
            "alice", List.of(new OrderSummary("o-1", "SHIPPED", "12.50"), new OrderSummary("o-2", "OPEN", "3.20")));

    public List<OrderSummary> recentOrdersOf(String customer) {
        List<OrderSummary> all = byCustomer.getOrDefault(customer, List.of());
        return all.subList(0, Math.min(all.size(), PAGE_SIZE));
    }
}
