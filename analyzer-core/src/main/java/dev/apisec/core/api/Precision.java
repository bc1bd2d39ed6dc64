package dev.apisec.core.api;

/** How often a rule's findings are true positives (SARIF/CodeQL {@code precision} property). */
public enum Precision {
    VERY_HIGH("very-high"),
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low");

    private final String sarifName;

    Precision(String sarifName) {
        this.sarifName = sarifName;
    }

    public String sarifName() {
        return sarifName;
    }
}
