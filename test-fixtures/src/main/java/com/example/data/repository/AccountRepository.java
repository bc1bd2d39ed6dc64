package com.example.data.repository;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

import com.example.data.domain.UserAccount;
import com.example.data.dto.AccountSummary;

public interface AccountRepository extends ListCrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    List<AccountSummary> findByEmailEndingWith(String domain);
}
