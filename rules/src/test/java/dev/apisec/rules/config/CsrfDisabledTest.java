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
 * Fixtures cover every disable syntax that compiles against Spring Security 6.5; the legacy
 * {@code WebSecurityConfigurerAdapter} form and the OAuth2 resource server (whose jar the fixtures do not have)
 * are inline: apisec reads sources and never compiles them.
 */
class CsrfDisabledTest {

    private static final String ID = "csrf-disabled";

    @TempDir
    Path dir;

    @Test
    void fixturesAgreeWithTheirMarkers() {
        MarkerReport report = MarkerHarness.scan(Fixtures.source("com.example.securityconfig"),
                List.of(new CsrfDisabled()));
        report.assertClean();
        List<ExpectationMarker> expected = report.markers().stream()
                .filter(m -> m.kind() == ExpectationMarker.Kind.RULEID && m.ruleIds().contains(ID)).toList();
        assertThat(expected).hasSize(6);
        assertThat(report.result().findings()).hasSameSizeAs(expected);
        // LOW exactly for the stateless / bearer-token chains
        for (Finding f : report.result().findings()) {
            assertThat(f.severity()).as(f.message())
                    .isEqualTo(f.message().contains(" in a chain that is ") ? Severity.LOW : Severity.HIGH);
        }
        assertThat(report.result().findings()).filteredOn(f -> f.severity() == Severity.LOW).hasSize(3);
    }

    @Test
    void sampleAppsKeepCsrf() {
        // the shop ignores CSRF for its stateless API paths but does not disable it
        MarkerReport apps = MarkerHarness.scan(List.of(Fixtures.source("com.example.shop"),
                Fixtures.source("com.example.inventory")), List.of(new CsrfDisabled()));
        assertThat(apps.result().findings()).isEmpty();
    }

    private List<Finding> scan(String source) throws IOException {
        return new InlineProject(dir).java("SecurityConfig.java", source).findings(new CsrfDisabled());
    }

    @Test
    void legacyAdapterWithFormLoginIsHighAtTheCsrfLine() throws IOException {
        List<Finding> findings = scan("""
                package com.acme;

                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;

                public class SecurityConfig extends WebSecurityConfigurerAdapter {
                    @Override
                    protected void configure(HttpSecurity http) throws Exception {
                        http
                            .authorizeRequests()
                                .antMatchers("/login").permitAll()
                                .anyRequest().authenticated()
                            .and()
                            .formLogin()
                            .and()
                            .csrf().disable();
                    }
                }
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ID);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            // the csrf() call, not the start of the chained expression (line 9)
            assertThat(f.location().startLine()).isEqualTo(16);
            assertThat(f.message()).isEqualTo("CSRF protection is disabled in SecurityConfig#configure while the "
                    + "chain signs users in with a session cookie (form login, remember-me or OAuth2/SAML login): "
                    + "any web site a signed-in user visits can send state-changing requests that the browser "
                    + "authenticates with that cookie");
            assertThat(f.related()).extracting(l -> l.startLine()).containsExactly(7);
        });
    }

    @Test
    void resourceServerWithoutSessionPolicyIsLowAndFormLoginWinsOverStateless() throws IOException {
        List<Finding> findings = scan("""
                package com.acme;

                import org.springframework.context.annotation.Bean;
                import org.springframework.core.annotation.Order;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
                import org.springframework.security.config.http.SessionCreationPolicy;
                import org.springframework.security.web.SecurityFilterChain;

                class SecurityConfig {
                    @Bean
                    @Order(1)
                    SecurityFilterChain api(HttpSecurity http) throws Exception {
                        return http.securityMatcher("/api/**")
                                .oauth2ResourceServer(o -> o.jwt(j -> {}))
                                .csrf(AbstractHttpConfigurer::disable)
                                .build();
                    }

                    @Bean
                    @Order(2)
                    SecurityFilterChain web(HttpSecurity http) throws Exception {
                        return http
                                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                                .formLogin(f -> f.loginPage("/login"))
                                .csrf(c -> c.disable())
                                .build();
                    }

                    @Bean
                    @Order(3)
                    SecurityFilterChain basic(HttpSecurity http) throws Exception {
                        return http.securityMatcher("/basic/**")
                                .httpBasic(b -> {})
                                .csrf(c -> c.ignoringRequestMatchers("/basic/hooks/**"))
                                .build();
                    }
                }
                """);
        assertThat(findings).extracting(f -> f.location().startLine(), Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(16, Severity.LOW),
                        org.assertj.core.groups.Tuple.tuple(26, Severity.HIGH));
        assertThat(findings.get(0).message()).isEqualTo("CSRF protection is disabled in SecurityConfig#api in a "
                + "chain that is authenticated by bearer tokens: browsers do not attach bearer tokens to cross-site "
                + "requests, so this is low risk as long as no cookie, session or HTTP Basic login is added to this "
                + "chain");
    }

    @Test
    void httpBasicWithTheDefaultSessionPolicyIsHigh() throws IOException {
        List<Finding> findings = scan("""
                package com.acme;

                import org.springframework.context.annotation.Bean;
                import org.springframework.security.config.Customizer;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.web.SecurityFilterChain;

                class SecurityConfig {
                    @Bean
                    SecurityFilterChain api(HttpSecurity http) throws Exception {
                        http.httpBasic(Customizer.withDefaults());
                        http.csrf(csrf -> {
                            csrf.disable();
                        });
                        return http.build();
                    }
                }
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.location().startLine()).isEqualTo(12);
            assertThat(f.message()).startsWith("CSRF protection is disabled in SecurityConfig#api while the chain "
                    + "keeps the default session policy");
        });
    }
}
