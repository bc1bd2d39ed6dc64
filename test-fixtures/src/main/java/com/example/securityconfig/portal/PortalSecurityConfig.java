package com.example.securityconfig.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Lambda DSL: rules in declaration order, first match wins. Some later rules can never apply because an earlier,
 * broader one already decided; the look-alikes below them are fine.
 */
@Configuration
public class PortalSecurityConfig {

    static final String PORTAL = "/securityconfig/portal";

    private final RequestMatcher partnerRequests = request -> request.getHeader("X-Partner") != null;

    @Bean
    @Order(10)
    SecurityFilterChain portal(HttpSecurity http) throws Exception {
        http
                .securityMatcher(PORTAL + "/**")
                .authorizeHttpRequests(auth -> auth
                        // ok: security-rule-shadowed
                        .requestMatchers(PORTAL + "/api/**").permitAll()
                        // ruleid: security-rule-shadowed contains: requestMatchers(PORTAL + "/api/admin/**").hasRole("ADMIN") never applies: requestMatchers(PORTAL + "/api/**").permitAll() at PortalSecurityConfig.java:31 matches every request it matches first, so those requests get PUBLIC instead of RESTRICTED(ROLE_ADMIN)
                        .requestMatchers(PORTAL + "/api/admin/**").hasRole("ADMIN")
                        // narrower first, broader second: both apply
                        // ok: security-rule-shadowed
                        .requestMatchers(PORTAL + "/staff/admin/**").hasRole("ADMIN")
                        // ok: security-rule-shadowed
                        .requestMatchers(PORTAL + "/staff/**").hasRole("STAFF")
                        // different HTTP methods on the same paths
                        // ok: security-rule-shadowed
                        .requestMatchers(HttpMethod.GET, PORTAL + "/catalog/**").permitAll()
                        // ok: security-rule-shadowed
                        .requestMatchers(HttpMethod.POST, PORTAL + "/catalog/**").hasRole("EDITOR")
                        // GET only before every method: POST/PUT/DELETE still reach the later rule
                        // ok: security-rule-shadowed
                        .requestMatchers(HttpMethod.GET, PORTAL + "/news/**").permitAll()
                        // ok: security-rule-shadowed
                        .requestMatchers(PORTAL + "/news/drafts/**").hasRole("EDITOR")
                        // every method before DELETE: the DELETE rule never applies
                        // ok: security-rule-shadowed
                        .requestMatchers(PORTAL + "/help/**").permitAll()
                        // ruleid: security-rule-shadowed contains: requestMatchers(HttpMethod.DELETE, PORTAL + "/help/**").hasRole("ADMIN") never applies
                        .requestMatchers(HttpMethod.DELETE, PORTAL + "/help/**").hasRole("ADMIN")
                        // one segment only: /files/* does not cover /files/private/**
                        // ok: security-rule-shadowed
                        .requestMatchers(PORTAL + "/files/*").permitAll()
                        // ok: security-rule-shadowed
                        .requestMatchers(PORTAL + "/files/private/**").authenticated()
                        // several patterns, each covered by the earlier rule's patterns
                        // ok: security-rule-shadowed
                        .requestMatchers(PORTAL + "/docs/**", PORTAL + "/faq/**").permitAll()
                        // ruleid: security-rule-shadowed contains: so those requests get PUBLIC instead of AUTHENTICATED
                        .requestMatchers(PORTAL + "/docs/internal/**", PORTAL + "/faq/drafts").authenticated()
                        // only one of the two patterns is covered: the rule still applies to /wiki/**
                        // ok: security-rule-shadowed
                        .requestMatchers(PORTAL + "/blog/**", PORTAL + "/wiki/**", PORTAL + "/events").hasRole("EDITOR")
                        // same decision again: redundant, but no one gets different access
                        // ok: security-rule-shadowed
                        .requestMatchers(PORTAL + "/blog/comments/**").hasRole("EDITOR")
                        // stricter rule first: the later permitAll never applies and the app fails closed (LOW)
                        // ok: security-rule-shadowed
                        .requestMatchers(PORTAL + "/archive/**").denyAll()
                        // ruleid: security-rule-shadowed contains: stricter than written
                        .requestMatchers(PORTAL + "/archive/public/**").permitAll()
                        // a regular expression is never used to claim shadowing, although this one does shadow
                        // ok: security-rule-shadowed
                        .requestMatchers(RegexRequestMatcher.regexMatcher("/securityconfig/portal/market/.*")).permitAll()
                        // todoruleid: security-rule-shadowed
                        .requestMatchers(PORTAL + "/market/orders/**").hasRole("TRADER")
                        // a custom matcher cannot be evaluated: no claim either way
                        // ok: security-rule-shadowed
                        .requestMatchers(partnerRequests).hasRole("PARTNER")
                        // ok: security-rule-shadowed
                        .requestMatchers(PORTAL + "/partners/**").authenticated()
                        // ok: security-rule-shadowed
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    /** anyRequest() is not last: Spring Security refuses to start, and the rules after it would never apply. */
    @Bean
    @Order(11)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/securityconfig/console/**")
                .authorizeHttpRequests(auth -> auth
                        // ok: security-rule-shadowed
                        .requestMatchers("/securityconfig/console/login").permitAll()
                        // ok: security-rule-shadowed
                        .anyRequest().authenticated()
                        // ruleid: security-rule-shadowed contains: anyRequest().authenticated() at PortalSecurityConfig.java:101 comes before it and matches every request, so those requests get AUTHENTICATED instead of RESTRICTED(ROLE_ADMIN) (Spring Security rejects matchers configured after anyRequest() at startup)
                        .requestMatchers("/securityconfig/console/admin/**").hasRole("ADMIN")
                        // ruleid: security-rule-shadowed contains: (Spring Security rejects matchers configured after anyRequest() at startup)
                        .requestMatchers("/securityconfig/console/metrics").authenticated())
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }
}
