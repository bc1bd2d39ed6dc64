package com.example.data.domain;

import java.math.BigDecimal;

/** Persistent through its {@code @MappedSuperclass} parent (mapped in orm.xml). */
public class Coupon extends BaseEntity {

    private String code;

    private BigDecimal price;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }
}
