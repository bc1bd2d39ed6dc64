package dev.apisec.core.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PathPatternsTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/**           | /api                   | true",
            "/api/**           | /api/orders/{id}       | true",
            "/api/**           | /apix                  | false",
            "/api/*            | /api/orders            | true",
            "/api/*            | /api/orders/1          | false",
            "/api/*            | /api                   | false",
            "/**               | /                      | true",
            "/**               | /anything/at/all       | true",
            "/orders/{id}      | /orders/{orderId}      | true",
            "/orders/*         | /orders/{orderId}      | true",
            "/orders/me        | /orders/{id}           | false",
            "/orders/{id:\\d+} | /orders/42             | true",
            "/orders/{id:\\d+} | /orders/{id}           | false",
            "/orders/{id:\\d+} | /orders/abc            | false",
            "/files/*.json     | /files/a.json          | true",
            "/files/*.json     | /files/{name}          | false",
            "/a?c              | /abc                   | true",
            "/a?c              | /abbc                  | false",
            "/admin/           | /admin                 | true",
            "/admin            | /admin/users           | false",
            "/**/admin/**      | /api/v1/admin/users    | true",
            "/**/admin/**      | /api/v1/users          | false",
            "/static/{*rest}   | /static/css/site.css   | true",
            "/users/{id}/**    | /users/{userId}/orders | true",
            "/actuator/health/** | /actuator/health     | true",
    })
    void antAndPathPatternSemantics(String pattern, String path, boolean expected) {
        assertThat(PathPatterns.matches(pattern.trim(), path.trim())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/**    | /api/admin/**  | true",
            "/**        | /api/admin/**  | true",
            "/api/*     | /api/admin/**  | false",
            "/api/admin | /api/**        | false",
            "/api/{x}   | /api/admin     | true",
    })
    void coverage(String broad, String narrow, boolean expected) {
        assertThat(PathPatterns.covers(broad.trim(), narrow.trim())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/.*        | /api/orders/{id} | true",
            "/admin/[a-z]+  | /admin/users     | true",
            "/admin/[a-z]+  | /api/users       | false",
            "[invalid       | /x               | false",
    })
    void regexMatchers(String regex, String path, boolean expected) {
        assertThat(PathPatterns.matchesRegex(regex.trim(), path.trim())).isEqualTo(expected);
    }
}
