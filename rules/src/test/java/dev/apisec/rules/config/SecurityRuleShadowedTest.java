package dev.apisec.rules.config;

import dev.apisec.core.api.Finding;
import dev.apisec.core.model.Severity;
import dev.apisec.fixtures.ExpectationMarker;
import dev.apisec.fixtures.Fixtures;
import dev.apisec.fixtures.InlineProject;
import dev.apisec.fixtures.MarkerHarness;
import dev.apisec.fixtures.MarkerReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixtures (lambda, chained and WebFlux DSL compiled against Spring Security 6.5) plus inline sources for what
 * 6.5 no longer compiles: {@code WebSecurityConfigurerAdapter}, {@code authorizeRequests().antMatchers()},
 * {@code mvcMatchers}. apisec reads sources and never compiles them, so the inline cases are analysed as written.
 */
class SecurityRuleShadowedTest {

    private static final String ID = "security-rule-shadowed";

    @TempDir
    Path dir;

    @Test
    void fixturesAgreeWithTheirMarkers() {
        MarkerReport report = MarkerHarness.scan(Fixtures.source("com.example.securityconfig"),
                List.of(new SecurityRuleShadowed()));
        report.assertClean();
        List<ExpectationMarker> expected = report.markers().stream()
                .filter(m -> m.kind() == ExpectationMarker.Kind.RULEID && m.ruleIds().contains(ID)).toList();
        assertThat(expected).hasSize(10);
        assertThat(report.result().findings()).hasSameSizeAs(expected);
        // LOW only where the earlier rule is stricter than the unreachable one (denyAll before permitAll)
        assertThat(report.result().findings()).filteredOn(f -> f.severity() == Severity.LOW).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("denyAll()", "PUBLIC"));
        assertThat(report.result().findings()).filteredOn(f -> f.severity() == Severity.HIGH).hasSize(9);
        // every finding points at the rule or chain that decided first
        assertThat(report.result().findings()).allSatisfy(f -> assertThat(f.related()).hasSize(1));
    }

    @Test
    void sampleAppsHaveNoShadowedRules() {
        MarkerReport apps = MarkerHarness.scan(List.of(Fixtures.source("com.example.shop"),
                Fixtures.source("com.example.inventory")), List.of(new SecurityRuleShadowed()));
        assertThat(apps.result().findings()).isEmpty();
    }

    private List<Finding> scan(String source) throws IOException {
        return new InlineProject(dir).java("SecurityConfig.java", source).findings(new SecurityRuleShadowed());
    }

    @Test
    void broaderPermitAllFirstShadowsTheAdminRuleWithTheIssuesMessage() throws IOException {
        List<Finding> findings = scan("""
                package com.acme;

                import org.springframework.context.annotation.Bean;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.web.SecurityFilterChain;

                class SecurityConfig {
                    @Bean
                    SecurityFilterChain api(HttpSecurity http) throws Exception {
                        http.authorizeHttpRequests(auth -> auth
                                .requestMatchers("/public/**").permitAll()
                                .requestMatchers("/api/**").permitAll()
                                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                                .anyRequest().authenticated());
                        return http.build();
                    }
                }
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ID);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.location().startLine()).isEqualTo(13);
            assertThat(f.location().file()).isEqualTo("src/main/java/com/acme/SecurityConfig.java");
            assertThat(f.message()).isEqualTo("requestMatchers(\"/api/admin/**\").hasRole(\"ADMIN\") never applies: "
                    + "requestMatchers(\"/api/**\").permitAll() at SecurityConfig.java:12 matches every request it "
                    + "matches first, so those requests get PUBLIC instead of RESTRICTED(ROLE_ADMIN)");
            assertThat(f.related()).extracting(l -> l.startLine()).containsExactly(12);
            assertThat(f.endpoint()).isNull();
        });
    }

    @Test
    void lookAlikesAreNotShadowed() throws IOException {
        List<Finding> findings = scan("""
                package com.acme;

                import org.springframework.context.annotation.Bean;
                import org.springframework.http.HttpMethod;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.web.SecurityFilterChain;

                class SecurityConfig {
                    @Bean
                    SecurityFilterChain api(HttpSecurity http) throws Exception {
                        http.authorizeHttpRequests(auth -> auth
                                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                                .requestMatchers("/api/**").authenticated()
                                .requestMatchers("/files/*").permitAll()
                                .requestMatchers("/files/private/**").authenticated()
                                .requestMatchers(HttpMethod.GET, "/items/**").permitAll()
                                .requestMatchers(HttpMethod.POST, "/items/**").hasRole("EDITOR")
                                .requestMatchers("/items/drafts/**").hasRole("EDITOR")
                                .requestMatchers("/orders/me").permitAll()
                                .requestMatchers("/orders/{id}").authenticated()
                                .requestMatchers("/x/**").access(customAccess)
                                .requestMatchers("/x/y/**").access(customAccess)
                                .requestMatchers(unknownMatcher).permitAll()
                                .requestMatchers("/y/**").hasRole("Y")
                                .anyRequest().denyAll());
                        return http.build();
                    }
                }
                """);
        assertThat(findings).isEmpty();
    }

    @Test
    void rulesAfterAnyRequestAreReportedWithTheStartupFailure() throws IOException {
        List<Finding> findings = scan("""
                package com.acme;

                import org.springframework.context.annotation.Bean;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.web.SecurityFilterChain;

                class SecurityConfig {
                    @Bean
                    SecurityFilterChain api(HttpSecurity http) throws Exception {
                        http.authorizeHttpRequests(auth -> auth
                                .anyRequest().authenticated()
                                .requestMatchers("/health").permitAll()
                                .requestMatchers(customMatcher).hasRole("OPS"));
                        return http.build();
                    }
                }
                """);
        assertThat(findings).extracting(f -> f.location().startLine()).containsExactly(12, 13);
        // what applies (AUTHENTICATED) is stricter than what was written (PUBLIC): fails closed, LOW
        assertThat(findings.get(0).severity()).isEqualTo(Severity.LOW);
        assertThat(findings.get(0).message()).isEqualTo("requestMatchers(\"/health\").permitAll() never applies: "
                + "anyRequest().authenticated() at SecurityConfig.java:11 comes before it and matches every request, "
                + "so those requests get AUTHENTICATED instead of PUBLIC (Spring Security rejects matchers "
                + "configured after anyRequest() at startup)");
        // anyRequest() covers even a matcher apisec cannot evaluate; AUTHENTICATED instead of a role: HIGH
        assertThat(findings.get(1).severity()).isEqualTo(Severity.HIGH);
        assertThat(findings.get(1).message()).startsWith("requestMatchers(customMatcher).hasRole(\"OPS\") never applies");
    }

    @Test
    void legacyAdapterWithAntAndMvcMatchers() throws IOException {
        // WebSecurityConfigurerAdapter, authorizeRequests() and antMatchers/mvcMatchers are gone from Spring
        // Security 6: this source would not compile against the fixtures' classpath, so it is inline
        List<Finding> findings = scan("""
                package com.acme;

                import org.springframework.http.HttpMethod;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;

                public class SecurityConfig extends WebSecurityConfigurerAdapter {
                    @Override
                    protected void configure(HttpSecurity http) throws Exception {
                        http.authorizeRequests()
                                .antMatchers("/api/**").authenticated()
                                .mvcMatchers("/api/admin/**").hasAuthority("admin:write")
                                .antMatchers(HttpMethod.GET, "/public/**").permitAll()
                                .antMatchers(HttpMethod.GET, "/public/reports/**").hasRole("ANALYST")
                                .antMatchers(HttpMethod.POST, "/public/reports/**").hasRole("ANALYST")
                                .anyRequest().permitAll()
                                .and().formLogin();
                    }
                }
                """);
        assertThat(findings).extracting(f -> f.location().startLine()).containsExactly(12, 14);
        assertThat(findings.get(0).message()).isEqualTo("mvcMatchers(\"/api/admin/**\").hasAuthority("
                + "\"admin:write\") never applies: antMatchers(\"/api/**\").authenticated() at SecurityConfig.java:11 "
                + "matches every request it matches first, so those requests get AUTHENTICATED instead of "
                + "RESTRICTED(admin:write)");
        assertThat(findings.get(1).message()).startsWith("antMatchers(HttpMethod.GET, \"/public/reports/**\")"
                + ".hasRole(\"ANALYST\") never applies: antMatchers(HttpMethod.GET, \"/public/**\").permitAll()");
    }

    @Test
    void reactiveAnyExchangeNotLast() throws IOException {
        List<Finding> findings = scan("""
                package com.acme;

                import org.springframework.context.annotation.Bean;
                import org.springframework.security.config.web.server.ServerHttpSecurity;
                import org.springframework.security.web.server.SecurityWebFilterChain;

                class SecurityConfig {
                    @Bean
                    SecurityWebFilterChain chain(ServerHttpSecurity http) {
                        return http.authorizeExchange(ex -> ex
                                .anyExchange().permitAll()
                                .pathMatchers("/admin/**").hasRole("ADMIN"))
                                .build();
                    }
                }
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location().startLine()).isEqualTo(12);
            assertThat(f.message()).endsWith("so those requests get PUBLIC instead of RESTRICTED(ROLE_ADMIN) "
                    + "(Spring Security rejects matchers registered after anyExchange() at startup)");
        });
    }

    @Test
    void chainWithoutScopeOrderedFirstShadowsLaterChains() throws IOException {
        List<Finding> findings = scan("""
                package com.acme;

                import org.springframework.context.annotation.Bean;
                import org.springframework.core.annotation.Order;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.web.SecurityFilterChain;

                class SecurityConfig {
                    @Bean
                    @Order(1)
                    SecurityFilterChain web(HttpSecurity http) throws Exception {
                        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
                    }

                    @Bean
                    @Order(2)
                    SecurityFilterChain api(HttpSecurity http) throws Exception {
                        return http.securityMatcher("/api/**")
                                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                                .build();
                    }

                    @Bean
                    SecurityFilterChain fallback(HttpSecurity http) throws Exception {
                        return http.authorizeHttpRequests(a -> a.anyRequest().denyAll()).build();
                    }
                }
                """);
        assertThat(findings).extracting(f -> f.location().startLine()).containsExactly(15, 23);
        assertThat(findings.get(0).message()).isEqualTo("filter chain SecurityConfig#api never applies: "
                + "SecurityConfig#web at SecurityConfig.java:9 (@Order(1)) has no securityMatcher, so it handles "
                + "every request before SecurityConfig#api (@Order(2)) with securityMatcher(\"/api/**\") is "
                + "consulted; its rules are never used (Spring Security 6 refuses to start with a chain after an "
                + "any-request chain)");
        assertThat(findings.get(0).related()).extracting(l -> l.startLine()).containsExactly(9);
        assertThat(findings.get(1).message()).startsWith("filter chain SecurityConfig#fallback never applies: "
                + "SecurityConfig#web at SecurityConfig.java:9 (@Order(1))");
    }

    @Test
    void chainsWithEqualOrderAreOnlyReportedWhenBothMatchEveryRequest() throws IOException {
        List<Finding> findings = scan("""
                package com.acme;

                import org.springframework.context.annotation.Bean;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.web.SecurityFilterChain;

                class SecurityConfig {
                    @Bean
                    SecurityFilterChain web(HttpSecurity http) throws Exception {
                        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
                    }

                    @Bean
                    SecurityFilterChain api(HttpSecurity http) throws Exception {
                        return http.securityMatcher("/api/**")
                                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                                .build();
                    }
                }
                """);
        // no @Order on either: which comes first depends on bean registration, which apisec does not model
        assertThat(findings).isEmpty();

        findings = scan("""
                package com.acme;

                import org.springframework.context.annotation.Bean;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.web.SecurityFilterChain;

                class SecurityConfig {
                    @Bean
                    SecurityFilterChain web(HttpSecurity http) throws Exception {
                        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
                    }

                    @Bean
                    SecurityFilterChain admin(HttpSecurity http) throws Exception {
                        return http.authorizeHttpRequests(a -> a.anyRequest().hasRole("ADMIN")).build();
                    }
                }
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location().startLine()).isEqualTo(13);
            assertThat(f.message()).contains("SecurityConfig#web at SecurityConfig.java:8 (no @Order, lowest "
                    + "precedence) has no securityMatcher");
        });
    }

    @Test
    void regexAndUnresolvedMatchersNeverClaimShadowing() throws IOException {
        List<Finding> findings = scan("""
                package com.acme;

                import org.springframework.context.annotation.Bean;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.web.SecurityFilterChain;
                import org.springframework.security.web.util.matcher.RegexRequestMatcher;

                class SecurityConfig {
                    @Bean
                    SecurityFilterChain api(HttpSecurity http) throws Exception {
                        http.authorizeHttpRequests(auth -> auth
                                .requestMatchers(RegexRequestMatcher.regexMatcher("/api/.*")).permitAll()
                                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                                .requestMatchers(Paths.UNKNOWN).permitAll()
                                .requestMatchers("/internal/**").hasRole("OPS")
                                .requestMatchers(RegexRequestMatcher.regexMatcher("/reports/.*")).hasRole("A")
                                .requestMatchers(RegexRequestMatcher.regexMatcher("/reports/.*")).hasRole("B")
                                .anyRequest().authenticated());
                        return http.build();
                    }
                }
                """);
        assertThat(findings).isEmpty();
    }
}
