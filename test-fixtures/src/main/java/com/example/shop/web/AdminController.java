package com.example.shop.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.domain.OrderStatus;
import com.example.shop.dto.OrderResponse;
import com.example.shop.dto.StatusUpdate;
import com.example.shop.repository.OrderRepository;
import com.example.shop.service.OrderService;
import com.example.shop.service.ProductService;

import jakarta.validation.Valid;

/** Back-office operations. */
@RestController
@RequestMapping(ApiPaths.ADMIN)
@PreAuthorize("hasRole('ADMIN')")
public class AdminController {

    private final OrderService orderService;
    private final OrderRepository orders;
    private final ProductService products;

    public AdminController(OrderService orderService, OrderRepository orders, ProductService products) {
        this.orderService = orderService;
        this.orders = orders;
        this.products = products;
    }

    @GetJson("/orders/pending")
    public List<OrderResponse> pendingOrders() {
        return orders.findByStatus(OrderStatus.PAID).stream().map(OrderResponse::of).toList();
    }

    @PutMapping("/orders/{orderId}/status")
    public OrderResponse changeStatus(@PathVariable long orderId, @Valid @RequestBody StatusUpdate update) {
        return OrderResponse.of(orderService.changeStatus(orderId, update.status()));
    }

    @DeleteMapping(value = {"/products/{id}", "/catalogue/{id}"})
    public void deleteProduct(@PathVariable("id") long id) {
        products.delete(id);
    }
}
