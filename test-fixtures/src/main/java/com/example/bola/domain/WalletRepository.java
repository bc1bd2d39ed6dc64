package com.example.bola.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface WalletRepository extends ListCrudRepository<Wallet, Long> {

    Optional<Wallet> findByIdAndOwner(Long id, String owner);

    List<Wallet> findAllByOwner(String owner);
}
