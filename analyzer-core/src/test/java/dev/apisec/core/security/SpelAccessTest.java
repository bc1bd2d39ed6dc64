package dev.apisec.core.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpelAccessTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "permitAll                                   ; PUBLIC",
            "isAuthenticated()                           ; AUTHENTICATED",
            "isFullyAuthenticated()                      ; AUTHENTICATED",
            "denyAll()                                   ; DENIED",
            "hasRole('ADMIN')                            ; RESTRICTED(ROLE_ADMIN)",
            "hasRole(\"ROLE_ADMIN\")                     ; RESTRICTED(ROLE_ADMIN)",
            "hasAnyRole('ADMIN', 'OPS')                  ; RESTRICTED(ROLE_ADMIN, ROLE_OPS)",
            "hasAuthority('SCOPE_orders:write')          ; RESTRICTED(SCOPE_orders:write)",
            "hasRole('ADMIN') or hasRole('OPS')          ; RESTRICTED(ROLE_ADMIN, ROLE_OPS)",
            "isAuthenticated() and hasRole('USER')       ; RESTRICTED(ROLE_USER)",
            "hasRole('ADMIN') or isAuthenticated()       ; AUTHENTICATED",
            "(hasRole('ADMIN'))                          ; RESTRICTED(ROLE_ADMIN)",
            "hasRole('ADMIN') || hasRole('OPS')          ; RESTRICTED(ROLE_ADMIN, ROLE_OPS)",
            "#id == principal.id                         ; CUSTOM(#id == principal.id)",
            "hasRole('ADMIN') or #userId == principal.id ; CUSTOM(hasRole('ADMIN') or #userId == principal.id)",
            "@acl.canRead(#id, authentication)           ; CUSTOM(@acl.canRead(#id, authentication))",
            "hasPermission(#id, 'Order', 'read')         ; CUSTOM(hasPermission(#id, 'Order', 'read'))",
            "hasRole(T(com.acme.Roles).ADMIN)            ; CUSTOM(hasRole(T(com.acme.Roles).ADMIN))",
    })
    void certainFormsAndCustomOnes(String expression, String expected) {
        assertThat(SpelAccess.parse(expression.trim(), new Evidence("test", null)).summary())
                .isEqualTo(expected.trim());
    }
}
