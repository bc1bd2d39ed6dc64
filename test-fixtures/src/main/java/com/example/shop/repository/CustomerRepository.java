package com.example.shop.repository;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

import com.example.shop.domain.Customer;

public interface CustomerRepository extends CrudRepository<Customer, Long> {

    Optional<Customer> findByUsername(String username);
}
