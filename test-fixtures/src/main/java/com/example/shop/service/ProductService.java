package com.example.shop.service;

import java.util.List;
import java.util.stream.StreamSupport;

import org.springframework.stereotype.Service;

import com.example.shop.domain.Product;
import com.example.shop.dto.ProductDto;
import com.example.shop.repository.ProductRepository;

@Service
public class ProductService {

    private final ProductRepository products;

    public ProductService(ProductRepository products) {
        this.products = products;
    }

    public List<ProductDto> search(String query) {
        List<Product> found = query == null || query.isBlank()
                ? StreamSupport.stream(products.findAll().spliterator(), false).toList()
                : products.findByNameContainingIgnoreCase(query);
        return found.stream().map(ProductService::toDto).toList();
    }

    public ProductDto get(long id) {
        return products.findById(id).map(ProductService::toDto)
                .orElseThrow(() -> new NotFoundException("product", id));
    }

    public ProductDto create(ProductDto dto) {
        return toDto(products.save(new Product(dto.name(), dto.description(), dto.price(), dto.stock())));
    }

    public ProductDto update(long id, ProductDto dto) {
        Product product = products.findById(id).orElseThrow(() -> new NotFoundException("product", id));
        product.setPrice(dto.price());
        product.setStock(dto.stock());
        return toDto(products.save(product));
    }

    public void delete(long id) {
        products.deleteById(id);
    }

    static ProductDto toDto(Product p) {
        return new ProductDto(p.getId(), p.getName(), p.getDescription(), p.getPrice(), p.getStock());
    }
}
