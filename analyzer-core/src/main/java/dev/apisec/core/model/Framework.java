package dev.apisec.core.model;

/** The web framework an endpoint is declared with. */
public enum Framework { SPRING_MVC, JAX_RS }
