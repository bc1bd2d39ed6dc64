package com.example.shop.repository;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

import com.example.shop.domain.Order;
import com.example.shop.domain.OrderStatus;

public interface OrderRepository extends CrudRepository<Order, Long>, PagingAndSortingRepository<Order, Long> {

    Page<Order> findByCustomerUsername(String username, Pageable pageable);

    Optional<Order> findByIdAndCustomerUsername(Long id, String username);

    List<Order> findByStatus(OrderStatus status);
}
