package dev.apisec.core.api;

/**
 * One check. Implementations are final classes annotated with {@link RuleDescriptor}; they read the
 * {@link dev.apisec.core.api.ProjectModel} and report through the context. A rule must not keep state between
 * runs: the same instance may serve several scans.
 */
public interface Rule {
    void check(RuleContext context);

    default RuleMetadata metadata() {
        return RuleMetadata.of(getClass());
    }
}
