package dev.apisec.core.api;

import dev.apisec.core.model.Severity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Metadata of a rule, next to its class (error-prone's {@code @BugPattern} is the model). The id is stable and
 * user-visible: SARIF ruleId, docs file name, suppression key and fixture marker.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleDescriptor {
    /** kebab-case id, e.g. {@code permissive-cors}. */
    String id();

    /** Short title, no trailing period. */
    String title();

    /** One or two sentences describing what the rule finds. */
    String description();

    Severity severity();

    /** CWE numbers, most specific first. */
    int[] cwe();

    /** OWASP API Security Top 10 2023 category, e.g. {@code API8}. */
    String owasp();

    Precision precision();

    /** Extra tags besides {@code security}, the CWE and OWASP tags. */
    String[] tags() default {};
}
