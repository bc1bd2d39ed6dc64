package com.example.shop.service;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import com.example.shop.domain.Customer;
import com.example.shop.domain.Order;
import com.example.shop.domain.OrderStatus;
import com.example.shop.domain.Product;
import com.example.shop.dto.OrderRequest;
import com.example.shop.repository.CustomerRepository;
import com.example.shop.repository.OrderRepository;
import com.example.shop.repository.ProductRepository;

@Service
public class OrderService {

    private final OrderRepository orders;
    private final ProductRepository products;
    private final CustomerRepository customers;

    public OrderService(OrderRepository orders, ProductRepository products, CustomerRepository customers) {
        this.orders = orders;
        this.products = products;
        this.customers = customers;
    }

    public Page<Order> ordersOf(String username, Pageable pageable) {
        return orders.findByCustomerUsername(username, pageable);
    }

    public Order orderOf(String username, long orderId) {
        return orders.findByIdAndCustomerUsername(orderId, username)
                .orElseThrow(() -> new NotFoundException("order", orderId));
    }

    public Order anyOrder(long orderId) {
        return orders.findById(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
    }

    public Order place(String username, OrderRequest request) {
        Customer customer = customers.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("customer", username));
        Product product = products.findById(request.productId())
                .orElseThrow(() -> new NotFoundException("product", request.productId()));
        product.setStock(product.getStock() - request.quantity());
        products.save(product);
        return orders.save(new Order(customer, product, request.quantity()));
    }

    public Order changeStatus(long orderId, OrderStatus status) {
        Order order = anyOrder(orderId);
        order.setStatus(status);
        return orders.save(order);
    }

    public void cancel(String username, long orderId) {
        Order order = orderOf(username, orderId);
        order.setStatus(OrderStatus.CANCELLED);
        orders.save(order);
    }
}
