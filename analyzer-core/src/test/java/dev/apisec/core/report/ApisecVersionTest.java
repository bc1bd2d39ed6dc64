package dev.apisec.core.report;

import dev.apisec.core.engine.ApisecVersion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApisecVersionTest {

    @Test
    void versionIsTheFilteredProjectVersion() {
        assertThat(ApisecVersion.get())
                .doesNotContain("${")
                .matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
    }
}
