package com.example.shop.web;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.dto.OrderRequest;
import com.example.shop.dto.OrderResponse;
import com.example.shop.service.OrderService;

import jakarta.validation.Valid;

/** A customer's own orders. */
@RestController
@RequestMapping(ApiPaths.ORDERS)
public class OrderController {

    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    @GetMapping
    public Page<OrderResponse> myOrders(@AuthenticationPrincipal UserDetails user, Pageable pageable) {
        return orders.ordersOf(user.getUsername(), pageable).map(OrderResponse::of);
    }

    @GetMapping(ApiPaths.ORDER_BY_ID)
    public OrderResponse myOrder(@AuthenticationPrincipal UserDetails user, @PathVariable long orderId) {
        return OrderResponse.of(orders.orderOf(user.getUsername(), orderId));
    }

    /** Order receipts are shared by link, so any signed-in user may read one. */
    // ruleid: missing-ownership-check contains: 'id' reaches OrderRepository.findById without an ownership check (through 1 call)
    @GetMapping(ApiPaths.ORDER_BY_ID + "/receipt")
    public OrderResponse receipt(@PathVariable("orderId") long id) {
        return OrderResponse.of(orders.anyOrder(id));
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    public OrderResponse place(@AuthenticationPrincipal UserDetails user, @Valid @RequestBody OrderRequest request) {
        return OrderResponse.of(orders.place(user.getUsername(), request));
    }

    @DeleteMapping(ApiPaths.ORDER_BY_ID)
    public ResponseEntity<Void> cancel(@AuthenticationPrincipal UserDetails user, @PathVariable long orderId) {
        orders.cancel(user.getUsername(), orderId);
        return ResponseEntity.noContent().build();
    }
}
