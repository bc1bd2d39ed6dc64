package com.example.data.repository;

import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.PagingAndSortingRepository;

/** Shared base of the data app's repositories. */
@NoRepositoryBean
public interface BaseRepository<T> extends PagingAndSortingRepository<T, Long> {
}
