package dev.apisec.core.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SarifSchemaValidatorTest {

    private static final String MINIMAL = """
            {
              "version": "2.1.0",
              "runs": [ { "tool": { "driver": { "name": "apisec" } }, "results": [ %s ] } ]
            }
            """;

    @Test
    void acceptsAMinimalValidDocument() {
        assertThat(SarifSchemaValidator.validate(MINIMAL.formatted(
                "{ \"ruleId\": \"x\", \"level\": \"error\", \"message\": { \"text\": \"m\" } }"))).isEmpty();
    }

    @Test
    void rejectsAnUnknownLevel() {
        assertThat(SarifSchemaValidator.validate(MINIMAL.formatted(
                "{ \"ruleId\": \"x\", \"level\": \"fatal\", \"message\": { \"text\": \"m\" } }")))
                .anySatisfy(e -> assertThat(e).contains("level"));
    }

    @Test
    void rejectsAResultWithoutMessage() {
        assertThat(SarifSchemaValidator.validate(MINIMAL.formatted("{ \"ruleId\": \"x\" }")))
                .anySatisfy(e -> assertThat(e).contains("message"));
    }

    @Test
    void rejectsAWrongVersionAndUnknownTopLevelProperties() {
        assertThat(SarifSchemaValidator.validate("{ \"version\": \"2.0.0\", \"runs\": [], \"extra\": 1 }"))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void rejectsANegativeLine() {
        String result = """
                { "message": { "text": "m" }, "locations": [ { "physicalLocation": {
                  "artifactLocation": { "uri": "A.java" }, "region": { "startLine": 0 } } } ] }
                """;
        assertThat(SarifSchemaValidator.validate(MINIMAL.formatted(result)))
                .anySatisfy(e -> assertThat(e).contains("startLine"));
    }

    @Test
    void rejectsSomethingThatIsNotJson() {
        assertThat(SarifSchemaValidator.validate("{ not json")).isNotEmpty();
    }
}
