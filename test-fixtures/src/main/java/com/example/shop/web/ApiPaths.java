package com.example.shop.web;

/** Every public path of the shop API, in one place so that controllers, security and docs agree. */
public final class ApiPaths {

    public static final String API = "/api";
    public static final String V1 = API + "/v1";
    public static final String ORDERS = V1 + "/orders";
    public static final String ORDER_BY_ID = "/{orderId}";
    public static final String PRODUCTS = V1 + "/products";
    public static final String ADMIN = API + "/admin";
    public static final String REVIEWS = V1 + "/reviews";

    private ApiPaths() {
    }
}
