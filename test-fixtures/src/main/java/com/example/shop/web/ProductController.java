package com.example.shop.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.dto.ProductDto;
import com.example.shop.service.ProductService;

/** Implements the generated {@link ProductsApi}; mappings are inherited from the interface. */
@RestController
public class ProductController implements ProductsApi {

    private final ProductService products;

    public ProductController(ProductService products) {
        this.products = products;
    }

    // ruleid: missing-authentication
    @Override
    public ResponseEntity<List<ProductDto>> listProducts(String q) {
        return ResponseEntity.ok(products.search(q));
    }

    // ruleid: missing-authentication
    @Override
    public ResponseEntity<ProductDto> getProduct(Long productId) {
        return ResponseEntity.ok(products.get(productId));
    }

    @Override
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<ProductDto> createProduct(ProductDto productDto) {
        return ResponseEntity.status(HttpStatus.CREATED).body(products.create(productDto));
    }

    @Override
    @PreAuthorize("hasAuthority('catalogue:write')")
    public ResponseEntity<ProductDto> updateProduct(Long productId, ProductDto productDto) {
        return ResponseEntity.ok(products.update(productId, productDto));
    }
}
