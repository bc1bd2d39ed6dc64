package com.example.shop.repository;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

import com.example.shop.domain.Product;

public interface ProductRepository extends CrudRepository<Product, Long> {

    List<Product> findByNameContainingIgnoreCase(String name);
}
