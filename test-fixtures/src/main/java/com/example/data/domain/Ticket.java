package com.example.data.domain;

import jakarta.persistence.Entity;

@Entity
public class Ticket extends BaseEntity {

    private String title;

    private String status = "NEW";

    private Long ownerId;

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(Long ownerId) {
        this.ownerId = ownerId;
    }
}
