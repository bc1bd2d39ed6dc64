package dev.apisec.core.model;

/** One property from {@code application*.properties|yml|yaml}, with its flattened key and its line. */
public record ConfigProperty(String key, String value, String file, int line) {
}
