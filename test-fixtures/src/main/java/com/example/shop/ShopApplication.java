package com.example.shop;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Entry point of the shop backend (a plain Spring context; the build adds the servlet container). */
@Configuration
@ComponentScan
public class ShopApplication {

    public static void main(String[] args) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(ShopApplication.class)) {
            context.registerShutdownHook();
        }
    }
}
